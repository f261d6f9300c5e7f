package piifacts_test

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
	"github.com/piilint/piilint/internal/config"
)

func TestMarks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piifacts.Analyzer, "marks", "cgopkg")
}

// TestConfig marks fields and types of a package the user does not own,
// and declares a sanitizer and a sink, through the configuration.
func TestConfig(t *testing.T) {
	cfg, err := config.Parse(".piilint.yml", []byte(`
version: 1
fields:
  - field: cfgpkg.Config.BearerToken
    kind: token
  - field: cfgpkg.Config.Missing
    kind: token
types:
  - type: cfgpkg.Secret
    kind: secret
  - type: cfgpkg.Nope
    kind: secret
sanitizers:
  - cfguse.Masked
sinks:
  log: [cfguse.Notify]
`))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), piifacts.New(cfg, piifacts.Options{}), "cfgpkg")
	analysistest.Run(t, analysistest.TestData(), piilog.New(cfg), "cfguse")
}

// TestDebugSummaries: PIILINT_DEBUG_SUMMARIES prints the summaries of the
// packages whose path contains it, on standard error, sorted.
func TestDebugSummaries(t *testing.T) {
	t.Setenv("PIILINT_DEBUG_SUMMARIES", "middle")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := os.Stderr
	os.Stderr = w
	done := make(chan []byte)
	go func() {
		b, _ := io.ReadAll(r)
		done <- b
	}()
	dir, err := filepath.Abs(filepath.Join("..", "piilog", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, piifacts.Analyzer, "upstream", "middle")
	os.Stderr = stderr
	w.Close()
	out := string(<-done)
	const want = "piilint: summary of middle.LogCustomer: p0.Email->log(log.Print)\n"
	if !strings.Contains(out, want) {
		t.Errorf("standard error:\n%s\nwant a line %q", out, want)
	}
	if strings.Contains(out, "upstream.") {
		t.Errorf("standard error has summaries of a package whose path does not contain %q:\n%s", "middle", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if !slices.IsSorted(lines) {
		t.Errorf("summaries not sorted:\n%s", out)
	}
}
