package piiuntagged_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piiuntagged"
)

func TestUntagged(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), piiuntagged.Analyzer, "untagged", "gen")
}

// TestKinds: one field of each kind in English, Spanish, Portuguese,
// French and German.
func TestKinds(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piiuntagged.Analyzer, "kinds")
}

func TestAll(t *testing.T) {
	a := piiuntagged.New(piifacts.Analyzer, piiuntagged.Options{On: true, All: true})
	analysistest.Run(t, analysistest.TestData(), a, "ambiguous")
}

// TestOffByDefault: the suite's analyzer reports nothing until -on.
func TestOffByDefault(t *testing.T) {
	a := piiuntagged.New(piifacts.Analyzer, piiuntagged.Options{})
	for _, r := range analysistest.Run(t, analysistest.TestData(), a, "quiet") {
		if len(r.Diagnostics) != 0 {
			t.Errorf("off: %d findings, want none", len(r.Diagnostics))
		}
	}
	if err := a.Flags.Set("on", "true"); err != nil {
		t.Fatal(err)
	}
	// quiet has no want comments: the finding is an unexpected
	// diagnostic, which analysistest reports through rec.
	rec := new(recorder)
	n := 0
	for _, r := range analysistest.Run(rec, analysistest.TestData(), a, "quiet") {
		n += len(r.Diagnostics)
	}
	if n != 1 || len(rec.errs) != 1 {
		t.Errorf("-on: %d findings (%q), want 1", n, rec.errs)
	}
}

type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
