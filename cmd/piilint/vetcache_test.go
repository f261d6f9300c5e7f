package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A vetUnit is one package the vet tool analysed, as go vet -x shows it.
type vetUnit struct {
	ImportPath string
	VetxOnly   bool // a dependency, analysed for its facts only
}

// vetRun is the outcome of go vet -x -vettool=piilint.
type vetRun struct {
	code     int
	stdout   string
	stderr   string
	diags    []string  // diagnostic lines on stderr, related information included
	findings []finding // the diagnostics themselves
	units    []vetUnit // the packages the vet tool analysed, in order
}

// moduleUnits returns the units of the fixture module's packages.
func (r vetRun) moduleUnits() []vetUnit {
	var out []vetUnit
	for _, u := range r.units {
		if strings.HasPrefix(u.ImportPath, "example.com/stdmod/") {
			out = append(out, u)
		}
	}
	return out
}

var heredocRE = regexp.MustCompile(`^cat >(\S+) << 'EOF'`)

// goVetX runs go vet -x -vettool=<piilint> in dir, with the go command's
// cache in gocache, and separates the commands -x prints from the
// diagnostics. The go command runs the vet tool once per package it does
// not find in its cache, and -x shows each run: the vet.cfg file it
// writes for the package, then the tool's command line naming that file.
func goVetX(t *testing.T, dir, gocache string, args ...string) vetRun {
	t.Helper()
	args = append([]string{"vet", "-x", "-vettool=" + piilintBin}, args...)
	ctx, cancel := context.WithTimeout(t.Context(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "go", args...)
	killGroup(cmd)
	cmd.WaitDelay = 5 * time.Second
	cmd.Dir = dir
	cmd.Env = append(cmd.Environ(), "GOTOOLCHAIN=local", "GOFLAGS=-mod=mod", "GOWORK=off", "GOCACHE="+gocache)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("go %s: no result after %v", strings.Join(args, " "), commandTimeout)
	}
	r := vetRun{stdout: stdout.String(), stderr: stderr.String()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() < 0 {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, r.stderr)
		}
		r.code = ee.ExitCode()
	}
	if strings.Contains(r.stderr, "panic:") {
		t.Fatalf("go %s: the vet tool crashed:\n%s", strings.Join(args, " "), r.stderr)
	}

	cfgs := make(map[string]vetUnit) // "b001/vet.cfg" → unit
	key := func(file string) string {
		file = filepath.ToSlash(file)
		return path.Base(path.Dir(file)) + "/" + path.Base(file)
	}
	lines := strings.Split(r.stderr, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if m := heredocRE.FindStringSubmatch(l); m != nil {
			end := slices.Index(lines[i+1:], "EOF")
			if end < 0 {
				t.Fatalf("unterminated here-document in go vet -x output:\n%s", strings.Join(lines[i:], "\n"))
			}
			body := strings.Join(lines[i+1:i+1+end], "\n")
			i += 1 + end
			if path.Base(filepath.ToSlash(m[1])) != "vet.cfg" {
				continue
			}
			var u vetUnit
			if err := json.Unmarshal([]byte(body), &u); err != nil || u.ImportPath == "" {
				t.Fatalf("vet.cfg written by go vet -x does not name a package (%v):\n%s", err, body)
			}
			cfgs[key(m[1])] = u
			continue
		}
		if strings.Contains(l, piilintBin) && strings.HasSuffix(l, "vet.cfg") {
			fields := strings.Fields(l)
			u, ok := cfgs[key(fields[len(fields)-1])]
			if !ok {
				t.Fatalf("go vet -x runs the vet tool on a configuration it did not show: %q", l)
			}
			r.units = append(r.units, u)
			continue
		}
		m := vetLineRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		r.diags = append(r.diags, l)
		if strings.HasPrefix(m[4], "\t") {
			continue // related information
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		r.findings = append(r.findings, finding{filepath.ToSlash(strings.TrimPrefix(m[1], "./")), line, col, m[4], "piilog"})
	}
	return r
}

// checkUnits compares the fixture packages the vet tool analysed with
// want (import paths relative to the module), each analysed once, for
// its findings.
func checkUnits(t *testing.T, step string, r vetRun, want ...string) {
	t.Helper()
	var got []string
	for _, u := range r.moduleUnits() {
		p := strings.TrimPrefix(u.ImportPath, "example.com/stdmod/")
		if u.VetxOnly {
			p += " (facts only)"
		}
		got = append(got, p)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: the vet tool analysed %q, want %q", step, got, want)
	}
}

func checkVetFindings(t *testing.T, step string, r vetRun, wants map[want]bool) {
	t.Helper()
	if r.code != 1 {
		t.Fatalf("%s: go vet exit status %d, want 1 (findings); stderr:\n%s", step, r.code, r.stderr)
	}
	if r.stdout != "" {
		t.Errorf("%s: go vet wrote to standard output:\n%s", step, r.stdout)
	}
	checkFindings(t, r.findings, wants)
}

