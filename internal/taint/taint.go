// Package taint is the flow engine shared by the piilint analyzers.
//
// It runs on the SSA form of one package at a time and computes, for every
// value, the set of PII sources it may carry. Sources are struct fields and
// named types marked as PII; sinks are the rows of package sinks. Calls into
// other packages use function summaries (parameter → result, parameter →
// sink, result ← sources) that the caller of the engine stores as analysis
// facts; the standard library is modelled rather than analysed.
//
// The engine talks to the rest of the program through Oracle, so that it can
// be tested without facts or configuration.
//
// # Pipeline and files
//
//	Run (run.go)                 one engine per package: labels, heap, worklist
//	  └ schedule (schedule.go)   functions callees first, re-run when a location
//	                             or summary they read changes (bounded)
//	      └ transfer (transfer.go)  one SSA instruction: value sets and the heap
//	          └ call (call.go)      builtins (print and println are sinks: sinks.Builtin),
//	                                then the call rules (callSite methods), in order: sanitizer,
//	                                slog attribute under a redacted key
//	                                (slogredact.go), keyed hash, generated
//	                                gRPC stub, sink row
//	                                (sink.go), local implementations of an
//	                                interface, implementations of another
//	                                package's interface (its exported summary),
//	                                local summary, library models (models.go),
//	                                imported summary (summaries applied by
//	                                apply.go), calls through function-typed
//	                                variables and fields (funcvalues.go),
//	                                calls of a function parameter
//	                                (higherorder.go, composed at call sites
//	                                by apply.go), the default rule
//	                                (defaultrule.go)
//	  └ result (run.go)          findings sorted, summaries normalised
//
// The engine is a coordinator of four components, each a type with the
// state it owns:
//   - values (values.go): the label set of every SSA value, explicit and
//     implied by its type, and the views a use takes of it (whole, flow,
//     part, deep, encoded, resolve); it never decides about calls or sinks;
//   - heap (memory.go): memory as union-find alias classes of locations
//     with field paths, pointees and attributes (standard output, ...);
//   - reporter (sink.go, writes.go, channels.go): the sink side — whether a
//     sink row applies, what reaches a sink (a finding for a source, a
//     summary entry for a parameter), writes into writers, channel
//     attributes, responses of gRPC services;
//   - schedule (schedule.go): the worklist and who read which summary.
//
// The engine itself keeps the per-instruction transfer (transfer.go), the
// call rules (call.go, as callSite methods), summary building (ret, in
// transfer.go) and lookup (implied.go).
//
// The data the stages share:
//   - labels.go: labels (a source, or a part of a parameter) and label sets
//     with the field paths they were read through;
//   - implied.go: the sources a type holds (typeSources), how formatting and
//     encoding render a value, and the library models;
//   - redact.go: the copies a formatting method overwrites before it
//     prints them (a helper's copy, a literal built field by field);
//   - package ssax (internal/taint/ssax): core types, so that generic bodies
//     are analysed, and the small queries on SSA values and types (callees,
//     arguments, results, constants) the engine shares with its channel rules.
//
// Where a write goes — the channel a transport finding needs — is decided
// by package origin (internal/taint/origin), which never sees the engine:
// it judges a value from how it was made (files, connections, URLs,
// requests, TLS, SMTP, FTP, websockets, gRPC) and reads the heap's
// attributes through origin.Memory. channels.go is the engine's side of it
// (the heap as origin.Memory, the channel of a transport sink row, the TLS
// configurations the heap marks, the responses of gRPC services);
// writes.go holds the writers and the writes into them.
package taint

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

// Source is a place where PII lives: a struct field or a named type.
type Source struct {
	Key  string // stable identity: "import/path.Type.Field" or "import/path.Type"
	Name string // how messages name it: "Customer.Email"
	Kind string // the PII kind: "email"
}

