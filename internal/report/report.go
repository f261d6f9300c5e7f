// Package report turns engine findings into diagnostics for the flow
// analyzers (piilog, piiexport, piitransport).
package report

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

// Flows reports the findings of one sink class, except those in generated
// files, suppressed by //piilint:ignore, or allowed by the configuration.
func Flows(pass *analysis.Pass, class sinks.Class) {
	res, ok := pass.ResultOf[factsAnalyzer(pass)].(*piifacts.Result)
	if !ok || res == nil {
		return
	}
	name := class.Analyzer()
	for _, f := range res.Findings {
		if f.Sink.Class != class {
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
		Message:  fmt.Sprintf("%s (%s) reaches %s via %s", f.Source.Name, kind, f.Sink.Class.Desc(), Chain(f.Sink)),
	}
	for _, s := range f.Steps {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Pos, End: s.Pos, Message: s.Message})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{
		Pos:     f.Call,
		End:     f.Call,
		Message: fmt.Sprintf("%s sends it to %s; %s", Chain(f.Sink), f.Sink.Class.Desc(), advice(f.Sink.Class)),
	})
	return d
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
		return "leave the column out, mask it, or declare the export in an allow rule"
	case sinks.Transport:
		return "use https/TLS with certificate verification"
	}
	return "mask the value"
}
