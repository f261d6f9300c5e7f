package piiexport

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/internal/flow"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/sinks"
)

//go:embed doc.go
var doc string

// Analyzer reports PII written to CSV files, spreadsheets and plain
// files, with the default piifacts analyzer.
var Analyzer = NewWith(piifacts.Analyzer)

// New returns a piiexport analyzer for cfg (nil means the default
// configuration).
func New(cfg *config.Config) *analysis.Analyzer {
	return NewWith(piifacts.New(cfg, piifacts.Options{}))
}

// NewWith returns a piiexport analyzer that reports from the given piifacts
// analyzer, so that several flow analyzers share one run of the engine.
func NewWith(facts *analysis.Analyzer) *analysis.Analyzer {
	return flow.NewAnalyzer(sinks.Export, doc, facts)
}
