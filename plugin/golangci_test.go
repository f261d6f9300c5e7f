//go:build golangci

// The integration test of the plugin inside golangci-lint. It needs a
// golangci-lint binary built with the plugin, which
// scripts/golangci-plugin.sh builds and passes in PIILINT_GOLANGCI_LINT;
// the build tag keeps it out of `go test ./...`.

package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// gclFixture is the module golangci-lint analyses, copied for each run.
const gclFixture = "testdata/gclmod"

// The findings of the fixture with the default configuration, as
// file:line:col: text (linter). golangci-lint prefixes the message of
// every analyzer but the linter's namesake with the analyzer's name.
var (
	signupEmail = "app/app.go:14:26: piilog: Customer.Email (email) reaches log output via log.Printf (piilint)"
	signupName  = "app/app.go:15:31: piilog: Customer.Name (name) reaches log output via slog.Info (piilint)"
	shortEmail  = "app/app.go:16:25: piilog: Customer.Email (email) reaches log output via log.Printf (piilint)"
	// app.go:17 is the same as line 18, under //nolint:piilint.
	cardOtherNolint = "app/app.go:18:12: piilog: Customer.Card (card, secret) reaches log output via log.Print (piilint)"
	auditEmail      = "audit/audit.go:13:34: piilog: Customer.Email (email) reaches log output via log.Printf (piilint)"
	badTag          = `model/model.go:10:15: piifacts: pii tag: unknown kind "phon" (did you mean "phone"?); tracked as the generic kind "pii" (piilint)`
	// web/ imports net/http (and through it the generic standard
	// packages), has generic helpers and a cgo file. golangci-lint shows
	// related information on another line as an issue of its own.
	web = []string{
		"web/native.go:17:26: piilog: Customer.Name (name) reaches log output via log.Printf (piilint)",
		"web/web.go:24:25: piilog(related information): Customer.Email (email) read here (piilint)",
		"web/web.go:25:12: piilog: Customer.Email (email) reaches log output via log.Print (piilint)",
		"web/web.go:27:13: piilog(related information): Customer.Email (email) read here (piilint)",
		"web/web.go:28:12: piilog: Customer.Email (email) reaches log output via log.Print (piilint)",
	}
)

// gclResult is the outcome of one golangci-lint run.
type gclResult struct {
	findings []string
	stderr   string
	code     int
}

// golangciLint runs golangci-lint with the plugin on a copy of the fixture,
// the plugin's settings being the YAML document settings ("" for none).
// cache is golangci-lint's cache directory; files are written into the
// copy before the run.
func golangciLint(t *testing.T, cache, settings string, files map[string]string) gclResult {
	t.Helper()
	bin := os.Getenv("PIILINT_GOLANGCI_LINT")
	if bin == "" {
		t.Fatal("PIILINT_GOLANGCI_LINT is not set: run scripts/golangci-plugin.sh, which builds golangci-lint with the plugin")
	}
	dir := filepath.Join(t.TempDir(), "gclmod")
	if err := os.CopyFS(dir, os.DirFS(gclFixture)); err != nil {
		t.Fatal(err)
	}
	var cfg strings.Builder
	cfg.WriteString(`version: "2"
linters:
  default: none
  enable: [piilint]
  settings:
    custom:
      piilint:
        type: module
        description: personal data reaching logs, exports and plaintext channels
`)
	if settings != "" {
		cfg.WriteString("        settings:\n")
		for line := range strings.Lines(settings) {
			cfg.WriteString("          " + line)
		}
	}
	report := filepath.Join(t.TempDir(), "report.json")
	fmt.Fprintf(&cfg, `issues:
  max-same-issues: 0
  max-issues-per-linter: 0
output:
  formats:
    json:
      path: %s
  show-stats: false
`, report)
	files[".golangci.yml"] = cfg.String()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "run", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOLANGCI_LINT_CACHE="+cache,
		"GOWORK=off", "GOFLAGS=-mod=mod", "GOTOOLCHAIN=local")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("golangci-lint run: no result after 5 minutes\n%s", stderr.String())
	}
	r := gclResult{stderr: stderr.String()}
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok || ee.ExitCode() < 0 {
			t.Fatalf("golangci-lint run: %v\n%s", err, r.stderr)
		}
		r.code = ee.ExitCode()
	}
	if strings.Contains(r.stderr, "panic:") {
		t.Fatalf("golangci-lint run crashed:\n%s", r.stderr)
	}
	if stdout.Len() > 0 {
		t.Errorf("golangci-lint wrote to standard output:\n%s", stdout.String())
	}
	if data, err := os.ReadFile(report); err == nil {
		var out struct {
			Issues []struct {
				FromLinter string
				Text       string
				Pos        struct {
					Filename     string
					Line, Column int
				}
			}
		}
		if err := json.Unmarshal(data, &out); err != nil {
			t.Fatalf("golangci-lint's report is not JSON: %v\n%s", err, data)
		}
		for _, is := range out.Issues {
			r.findings = append(r.findings, fmt.Sprintf("%s:%d:%d: %s (%s)",
				filepath.ToSlash(is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text, is.FromLinter))
		}
		slices.Sort(r.findings)
	}
	return r
}

