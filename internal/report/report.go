// Package report renders engine findings as diagnostics: the message, the
// related information of the flow, the class as category, and the marking
// of findings silenced by //piilint:ignore. The flow analyzers that report
// them are built by analyzers/internal/flow.
package report

import (
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

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
		return string(s.Dest)
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