// SinkRef is a sink reached from a summarised function parameter.
type SinkRef struct {
	Class  sinks.Class
	Dest   sinks.Dest // where the data goes when the class alone does not say: "a CSV file"
	Callee string     // the sink function: "log.Printf"
	Via    []string   // helpers between the parameter and the sink, outermost first
}

// Summary describes what a function does with PII, for its callers. It is
// gob-encoded inside analysis facts; keep it small and plain.
//
// Parameters are numbered receiver first. A Path selects part of a
// parameter: "" is the whole value, ".Email" a field, "[]" the elements of
// a slice, array, map or channel, ".Items[].Name" a combination. Paths make
// summaries field-sensitive: a helper that logs c.ID does not make callers
// leak c.Email.
type Summary struct {
	Flows   []Flow      // parameter parts that reach results
	Sinks   []ParamSink // parameter parts that reach sinks
	Effects []Effect    // parameter parts written into another parameter's memory
	Writes  []Write     // sources the function writes into a writer parameter
	Results [][]Source  // Results[j]: sources result j carries whatever the arguments
	Stored  []Stored    // sources at a field path of a result, whatever the arguments
	Calls   []CallArg   // what the function passes to the function values it is given
}

// CallArg says that the function calls the function value parameter Func
// holds and passes it, as argument Arg, a part of parameter Param (Map(xs,
// f) calling f(x) for the elements "[]" of xs) or, when Param is -1, a
// source it reads itself (each(f) calling f(u) for the users it loads).
// The result of such a call is part "()" of parameter Func: a caller that
// passes a function whose summary it knows composes the two (Map(users,
// func(u User) string { return u.Email }) returns the users' emails, not
// all their fields); any other caller takes the call to return what it was
// given. With Method set, the call is of that method of the interface
// value parameter Func holds (s.Send(u.Email) for a parameter s Sender):
// a caller that passes a value of a concrete type composes it with the
// summary of that type's method, which may be in a package the callee
// cannot see (an implementation that logs what it is sent).
type CallArg struct {
	Func   int
	Method string
	Arg    int
	Param  int
	Path   string
	Source Source
}

// Stored says that a result holds a source at a field path: what a
// function that fills a struct from an identity returns (Claims.Email
// holds Identity.Email), so that reading another field of the result
// (its ConnectorID) is clean.
type Stored struct {
	Result int
	Path   string
	Source Source
}

// Write says that the function writes a source it reads itself into the
// writer (an io.Writer, a *bufio.Writer over one) parameter Into points
// to: writeReport(w) that loads customers and prints them into w. Where
// the caller passes a file or an unprotected connection, that is an
// export or a transport.
type Write struct {
	Into   int
	Source Source
}

// Flow says that part of a parameter flows to a result: into the result
// itself, or, when Into is not empty, into that field path of the memory
// a reference result points to (newPayload(m) returning &Payload{Memo:
// m} puts m at ".Memo", not in every field of the payload).
type Flow struct {
	Param  int
	Path   string
	Result int
	Into   string
}

// Effect says that part of a parameter is written into the memory another
// parameter points to: a builder's method that appends its argument to the
// receiver's buffer, fill(dst, src).
type Effect struct {
	Param int
	Path  string
	Into  int
}

// ParamSink says that part of a parameter reaches a sink.
type ParamSink struct {
	Param int
	Path  string
	Sink  SinkRef
}

// Empty reports whether the summary says nothing.
func (s *Summary) Empty() bool {
	if s == nil {
		return true
	}
	if len(s.Flows) > 0 || len(s.Sinks) > 0 || len(s.Effects) > 0 || len(s.Writes) > 0 || len(s.Stored) > 0 || len(s.Calls) > 0 {
		return false
	}
	for _, r := range s.Results {
		if len(r) > 0 {
			return false
		}
	}
	return true
}

// Step is one hop of a flow, for a diagnostic's related information.
type Step struct {
	Pos     token.Pos
	Message string
}