// wantFindings checks that a run reported exactly want, with golangci-lint's
// exit status for findings (1) or for none (0).
func wantFindings(t *testing.T, r gclResult, want ...string) {
	t.Helper()
	slices.Sort(want)
	wantCode := 0
	if len(want) > 0 {
		wantCode = 1
	}
	if r.code != wantCode {
		t.Errorf("exit status %d, want %d; stderr:\n%s", r.code, wantCode, r.stderr)
	}
	if !slices.Equal(r.findings, want) {
		t.Errorf("findings:\n%s\nwant:\n%s\nstderr:\n%s",
			strings.Join(r.findings, "\n"), strings.Join(want, "\n"), r.stderr)
	}
}

func TestGolangci(t *testing.T) {
	// One cache for the runs that change only the settings: golangci-lint
	// must not answer from results cached under other settings.
	cache := t.TempDir()

	t.Run("default", func(t *testing.T) {
		r := golangciLint(t, cache, "", map[string]string{})
		wantFindings(t, r, append([]string{signupEmail, signupName, shortEmail, cardOtherNolint, auditEmail, badTag}, web...)...)
	})

	t.Run("sanitizer and allow rule", func(t *testing.T) {
		r := golangciLint(t, cache, `sanitizers:
  - example.com/gclmod/redact.Short
allow:
  - analyzer: piilog
    kinds: [email]
    packages: [example.com/gclmod/audit/...]
    reason: the audit trail is retained under the DPO's policy
`, map[string]string{})
		wantFindings(t, r, append([]string{signupEmail, signupName, cardOtherNolint, badTag}, web...)...)
	})

	t.Run("extra kind and field", func(t *testing.T) {
		// golangci-lint lowercases the keys of mappings: kind names are
		// lowercase already.
		r := golangciLint(t, cache, `kinds:
  loyalty_id: personal
fields:
  - field: example.com/gclmod/model.Customer.ID
    kind: loyalty_id
`, map[string]string{})
		wantFindings(t, r, append([]string{signupEmail, signupName, shortEmail, cardOtherNolint, auditEmail,
			"app/app.go:21:28: piilog: Customer.ID (loyalty_id) reaches log output via log.Printf (piilint)",
			badTag}, web...)...)
	})

	t.Run("disable piilog", func(t *testing.T) {
		r := golangciLint(t, cache, "disable: [piilog]\n", map[string]string{})
		wantFindings(t, r, badTag)
	})

	t.Run("configuration file", func(t *testing.T) {
		r := golangciLint(t, t.TempDir(), "config: .piilint.yml\n", map[string]string{
			".piilint.yml": "version: 1\nsanitizers: [example.com/gclmod/redact.Short]\n",
		})
		wantFindings(t, r, append([]string{signupEmail, signupName, cardOtherNolint, auditEmail, badTag}, web...)...)
	})

	t.Run("unknown key", func(t *testing.T) {
		r := golangciLint(t, cache, "sanitiser: [example.com/gclmod/redact.Short]\n", map[string]string{})
		const want = `plugin(piilint): newPlugin linters.settings.custom.piilint.settings: unknown key "sanitiser" (known keys: version, tags, kinds, fields, types, sanitizers, sinks, allow, unkeyed-hash-sanitizes, untagged, categories, config, disable, strict)`
		if r.code != 3 {
			t.Errorf("exit status %d, want 3 (failure)", r.code)
		}
		if len(r.findings) > 0 {
			t.Errorf("findings despite the bad settings:\n%s", strings.Join(r.findings, "\n"))
		}
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr:\n%s\nwant it to contain:\n%s", r.stderr, want)
		}
	})

	t.Run("invalid entry", func(t *testing.T) {
		r := golangciLint(t, cache, "allow:\n  - kinds: [card]\n    reason: never\n", map[string]string{})
		const want = `plugin(piilint): newPlugin linters.settings.custom.piilint.settings: allow: kind "card" is of class secret, which is never allowed`
		if r.code != 3 {
			t.Errorf("exit status %d, want 3 (failure)", r.code)
		}
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr:\n%s\nwant it to contain:\n%s", r.stderr, want)
		}
	})
}
