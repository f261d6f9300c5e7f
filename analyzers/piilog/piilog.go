package piilog

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

// Analyzer reports PII reaching log output, with the default piifacts
// analyzer.
var Analyzer = NewWith(piifacts.Analyzer)

// New returns a piilog analyzer for cfg (nil means the default
// configuration).
func New(cfg *config.Config) *analysis.Analyzer {
	return NewWith(piifacts.New(cfg, piifacts.Options{}))
}

// NewWith returns a piilog analyzer that reports from the given piifacts
// analyzer, so that several flow analyzers share one run of the engine.
func NewWith(facts *analysis.Analyzer) *analysis.Analyzer {
	return flow.NewAnalyzer(sinks.Log, doc, facts)
}
