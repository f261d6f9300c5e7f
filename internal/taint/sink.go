package taint

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// reporter is the sink side of the engine: it decides whether a sink row
// applies to a call (decide, transport), and records what reaches a sink
// (sink, reach, the write* methods): a finding for a concrete source, an
// entry of the function's summary for one of its parameters. It also keeps
// the heap's channel attributes (tlsStore, setAttr) and reports the
// responses of gRPC services served without TLS (respond).
type reporter struct {
	vs     *values
	heap   *heap
	ch     *origin.Channels
	labels *labelTable
	sched  *schedule

	summaries map[*ssa.Function]*Summary // shared with the engine
	seen      map[any]bool               // shared with the engine

	calls      map[token.Pos]*ast.CallExpr   // the package's calls, by Lparen
	responders map[*ssa.Function]origin.Kind // methods of gRPC services served without TLS
	findings   map[findingKey]*Finding
	sinkAt     map[sinkSeenKey]int // the index of a summary's sink entry
	sanitizes  map[sanitizedKey]bool
}

type sanitizedKey struct {
	pos       token.Pos
	source    Source
	sanitizer string
}

// sanitized records that the sanitizer called at pos takes the sources
// of s (parameters' labels are not data of a source yet: the caller's
// analysis sees them).
func (rep *reporter) sanitized(pos token.Pos, sanitizer string, s set) {
	for id := range s {
		if src := rep.labels.all[id].src; src != nil {
			if rep.sanitizes == nil {
				rep.sanitizes = make(map[sanitizedKey]bool)
			}
			rep.sanitizes[sanitizedKey{pos, *src, sanitizer}] = true
		}
	}
}

// decide tells whether a sink row applies to a call, and settles its
// class and destination. A row with a Writer is decided by the writer:
// standard output or standard error keep the row's class, a file makes
// it an export, an unprotected connection a transport, anything else no
// sink. A Transport row is a sink only when its channel is unprotected.
func (rep *reporter) decide(s *sinks.Sink, args []arg) bool {
	if s.Class == sinks.Transport {
		o := rep.transport(*s, args)
		if o == origin.None {
			return false
		}
		_, s.Dest = o.Dest()
		return true
	}
	if s.Writer == 0 {
		return true
	}
	want := s.Writer.Pos(hasRecv(args))
	for _, a := range args {
		if a.param != want {
			continue
		}
		if rep.heap.attrs(a.val)&origin.AttrStdout != 0 {
			return true
		}
		o := rep.ch.Of(a.val)
		if o == origin.None || o == origin.Unknown {
			return false
		}
		s.Class, s.Dest = o.Dest()
		return true
	}
	return false
}

func hasRecv(args []arg) bool { return len(args) > 0 && args[0].ast == -1 }

// dataArgs returns the arguments that carry data into a sink or a format.
func dataArgs(args []arg, data, fmtParam sinks.Param) []arg {
	first, ok := data.Index()
	switch {
	case data == sinks.Recv:
		first = -1
	case !ok:
		return nil
	}
	format, ok := fmtParam.Index()
	if !ok {
		format = -1
	}
	recv := 0
	if hasRecv(args) {
		recv = 1
	}
	var fmtArg ssa.Value
	var operands []arg
	for _, a := range args {
		p := a.param - recv
		if p == format {
			fmtArg = a.val
		}
		if p >= first {
			operands = append(operands, a)
		}
	}
	if format < 0 || fmtArg == nil {
		return operands
	}
	k, ok := fmtArg.(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return operands
	}
	verbs, ok := printfVerbs(constant.StringVal(k.Value))
	if !ok {
		return operands
	}
	var out []arg
	for _, a := range operands {
		p := a.param - recv
		if p == format {
			out = append(out, a)
			continue
		}
		// operand index among the formatted operands
		idx := a.ast - (format + 1)
		if p > format && idx >= 0 && idx < len(verbs) && (verbs[idx] == 'T' || verbs[idx] == 'p') {
			continue
		}
		out = append(out, a)
	}
	return out
}

// printfVerbs returns the verb of each operand of a printf format. It
// gives up (ok=false) on explicit argument indexes.
func printfVerbs(format string) (verbs []rune, ok bool) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) {
			ch := format[i]
			switch {
			case ch == '[':
				return nil, false
			case ch == '*':
				verbs = append(verbs, '*')
				i++
				continue
			case strings.IndexByte("+-# 0.", ch) >= 0 || ch >= '0' && ch <= '9':
				i++
				continue
			}
			break
		}
		if i < len(format) {
			if format[i] == '%' {
				continue
			}
			verbs = append(verbs, rune(format[i]))
		}
	}
	return verbs, true
}

