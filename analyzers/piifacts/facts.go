package piifacts

import (
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

// VarFact describes a package-level variable of function type for
// callers in other packages: what a call through it does with PII, the
// union of what the functions the package assigns to it do (a logging
// facade's var Warn = ...).
type VarFact struct {
	Summary taint.Summary
}

func (*VarFact) AFact() {}

func (f *VarFact) String() string { return "var " + f.Summary.String() }

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
	if sum := f.Summary.String(); sum != "" {
		parts = append(parts, sum)
	}
	return strings.Join(parts, " ")
}
