package piitransport

import (
	_ "embed"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/internal/flow"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

//go:embed doc.go
var doc string

// Analyzer reports PII sent over plaintext or unauthenticated channels,
// with the default piifacts analyzer.
var Analyzer = NewWith(piifacts.Analyzer)

// New returns a piitransport analyzer for cfg (nil means the default
// configuration).
func New(cfg *config.Config) *analysis.Analyzer {
	return NewWith(piifacts.New(cfg, piifacts.Options{}))
}

// NewWith returns a piitransport analyzer that reports from the given
// piifacts analyzer, so that several flow analyzers share one run of the
// engine.
func NewWith(facts *analysis.Analyzer) *analysis.Analyzer {
	var strict bool
	a := flow.NewFilteredAnalyzer(sinks.Transport, doc, facts, func(f *taint.Finding) bool {
		return strict || !f.Sink.Dest.StrictOnly()
	})
	a.Flags.BoolVar(&strict, "strict", false, "also report PII sent to URLs and requests not known at analysis time, and in the responses of gRPC servers without TLS credentials")
	return a
}