// TestGoVetCache checks what the README says of go vet -vettool=piilint
// run directly: the go command caches the tool's results, findings
// included, so an unchanged re-run prints the same findings without
// running the tool at all; an edit re-runs it on the edited package, and
// on the packages importing it when what they see of it changes.
func TestGoVetCache(t *testing.T) {
	e2e(t)
	dir := copyFixture(t)
	gocache := t.TempDir()
	wants := collectWants(t, dir)

	// A cold cache: every package is analysed, the dependencies in the
	// standard library for their facts only.
	first := goVetX(t, dir, gocache, "./...")
	checkVetFindings(t, "first run", first, wants)
	checkColumns(t, dir, first.findings)
	checkUnits(t, "first run", first, "app", "logx", "model", "testutil")
	if !slices.Contains(first.units, vetUnit{ImportPath: "log", VetxOnly: true}) {
		t.Errorf("first run: the vet tool did not compute the facts of package log")
	}

	// Unchanged: the same diagnostics, from the cache.
	second := goVetX(t, dir, gocache, "./...")
	checkVetFindings(t, "unchanged re-run", second, wants)
	if !slices.Equal(byPackage(second.diags), byPackage(first.diags)) {
		t.Errorf("unchanged re-run: diagnostics differ:\nfirst:\n%s\nsecond:\n%s",
			strings.Join(first.diags, "\n"), strings.Join(second.diags, "\n"))
	}
	if len(second.units) != 0 {
		t.Errorf("unchanged re-run: the vet tool ran on %v, want no package", second.units)
	}

	// A new leak in app, which no package imports: app alone is
	// re-analysed, and the new finding appears.
	appendFile(t, filepath.Join(dir, "app", "app.go"), `
// Audit is added after the first runs.
func Audit(c *model.Customer) {
	log.Println("audit", c.Email) // want "Customer.Email (email) reaches log output via log.Println"
}
`)
	wants = collectWants(t, dir)
	edited := goVetX(t, dir, gocache, "./...")
	checkVetFindings(t, "after editing app", edited, wants)
	checkUnits(t, "after editing app", edited, "app")
	if len(edited.units) != 1 {
		t.Errorf("after editing app: the vet tool ran on %v, want app only", edited.units)
	}

	// A comment in logx changes neither its export data nor its facts:
	// logx is re-analysed, app, which imports it, is not.
	appendFile(t, filepath.Join(dir, "logx", "logx.go"), "\n// A comment changes nothing app sees.\n")
	comment := goVetX(t, dir, gocache, "./...")
	checkVetFindings(t, "after a comment in logx", comment, wants)
	checkUnits(t, "after a comment in logx", comment, "logx")

	// logx.Info stops logging: its facts change, so app is re-analysed
	// too and the finding through the wrapper goes.
	writeFile(t, filepath.Join(dir, "logx", "logx.go"), `package logx

import "fmt"

// Info formats a line and drops it.
func Info(format string, args ...any) { _ = fmt.Sprintf(format, args...) }
`)
	dropWants(t, wants, "via logx.Info", 1)
	wrapper := goVetX(t, dir, gocache, "./...")
	checkVetFindings(t, "after logx.Info stops logging", wrapper, wants)
	checkUnits(t, "after logx.Info stops logging", wrapper, "app", "logx")
}

// TestGoVetConfigError checks go vet's exit status and messages when the
// configuration is broken: every package of the module reports the error
// under its "# import/path" header, and go vet exits 1, as with findings.
func TestGoVetConfigError(t *testing.T) {
	e2e(t)
	missing := filepath.Join(t.TempDir(), "missing.yml")
	for _, tc := range []struct {
		name   string
		config string // contents of the module's .piilint.yml
		args   []string
		msg    string
	}{
		{
			name:   "missing -config file",
			config: "version: 1\n",
			args:   []string{"-config=" + missing},
			msg:    "open " + missing + ": ",
		},
		{
			// The handshakes go vet starts with (-V=full, -flags) run
			// in the module root, where this file is found; they must not
			// fail on it, or go vet exits 2 without saying why.
			name:   "unknown key in .piilint.yml",
			config: "version: 1\nloggers: [example.com/stdmod/logx.Info]\n",
			msg:    `.piilint.yml:2: unknown key "loggers"`,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyFixture(t)
			writeFile(t, filepath.Join(dir, ".piilint.yml"), tc.config)
			args := append([]string{"vet", "-vettool=" + piilintBin}, tc.args...)
			r := run(t, dir, true, "go", append(args, "./...")...)
			if r.code != 1 {
				t.Errorf("go vet exit status %d, want 1; stderr:\n%s", r.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("go vet wrote to standard output: %q", r.stdout)
			}
			for l := range strings.Lines(r.stderr) {
				if vetLineRE.MatchString(strings.TrimSuffix(l, "\n")) {
					t.Errorf("go vet reported a finding: %s", l)
				}
			}
			if strings.Contains(r.stderr, "-flags failed") {
				t.Errorf("the -flags handshake failed:\n%s", r.stderr)
			}
			for _, pkg := range []string{"model", "logx", "app"} {
				re := regexp.MustCompile(`(?m)^# example\.com/stdmod/` + pkg + `\n(#.*\n)*piilint: .*` + regexp.QuoteMeta(tc.msg))
				if !re.MatchString(r.stderr) {
					t.Errorf("package %s does not report %q; stderr:\n%s", pkg, tc.msg, r.stderr)
				}
			}
		})
	}
}

// byPackage orders diagnostic lines by package directory: go vet prints
// each package's output as its action completes, so packages that do not
// depend on each other come in either order; within a package, the
// lines keep theirs.
func byPackage(lines []string) []string {
	out := slices.Clone(lines)
	dir := func(l string) string {
		file, _, _ := strings.Cut(l, ":")
		return filepath.Dir(file)
	}
	slices.SortStableFunc(out, func(a, b string) int { return strings.Compare(dir(a), dir(b)) })
	return out
}
