// Package report renders engine findings as diagnostics: the message, the
// related information of the flow, the class as category, and the marking
// of findings silenced by //piilint:ignore. The flow analyzers that report
// them are built by analyzers/internal/flow.
package report

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

// Diagnostic renders a finding.
func Diagnostic(f *taint.Finding, cls pii.Class) analysis.Diagnostic {
	return Group([]*taint.Finding{f}, []pii.Class{cls})
}

// FieldsPrefix starts the related entry that lists every field of a
// finding whose message counts some (SARIF output makes it the
// result's piilint/fields property).
const FieldsPrefix = "fields: "

// maxNamed is how many fields a message names before it counts the rest.
const maxNamed = 3

// Group renders the findings at one sink argument, which share their
// position and sink (classes[i] is the class of fs[i]'s kind): one
// diagnostic that names the fields, "User.Email (email), User.Phone
// (phone) and 5 more fields of User reach log output via log.Printf",
// with the flow of the first field as related information. When the
// message counts fields instead of naming them all, the last related
// entry lists them all.
func Group(fs []*taint.Finding, classes []pii.Class) analysis.Diagnostic {
	f := fs[0]
	cls := classes[0]
	names := make([]string, len(fs))
	for i, g := range fs {
		kind := g.Source.Kind
		if classes[i] == pii.Secret {
			if kind != string(pii.Secret) {
				kind += ", secret" // "token, secret"; not "secret, secret"
			}
			cls = pii.Secret
		}
		names[i] = fmt.Sprintf("%s (%s)", g.Source.Name, kind)
	}
	d := analysis.Diagnostic{
		Pos:      f.Pos,
		End:      f.End,
		Category: string(cls),
		Message:  fmt.Sprintf("%s %s via %s", fieldList(fs, names), reaches(f.Sink, len(fs) > 1), ShortChain(f.Sink)),
	}
	for _, s := range f.Steps {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: s.Pos, End: s.Pos, Message: s.Message})
	}
	d.Related = append(d.Related, analysis.RelatedInformation{
		Pos:     f.Call,
		End:     f.Call,
		Message: fmt.Sprintf("%s sends it to %s; %s", Chain(f.Sink), dest(f.Sink), advice(f.Sink.Class)),
	})
	if len(fs) > maxNamed {
		d.Related = append(d.Related, analysis.RelatedInformation{
			Pos:     f.Pos,
			End:     f.Pos,
			Message: FieldsPrefix + strings.Join(names, ", "),
		})
	}
	return d
}

// FieldKinds returns the kinds of the fields a finding's message names,
// in order: the message as Group writes it, and the related entry that
// lists every field when the message counts some (fields, starting with
// FieldsPrefix; "" when there is none).
func FieldKinds(message, fields string) []string {
	list := message
	if rest, ok := strings.CutPrefix(fields, FieldsPrefix); ok {
		list = rest
	} else {
		// The list ends where the verb starts: field names have no
		// spaces, the sink chain after the verb may have parentheses.
		for _, verb := range []string{" reach", " is written", " are written", " is sent", " are sent"} {
			if i := strings.Index(list, verb); i >= 0 {
				list = list[:i]
			}
		}
	}
	var kinds []string
	for _, m := range kindRE.FindAllStringSubmatch(list, -1) {
		kinds = append(kinds, m[1])
	}
	return kinds
}

// kindRE matches a field's kind in a list of names: "(email)", "(token,
// secret)".
var kindRE = regexp.MustCompile(`\(([a-z_][a-z0-9_]*)(?:, secret)?\)`)

// fieldList names the fields of a message: "A (email)", "A (email) and B
// (phone)", "A, B and C", or the first two and "and N more fields of T".
func fieldList(fs []*taint.Finding, names []string) string {
	switch n := len(names); {
	case n == 1:
		return names[0]
	case n <= maxNamed:
		return strings.Join(names[:n-1], ", ") + " and " + names[n-1]
	default:
		rest := "fields"
		if t := typeOf(fs[2].Source.Name); t != "" {
			for _, g := range fs[2:] {
				if typeOf(g.Source.Name) != t {
					t = ""
					break
				}
			}
			if t != "" {
				rest += " of " + t
			}
		}
		return fmt.Sprintf("%s, %s and %d more %s", names[0], names[1], n-2, rest)
	}
}

// typeOf is the type part of a source's name: "User" for "User.Email".
func typeOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		return name[:i]
	}
	return ""
}

// Destination names where a sink sends data: "log output", "a CSV file".
func Destination(s taint.SinkRef) string { return dest(s) }

// dest names where a sink sends data: "log output", "a CSV file".
func dest(s taint.SinkRef) string {
	if s.Dest != "" {
		return string(s.Dest)
	}
	return s.Class.Desc()
}

// reaches says what happens to the data at the sink: "reaches log
// output", "is written to a CSV file", "is sent over a plaintext
// channel"; plural for several fields.
func reaches(s taint.SinkRef, plural bool) string {
	switch s.Class {
	case sinks.Export:
		if plural {
			return "are written to " + dest(s)
		}
		return "is written to " + dest(s)
	case sinks.Transport:
		if plural {
			return "are sent over " + dest(s)
		}
		return "is sent over " + dest(s)
	}
	if plural {
		return "reach " + dest(s)
	}
	return "reaches " + dest(s)
}

// Chain names the helpers and the sink: "logx.Info → log.Printf".
func Chain(s taint.SinkRef) string {
	return strings.Join(append(append([]string{}, s.Via...), s.Callee), " → ")
}

// maxChain is how many functions a message's chain names; a longer chain
// is cut to its first helper and the sink (the related information has
// it whole).
const maxChain = 3

// ShortChain is Chain cut for a message: "api.GetUser → … → log.Println".
func ShortChain(s taint.SinkRef) string {
	if len(s.Via)+1 <= maxChain {
		return Chain(s)
	}
	return s.Via[0] + " → … → " + s.Callee
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
