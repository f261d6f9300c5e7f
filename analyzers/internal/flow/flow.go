// Package flow builds the flow analyzers (piilog, piiexport,
// piitransport): each requires a piifacts analyzer and reports, from its
// result, the engine's findings of one sink class.
package flow

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/analysisdoc"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/report"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/suppress"
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
		URL:      "https://github.com/piilint/piilint/blob/main/docs/rules.md#" + name,
		Requires: []*analysis.Analyzer{facts},
		Run: func(pass *analysis.Pass) (any, error) {
			Flows(pass, facts, class, keep)
			return nil, nil
		},
	}
}

// Flows reports the findings of one sink class that keep (if not nil)
// accepts from the result of the facts analyzer, except those in
// generated files, suppressed by //piilint:ignore, or allowed by the
// configuration: one diagnostic per sink argument, naming the fields that
// reach it (report.Group).
func Flows(pass *analysis.Pass, facts *analysis.Analyzer, class sinks.Class, keep func(*taint.Finding) bool) {
	res, ok := pass.ResultOf[facts].(*piifacts.Result)
	if !ok || res == nil {
		return
	}
	name := class.Analyzer()
	type group struct {
		fs      []*taint.Finding
		classes []pii.Class
		ignore  *suppress.Directive
	}
	type groupKey struct {
		pos, end, call token.Pos
		dest           sinks.Dest
		chain          string
	}
	var groups []*group
	index := make(map[groupKey]*group)
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
		k := groupKey{f.Pos, f.End, f.Call, f.Sink.Dest, report.Chain(f.Sink)}
		g := index[k]
		if g == nil {
			g = &group{ignore: ignore}
			index[k] = g
			groups = append(groups, g)
		}
		g.fs = append(g.fs, f)
		g.classes = append(g.classes, cls)
	}
	for _, g := range groups {
		d := report.Group(g.fs, g.classes)
		if g.ignore != nil {
			d = report.MarkSuppressed(d, g.ignore)
		}
		pass.Report(d)
	}
}
