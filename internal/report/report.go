// Package report turns engine findings into diagnostics for the flow
// analyzers (piilog, piiexport, piitransport).
package report

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/analysisdoc"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

// NewAnalyzer returns the flow analyzer of a sink class (piilog,
// piiexport, piitransport): it reports, from the given piifacts analyzer,
// the findings of that class. doc is the analyzer package's doc.go.
func NewAnalyzer(class sinks.Class, doc string, facts *analysis.Analyzer) *analysis.Analyzer {
	return NewFilteredAnalyzer(class, doc, facts, nil)
}

// NewFilteredAnalyzer is NewAnalyzer reporting only the findings keep
// accepts (keep may be nil), once its flags are parsed.
func NewFilteredAnalyzer(class sinks.Class, doc string, facts *analysis.Analyzer, keep func(*taint.Finding) bool) *analysis.Analyzer {
	name := class.Analyzer()
	return &analysis.Analyzer{
		Name:     name,
		Doc:      analysisdoc.Extract(doc, name),
		URL:      "https://pkg.go.dev/github.com/piilint/piilint/analyzers/" + name,
		Requires: []*analysis.Analyzer{facts},
		Run: func(pass *analysis.Pass) (any, error) {
			Flows(pass, class, keep)
			return nil, nil
		},
	}
}

// Flows reports the findings of one sink class that keep (if not nil)
// accepts, except those in generated files, suppressed by
// //piilint:ignore, or allowed by the configuration.
func Flows(pass *analysis.Pass, class sinks.Class, keep func(*taint.Finding) bool) {
	res, ok := pass.ResultOf[factsAnalyzer(pass)].(*piifacts.Result)
	if !ok || res == nil {
		return
	}
	name := class.Analyzer()
	for _, f := range res.Findings {
		if f.Sink.Class != class || keep != nil && !keep(f) {
			continue
		}
		if tf := pass.Fset.File(f.Pos); tf != nil && res.Generated[tf.Name()] {
			continue
		}
		ignore := res.Ignores.Find(name, f.Pos)
		if ignore == nil {
			ignore = res.Ignores.Find(name, f.Call)
		}
		if ignore != nil && !res.ReportSuppressed {
			continue
		}
		cls, _ := res.Vocab.Class(f.Source.Kind)
		if _, ok := res.Config.Allowed(name, f.Source.Kind, cls, pass.Pkg.Path()); ok {
			continue
		}
		d := Diagnostic(f, cls)
		if ignore != nil {
			d = MarkSuppressed(d, ignore)
		}
		pass.Report(d)
	}
}

// factsAnalyzer finds the piifacts analyzer among the pass's inputs: each
// flow analyzer requires exactly one.
func factsAnalyzer(pass *analysis.Pass) *analysis.Analyzer {
	for a := range pass.ResultOf {
		if a.Name == "piifacts" {
			return a
		}
	}
	return nil
}

// Diagnostic renders a finding.
func Diagnostic(f *taint.Finding, cls pii.Class) analysis.Diagnostic {
	kind := f.Source.Kind
	if cls == pii.Secret {
		kind += ", secret"
	}
	d := analysis.Diagnostic{
		Pos:      f.Pos,
		End:      f.End,
		Category: string(cls),
		Message:  fmt.Sprintf("%s (%s) %s via %s", f.Source.Name, kind, reaches(f.Sink), Chain(f.Sink)),
	}
	for _, s := range f.Steps {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Pos, End: s.Pos, Message: s.Message})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{
		Pos:     f.Call,
		End:     f.Call,
		Message: fmt.Sprintf("%s sends it to %s; %s", Chain(f.Sink), dest(f.Sink), advice(f.Sink.Class)),
	})
	return d
}

// dest names where a sink sends data: "log output", "a CSV file".
func dest(s taint.SinkRef) string {
	if s.Dest != "" {
		return s.Dest
	}
	return s.Class.Desc()
}

// reaches says what happens to the data at the sink: "reaches log
// output", "is written to a CSV file", "is sent over a plaintext channel".
func reaches(s taint.SinkRef) string {
	switch s.Class {
	case sinks.Export:
		return "is written to " + dest(s)
	case sinks.Transport:
		return "is sent over " + dest(s)
	}
	return "reaches " + dest(s)
}

// Chain names the helpers and the sink: "logx.Info → log.Printf".
func Chain(s taint.SinkRef) string {
	return strings.Join(append(append([]string{}, s.Via...), s.Callee), " → ")
}

func advice(c sinks.Class) string {
	switch c {
	case sinks.Log:
		return "log an identifier or a masked value (a //pii:sanitizer function) instead"
	case sinks.Export:
		return "leave the column out, mask it (a //pii:sanitizer function), or declare an approved export in an allow rule"
	case sinks.Transport:
		return "use https/TLS with certificate verification"
	}
	return "mask the value"
}