// Finding is PII reaching a sink.
type Finding struct {
	Pos, End token.Pos // the sink argument where PII enters
	Call     token.Pos // the sink call (or the call of a helper that reaches one)
	Source   Source
	Sink     SinkRef
	Steps    []Step // from the source to the sink
}

// Oracle answers the engine's questions about the program.
type Oracle interface {
	// Field reports the source of a struct field, and notPII when the field
	// is explicitly marked as not PII.
	Field(f *types.Var) (src *Source, notPII bool)
	// Type reports the source of a named type.
	Type(tn *types.TypeName) *Source
	// Summary returns the summary of a function of another package, or nil.
	Summary(fn *types.Func) *Summary
	// Sanitizer reports whether results of fn are clean.
	Sanitizer(fn *types.Func) bool
	// Sink returns the sink row of fn, if it is one.
	Sink(fn *types.Func) (sinks.Sink, bool)
	// VarSummary returns the summary of a package-level variable of
	// function type of another package (see funcvalues.go), or nil.
	VarSummary(v *types.Var) *Summary
}

// Input is one package for the engine.
type Input struct {
	Fset   *token.FileSet
	Files  []*ast.File
	Funcs  []*ssa.Function // the package's source functions, literals included
	Oracle Oracle
	// Module is the path of the module the package belongs to; empty
	// when unknown (GOPATH mode), then modules are told apart by import
	// path (see sameModule).
	Module string
	// Sanitized asks for the calls of sanitizers that take personal
	// data, in Result.Sanitized (the inventory's sanitized flows).
	Sanitized bool
}

// Result is what the engine found in a package.
type Result struct {
	Findings []*Finding // sorted by position, then source
	// Summaries of the package's functions and methods that say something.
	Summaries map[*types.Func]*Summary
	// Vars are the summaries of the package's variables of function type
	// that say something: calls through them reach what the package
	// assigns to them.
	Vars map[*types.Var]*Summary
	// Sanitized are the sanitizer calls that take fields' data, when
	// Input.Sanitized asks for them; sorted by position, then source.
	Sanitized []Sanitization
}

// A Sanitization is a call of a sanitizer with data of a source among its
// arguments: the data goes no further.
type Sanitization struct {
	Pos       token.Pos // the call
	Source    Source
	Sanitizer string // the sanitizer: "crm.mask"
}

// String is a compact, deterministic rendering of the summary, for tests
// and facts: "p0->r0" (parameter 0 flows to result 0), "p0.Name->r0",
// "p0->r0.Memo" (parameter 0 is stored at field Memo of the memory result
// 0 points to), "p1->*p0" (parameter 1 is written into parameter 0's memory),
// "r0.Claims.Email<-Identity.Email" (result 0 holds a source at a field
// path), "Customer.Email->*p0" (a source written into a writer parameter),
// "p1->log(wrap>log.Printf)" (parameter 1 reaches a log sink through
// wrap), "r0<-Customer.Email" (result 0 carries a source), separated by
// spaces; "" for a summary that says nothing.
func (s *Summary) String() string {
	var parts []string
	for _, f := range s.Flows {
		parts = append(parts, fmt.Sprintf("p%d%s->r%d%s", f.Param, f.Path, f.Result, f.Into))
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
	for _, st := range s.Stored {
		parts = append(parts, fmt.Sprintf("r%d%s<-%s", st.Result, st.Path, st.Source.Name))
	}
	for _, ca := range s.Calls {
		callee := fmt.Sprintf("p%d", ca.Func)
		if ca.Method != "" {
			callee += "." + ca.Method
		}
		if ca.Param < 0 {
			parts = append(parts, fmt.Sprintf("%s->%s(%d)", ca.Source.Name, callee, ca.Arg))
		} else {
			parts = append(parts, fmt.Sprintf("p%d%s->%s(%d)", ca.Param, ca.Path, callee, ca.Arg))
		}
	}
	return strings.Join(parts, " ")
}
