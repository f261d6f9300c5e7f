package piilog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piilog"
)

func TestPiilog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piilog.Analyzer, "basic", "flows")
}
