package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// readBaselineFile decodes a baseline file strictly.
func readBaselineFile(t *testing.T, file string) (baselineFile, []byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var b baselineFile
	if err := dec.Decode(&b); err != nil {
		t.Fatalf("baseline file: %v\n%s", err, data)
	}
	return b, data
}

func TestBaseline(t *testing.T) {
	e2e(t)
	dir := copyFixture(t)
	base := filepath.Join(t.TempDir(), "piilint-baseline.json")
	app := filepath.Join(dir, "app", "app.go")

	// Writing: no output, exit 0, one entry per finding, sorted.
	r := piilint(t, dir, "-write-baseline", base, "./...")
	if r.code != exitClean || r.stdout != "" || r.stderr != "" {
		t.Fatalf("-write-baseline: exit status %d, stdout %q, stderr %q; want 0 and no output", r.code, r.stdout, r.stderr)
	}
	b, written := readBaselineFile(t, base)
	if b.Version != 2 {
		t.Errorf("version %d, want 2", b.Version)
	}
	wants := collectWants(t, dir)
	var entries, wanted []string
	for _, e := range b.Findings {
		entries = append(entries, e.File+": "+e.Message+" ("+e.Analyzer+")")
		if !fingerprintRE.MatchString(e.Fingerprint) {
			t.Errorf("%s: fingerprint %q", e.File, e.Fingerprint)
		}
	}
	for w := range wants {
		wanted = append(wanted, w.file+": "+w.message+" (piilog)")
	}
	slices.Sort(wanted)
	if !slices.Equal(entries, wanted) {
		t.Errorf("baseline entries (in file order):\n%s\nwant (sorted):\n%s", strings.Join(entries, "\n"), strings.Join(wanted, "\n"))
	}

	checkBaselineFingerprints(t, dir, b)

	// Nothing new.
	quiet := func(step string) {
		t.Helper()
		r := piilint(t, dir, "-baseline", base, "./...")
		if r.code != exitClean || r.stdout != "" || r.stderr != "" {
			t.Errorf("%s: -baseline: exit status %d, stdout %q, stderr %q; want 0 and no output", step, r.code, r.stdout, r.stderr)
		}
	}
	quiet("unchanged code")

	// Lines inserted above the findings, and a trailing comment re-aligned:
	// still nothing new, and the rewritten baseline is the same file.
	src, err := os.ReadFile(app)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(src), "// Signup reaches", "// Version is the schema version.\nconst Version = 2\n\n// Signup reaches", 1)
	edited = strings.Replace(edited, `log.Printf("signup %s", c.Email)     // want`, `log.Printf("signup %s", c.Email) // want`, 1)
	if edited == string(src) || strings.Count(edited, "\n") != strings.Count(string(src), "\n")+3 {
		t.Fatal("the fixture's app.go changed: the edits do not apply")
	}
	writeFile(t, app, edited)
	checkFindings(t, parseText(t, piilint(t, dir, "./...").stdout), collectWants(t, dir)) // the lines did move
	quiet("lines inserted above")
	rewritten := filepath.Join(t.TempDir(), "again.json")
	if r := piilint(t, dir, "-write-baseline", rewritten, "./..."); r.code != exitClean {
		t.Fatalf("-write-baseline: exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	if _, again := readBaselineFile(t, rewritten); !bytes.Equal(again, written) {
		t.Errorf("the baseline changed after lines moved:\n%s\nwas\n%s", again, written)
	}

	// A new leak: exactly that one is reported.
	appendFile(t, app, `
// Audit is added after the baseline.
func Audit(c *model.Customer) {
	log.Println("audit", c.Email)
}
`)
	line, col := position(t, app, `log.Println("audit", c.Email)`, "c.Email")
	newLeak := finding{"app/app.go", line, col, "Customer.Email (email) reaches log output via log.Println", "piilog"}
	r = piilint(t, dir, "-baseline", base, "./...")
	if r.code != exitFindings {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	if got := parseText(t, r.stdout); len(got) != 1 || got[0] != newLeak {
		t.Errorf("-baseline reported\n%s\nwant only\n%s", r.stdout, newLeak)
	}

	checkNewLeakOutputs(t, dir, base, newLeak)

	// Editing a baselined line makes its finding new.
	src, _ = os.ReadFile(app)
	writeFile(t, app, strings.Replace(string(src), `log.Printf("signup %s", c.Email)`, `log.Printf("signup: %s", c.Email)`, 1))
	r = piilint(t, dir, "-baseline", base, "./...")
	var got []string
	for _, f := range parseText(t, r.stdout) {
		got = append(got, f.message)
	}
	if want := []string{"Customer.Email (email) reaches log output via log.Printf", newLeak.message}; r.code != exitFindings || !slices.Equal(got, want) {
		t.Errorf("after editing a baselined line: exit status %d, findings %q; want %q", r.code, got, want)
	}
}

// checkBaselineFingerprints checks that the baseline's fingerprints are
// SARIF's, silenced findings aside.
func checkBaselineFingerprints(t *testing.T, dir string, b baselineFile) {
	t.Helper()
	sr := piilint(t, dir, "-sarif", "./...")
	var sarifFPs, baseFPs []string
	for _, res := range decodeSARIF(t, []byte(sr.stdout)).Runs[0].Results {
		if len(res.Suppressions) == 0 {
			sarifFPs = append(sarifFPs, res.PartialFingerprints["piilint/v2"])
		}
	}
	for _, e := range b.Findings {
		baseFPs = append(baseFPs, e.Fingerprint)
	}
	slices.Sort(sarifFPs)
	slices.Sort(baseFPs)
	if !slices.Equal(sarifFPs, baseFPs) {
		t.Errorf("baseline fingerprints %q differ from SARIF's %q", baseFPs, sarifFPs)
	}
}

// checkNewLeakOutputs checks that SARIF and JSON, given the baseline,
// show only the new leak.
func checkNewLeakOutputs(t *testing.T, dir, base string, newLeak finding) {
	t.Helper()
	r := piilint(t, dir, "-sarif", "-baseline", base, "./...")
	if r.code != exitFindings {
		t.Fatalf("-sarif -baseline: exit status %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	validateSARIF(t, []byte(r.stdout))
	res := decodeSARIF(t, []byte(r.stdout)).Runs[0].Results
	if len(res) != 1 || res[0].Message.Text != newLeak.message || res[0].BaselineState != "new" ||
		res[0].Locations[0].PhysicalLocation.Region.StartLine != newLeak.line {
		t.Errorf("-sarif -baseline results %+v, want the new leak only, as new", res)
	}

	// And in JSON.
	r = piilint(t, dir, "-json", "-baseline", base, "./...")
	var tree map[string]map[string][]jsonDiag
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil || r.code != exitFindings {
		t.Fatalf("-json -baseline: exit status %d, %v\n%s", r.code, err, r.stdout)
	}
	if diags := tree["example.com/stdmod/app"]["piilog"]; len(tree) != 1 || len(diags) != 1 || diags[0].Message != newLeak.message {
		t.Errorf("-json -baseline: %+v, want the new leak only", tree)
	}
}

func TestBaselineErrors(t *testing.T) {
	e2e(t)
	dir := absFixture(t)
	tmp := t.TempDir()
	missing := filepath.Join(tmp, "missing.json")
	malformed := filepath.Join(tmp, "malformed.json")
	writeFile(t, malformed, `{"version": 2, "findings": [{"fingerprint": "x"}]}`)
	old := filepath.Join(tmp, "old.json")
	writeFile(t, old, `{"version": 7, "findings": []}`)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-baseline", missing, "./..."}, "reading baseline: open " + missing},
		{[]string{"-baseline", malformed, "./..."}, "baseline " + malformed + `: finding 1: fingerprint "x" is not 32 lowercase hexadecimal digits`},
		{[]string{"-sarif", "-baseline", old, "./..."}, "baseline " + old + ": version 7, want 2 (write it again with -write-baseline)"},
		{[]string{"-json", "-sarif", "./..."}, "-json and -sarif are exclusive"},
		{[]string{"-write-baseline", filepath.Join(tmp, "w.json"), "-sarif", "./..."}, "-write-baseline prints nothing"},
	} {
		r := piilint(t, dir, tc.args...)
		// A bad command line is a usage error (2); a bad baseline file
		// an error (1).
		want := exitError
		if strings.HasPrefix(tc.args[0], "-json") || strings.HasPrefix(tc.args[0], "-write") {
			want = exitUsage
		}
		if r.code != want || r.stdout != "" || !strings.Contains(r.stderr, tc.msg) {
			t.Errorf("piilint %q: exit status %d, stdout %q, stderr %q; want %d, no output and %q", tc.args, r.code, r.stdout, r.stderr, want, tc.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(tmp, "w.json")); err == nil {
		t.Error("a rejected command line wrote a baseline")
	}

	// A failed analysis writes no baseline.
	broken := writeModule(t, "broken", map[string]string{"bad/bad.go": "package bad\n\nvar X int = \"s\"\n"})
	file := filepath.Join(tmp, "broken.json")
	r := piilint(t, broken, "-write-baseline", file, "./...")
	if r.code != exitError || r.stdout != "" || !strings.Contains(r.stderr, "baseline "+file+" not written") {
		t.Errorf("-write-baseline on a broken module: exit status %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(file); err == nil {
		t.Error("a failed analysis wrote a baseline")
	}
}
