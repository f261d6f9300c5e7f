package piifacts

import (
	"fmt"
	"strings"

	"github.com/piilint/piilint/internal/taint"
)

// FieldFact marks a struct field as PII, or as explicitly not PII.
type FieldFact struct {
	Key    string // "import/path.Type.Field"
	Name   string // "Customer.Email"
	Kind   string // "" when NotPII
	How    string // how it was marked: `tag pii:"email"`, "directive", "config"
	NotPII bool
}

func (*FieldFact) AFact() {}

func (f *FieldFact) String() string {
	if f.NotPII {
		return "not pii"
	}
	return "pii " + f.Kind
}

// TypeFact marks every value of a named type as PII.
type TypeFact struct {
	Key  string
	Name string
	Kind string
	How  string
}

func (*TypeFact) AFact() {}

func (f *TypeFact) String() string { return "pii " + f.Kind }

// FailedFact records that piifacts failed on a package (an internal
// error): its facts are missing, so findings through it may be too. The
// packages that import it report so: a failure on a dependency is
// otherwise silent (go vet keeps the standard error of dependencies to
// itself with -json, and caches their result).
type FailedFact struct {
	Error string // the error's first line
}

func (*FailedFact) AFact() {}

func (f *FailedFact) String() string { return "failed: " + f.Error }

// FuncFact describes a function for callers in other packages: whether it
// is a sanitizer or a declared sink, and what it does with PII.
type FuncFact struct {
	Sanitizer bool
	Sink      string // sink class from a //pii:sink directive
	Summary   taint.Summary
}

func (*FuncFact) AFact() {}

// String is a compact, deterministic rendering used in tests:
// "sanitizer", "sink log", "p0->r0", "p0.Name->r0", "p1->log(log.Printf)",
// "r0<-Customer.Email".
func (f *FuncFact) String() string {
	var parts []string
	if f.Sanitizer {
		parts = append(parts, "sanitizer")
	}
	if f.Sink != "" {
		parts = append(parts, "sink "+f.Sink)
	}
	s := &f.Summary
	for _, f := range s.Flows {
		parts = append(parts, fmt.Sprintf("p%d%s->r%d", f.Param, f.Path, f.Result))
	}
	for _, ef := range s.Effects {
		parts = append(parts, fmt.Sprintf("p%d%s->*p%d", ef.Param, ef.Path, ef.Into))
	}
	for _, w := range s.Writes {
		parts = append(parts, fmt.Sprintf("%s->*p%d", w.Source.Name, w.Into))
	}
	for _, ps := range s.Sinks {
		chain := append(append([]string{}, ps.Sink.Via...), ps.Sink.Callee)
		parts = append(parts, fmt.Sprintf("p%d%s->%s(%s)", ps.Param, ps.Path, ps.Sink.Class, strings.Join(chain, ">")))
	}
	for j, srcs := range s.Results {
		for _, src := range srcs {
			parts = append(parts, fmt.Sprintf("r%d<-%s", j, src.Name))
		}
	}
	return strings.Join(parts, " ")
}