// sink records PII reaching a sink. via names the helpers between fn's
// caller-visible parameters and the sink.
func (rep *reporter) sink(fn *ssa.Function, call token.Pos, args []arg, s sinks.Sink, callee string, via []string) {
	data := args
	if callee != "panic" {
		data = dataArgs(args, s.Data, s.Format)
	}
	ref := SinkRef{Class: s.Class, Dest: s.Dest, Callee: callee, Via: via}
	for _, a := range data {
		if s.Basic && !isBasic(a.val.Type()) {
			continue // printed as an address (print, println)
		}
		if s.Encode == "" {
			rep.reach(fn, call, a, rep.shown(a.val, s), ref)
		} else if !rep.vs.isStream(a.val.Type()) {
			rep.reach(fn, call, a, rep.vs.encoded(a.val, s.Encode), ref)
		}
	}
}

// shown is what sink s shows of argument v. A log sink prints a value
// converted to an interface whose type has one of fmt's methods (Format,
// Error, String) with that method, which the box's own labels already say
// (engine.boxed), not with what the interface's alias class holds (the
// elements of a variadic call's array share one, so an error printing
// its code would show what its neighbours point to).
func (rep *reporter) shown(v ssa.Value, s sinks.Sink) set {
	if mi, ok := v.(*ssa.MakeInterface); ok && s.Class == sinks.Log && printsWithMethod(mi.X.Type()) {
		return rep.vs.explicit(v)
	}
	return rep.vs.deep(v)
}

// printsWithMethod reports whether fmt's %v prints a value of type t with
// a method of it: one of fmtMethods but GoString, which only %#v calls.
func printsWithMethod(t types.Type) bool {
	for _, name := range fmtMethods {
		if name != "GoString" && methodOf(t, name) != nil {
			return true
		}
	}
	return false
}

// isBasic reports whether print and println show a value of t as what it
// holds: a string, a number or a boolean (not an unsafe.Pointer).
func isBasic(t types.Type) bool {
	b, ok := ssax.Under(t).(*types.Basic)
	return ok && b.Info()&(types.IsString|types.IsNumeric|types.IsBoolean) != 0
}

// reach records that taint w of argument a of the call at pos reaches a
// sink: concrete sources are findings, parameters of fn extend its summary.
// When a source or a parameter reaches the same sink through several
// chains of helpers, the shortest is kept, then the first by name, so
// that messages do not depend on the order the engine met them in.
func (rep *reporter) reach(fn *ssa.Function, pos token.Pos, a arg, w set, ref SinkRef) {
	sum := rep.summaries[fn]
	for _, id := range sortedIDs(w) {
		l := rep.labels.all[id]
		switch {
		case l.src != nil:
			k := findingKey{call: pos, src: l.src.Key, cls: ref.Class}
			if old, ok := rep.findings[k]; ok && !betterChain(ref, old.Sink) {
				continue
			}
			f := &Finding{Pos: pos, End: pos, Call: pos, Source: *l.src, Sink: ref, Steps: w[id]}
			if ce := rep.calls[pos]; ce != nil && a.ast >= 0 && a.ast < len(ce.Args) {
				f.Pos, f.End = ce.Args[a.ast].Pos(), ce.Args[a.ast].End()
			} else if ce != nil {
				f.End = ce.End()
			}
			rep.findings[k] = f
		case l.fn == fn && sum != nil:
			k := sinkSeenKey{fn, l.param, l.path, ref.Class}
			ps := ParamSink{Param: l.param, Path: l.path, Sink: ref}
			i, ok := rep.sinkAt[k]
			switch {
			case !ok:
				rep.sinkAt[k] = len(sum.Sinks)
				sum.Sinks = append(sum.Sinks, ps)
			case betterChain(ref, sum.Sinks[i].Sink):
				sum.Sinks[i] = ps
			default:
				continue
			}
			rep.sched.changedSummary(fn)
		}
	}
}

// betterChain reports whether sink chain a is to be kept rather than b:
// fewer helpers, then the first by name (destination, then the chain).
func betterChain(a, b SinkRef) bool {
	if len(a.Via) != len(b.Via) {
		return len(a.Via) < len(b.Via)
	}
	if a.Dest != b.Dest {
		return a.Dest < b.Dest
	}
	return chainKey(a) < chainKey(b)
}

func chainKey(s SinkRef) string {
	return strings.Join(append(append([]string{}, s.Via...), s.Callee), ">")
}
