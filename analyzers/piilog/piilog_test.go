package piilog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
)

func TestPiilog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piilog.Analyzer, "once",
		"basic", "flows", "stdoutwriters", "downstream", "sanitize", "generics", "aliases", "rangefunc", "suppressed", "generated", "gencaller", "cgocase", "cgocaller")
}

// TestFacts checks the facts of a chain upstream → middle → downstream.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piifacts.Analyzer, "upstream", "middle")
}
