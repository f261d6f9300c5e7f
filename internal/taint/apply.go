package taint

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/taint/ssax"
)

// applySummary applies a callee's summary at the call; name is how
// messages name the callee, params its parameter types.
func (k *callSite) applySummary(sum *Summary, name string, params []types.Type) {
	k.apply(sum, name, params, true)
}

// apply applies sum; without withSinks, not its sinks nor the sinks of the
// functions it calls (ruleImplementations applies those apart).
func (k *callSite) apply(sum *Summary, name string, params []types.Type, withSinks bool) {
	e, fn, c, call, args := k.e, k.fn, k.c, k.call, k.args
	if sum == nil || !e.inputsChanged(c, args, sum) {
		return
	}
	ap := &application{e: e, fn: fn, c: c, call: call, args: args, sum: sum, name: name, params: params, cache: make(map[partKey][]argPart)}
	if call != nil {
		if tup, ok := call.Type().(*types.Tuple); ok {
			for v := range tup.Variables() {
				ap.results = append(ap.results, v.Type())
			}
		} else {
			ap.results = []types.Type{call.Type()}
		}
	}
	ap.flows()
	ap.effects()
	ap.writes()
	if withSinks {
		ap.sinks()
		ap.callSinks()
	}
	ap.sources()
	ap.stored()
}

// inputsChanged reports whether the summary or what the arguments carry
// has grown since sum was last applied at c: applying a summary again to
// the same inputs adds nothing.
func (e *engine) inputsChanged(c *ssa.CallCommon, args []arg, sum *Summary) bool {
	fp := len(sum.Flows) + len(sum.Sinks) + len(sum.Effects) + len(sum.Writes) + len(sum.Stored) + len(sum.Calls)
	for _, r := range sum.Results {
		fp += len(r)
	}
	for _, a := range args {
		fp += e.vs.fingerprint(a.val, 2)
		// A function passed to a higher-order callee: its summary is
		// an input too (callPart).
		if f := localFunc(a.val); f != nil && e.local[f] {
			fp += e.sched.readVersion(f)
		}
	}
	k := appliedKey{c, sum}
	if last, ok := e.applied[k]; ok && last == fp {
		return false
	}
	e.applied[k] = fp
	return true
}

// An application is a summary being applied at a call.
type application struct {
	e       *engine
	fn      *ssa.Function // the caller
	c       *ssa.CallCommon
	call    *ssa.Call // nil for go and defer
	args    []arg
	sum     *Summary
	name    string       // how messages name the callee
	params  []types.Type // the callee's parameter types
	results []types.Type // the call's result types
	cache   map[partKey][]argPart
}

type partKey struct {
	i           int
	path        string
	dropImplied bool
}

// part is the taint of the part path of the arguments bound to parameter
// i; with dropImplied, without what the type the callee sees already
// implies (the callee reports that itself).
func (ap *application) part(i int, path string, dropImplied bool) []argPart {
	k := partKey{i, path, dropImplied}
	if v, ok := ap.cache[k]; ok {
		return v
	}
	if rest, ok := strings.CutPrefix(path, "()"); ok {
		ap.cache[k] = nil // a cycle of calls through function values
		out := ap.callPart(i, rest)
		ap.cache[k] = out
		return out
	}
	var out []argPart
	for _, a := range ap.args {
		if a.param != i {
			continue
		}
		p := path
		if a.elem {
			rest, ok := strings.CutPrefix(p, "[]")
			if !ok && p != "" {
				continue
			}
			p = rest
		}
		w := ap.e.vs.resolve(a.val, p)
		if dropImplied && i < len(ap.params) {
			w = minus(w, ap.e.vs.typeSources(ap.params[i], path))
		}
		if len(w) > 0 {
			out = append(out, argPart{a, w})
		}
	}
	ap.cache[k] = out
	return out
}

// step is the flow step the call adds: "flows through callee".
func (ap *application) step(msg string) Step {
	return Step{Pos: ap.c.Pos(), Message: msg}
}

// flows: parameter parts that reach results.
func (ap *application) flows() {
	for _, f := range ap.sum.Flows {
		if f.Result >= len(ap.results) {
			continue
		}
		if f.Path == "" && f.Into == "" && ap.copyStruct(f) {
			continue
		}
		for _, p := range ap.part(f.Param, f.Path, false) {
			w := minus(p.taint, ap.e.types.of(ap.results[f.Result]))
			w = with(w, ap.step("flows through "+ap.name))
			if f.Into != "" {
				if r := ap.result(f.Result); r != nil {
					ap.e.heap.storePath(ap.e.heap.class(r), f.Into, w)
					if !types.IsInterface(ap.results[f.Result]) {
						continue
					}
					// Behind an interface (a derived logger,
					// l.With("card", card)) the memory is reached
					// through the value: it carries the part too.
				}
			}
			ap.e.vs.setResult(ap.call, f.Result, w)
		}
	}
}

// copyStruct applies a flow of a whole struct argument read from memory
// into a struct result, field by field: finalize(req) returning req with
// its claims filled keeps each field of req where it was, as a copy
// would. It reports whether it applied.
func (ap *application) copyStruct(f Flow) bool {
	r := ap.result(f.Result)
	if r == nil || !isStruct(r.Type()) {
		return false
	}
	var loads []*ssa.UnOp
	for _, a := range ap.args {
		if a.param != f.Param {
			continue
		}
		ld, ok := a.val.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL || a.elem || !isStruct(ld.Type()) {
			return false
		}
		loads = append(loads, ld)
	}
	if len(loads) == 0 {
		return false
	}
	step := ap.step("flows through " + ap.name)
	c := ap.e.heap.class(r)
	for _, ld := range loads {
		var own set
		union(&own, ap.e.vs.explicit(ld.X))
		union(&own, ap.e.vs.fieldAddrSource(ld.X))
		ap.e.vs.setResult(ap.call, f.Result, with(own, step))
		for _, p := range ap.e.heap.parts(ld.X) {
			ap.e.heap.storePath(c, p.path, with(p.taint, step))
		}
	}
	return true
}

// result is the SSA value of result j of the call: the call, or the
// extraction of j from its tuple; nil when the result is not used.
func (ap *application) result(j int) ssa.Value {
	if ap.call == nil {
		return nil
	}
	if len(ap.results) == 1 {
		return ap.call
	}
	for _, ref := range *ap.call.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok && ex.Index == j {
			return ex
		}
	}
	return nil
}

// effects: parameter parts written into another parameter's memory.
func (ap *application) effects() {
	for _, ef := range ap.sum.Effects {
		for _, p := range ap.part(ef.Param, ef.Path, false) {
			for _, a := range ap.args {
				if a.param != ef.Into {
					continue
				}
				target := a.val.Type()
				if mi, ok := a.val.(*ssa.MakeInterface); ok {
					target = mi.X.Type()
				}
				if ap.e.loggers.is(target) {
					continue // see loggers
				}
				w := with(p.taint, ap.step("written by "+ap.name))
				ap.e.heap.store(a.val, minus(w, ap.e.types.of(target)))
				ap.e.rep.writeOut(ap.fn, ap.c.Pos(), a.val, p.arg, w, ap.name)
			}
		}
	}
}

// writes: sources the callee writes into a writer argument.
func (ap *application) writes() {
	for _, w := range ap.sum.Writes {
		src := w.Source
		s := set{ap.e.labels.source(&src): {ap.step(ap.name + " writes " + src.Name + " (" + src.Kind + ")")}}
		for _, a := range ap.args {
			if a.param == w.Into {
				ap.e.rep.writeInto(ap.fn, ap.c.Pos(), a.val, a, s, ap.name)
			}
		}
	}
}

// sinks: parameter parts that reach sinks inside the callee.
func (ap *application) sinks() {
	for _, ps := range ap.sum.Sinks {
		ref := SinkRef{Class: ps.Sink.Class, Dest: ps.Sink.Dest, Callee: ps.Sink.Callee, Via: append([]string{ap.name}, ps.Sink.Via...)}
		for _, p := range ap.part(ps.Param, ps.Path, true) {
			ap.e.rep.reach(ap.fn, ap.c.Pos(), p.arg, with(p.taint, ap.step("passed to "+ap.name)), ref)
		}
	}
}

// sources: the sources results carry whatever the arguments. Sources the
// result's type holds anyway stay implied by the type, so that reading a
// non-PII field of the result is clean.
func (ap *application) sources() {
	for j, srcs := range ap.sum.Results {
		if j >= len(ap.results) {
			break
		}
		var s set
		for i := range srcs {
			src := srcs[i]
			union(&s, set{ap.e.labels.source(&src): {ap.step(ap.name + " returns " + src.Name + " (" + src.Kind + ")")}})
		}
		ap.e.vs.setResult(ap.call, j, minus(s, ap.e.types.of(ap.results[j])))
	}
}

// stored: the sources results hold at field paths, kept at those paths
// of the result's location.
func (ap *application) stored() {
	for _, st := range ap.sum.Stored {
		r := ap.result(st.Result)
		if r == nil {
			continue
		}
		src := st.Source
		s := set{ap.e.labels.source(&src): {ap.step(ap.name + " returns " + src.Name + " (" + src.Kind + ")")}}
		ap.e.heap.storePath(ap.e.heap.class(r), st.Path, s)
	}
}

type appliedKey struct {
	c   *ssa.CallCommon
	sum *Summary
}

type argPart struct {
	arg   arg
	taint set
}

// splitPath splits ".Items[].Name" into "Items", "[]", "Name".
func splitPath(path string) []string {
	var segs []string
	for path != "" {
		switch {
		case strings.HasPrefix(path, "[]"):
			segs = append(segs, "[]")
			path = path[2:]
		case strings.HasPrefix(path, "()"):
			segs = append(segs, "()")
			path = path[2:]
		case path[0] == '.':
			path = path[1:]
			n := strings.IndexAny(path, ".[")
			if n < 0 {
				n = len(path)
			}
			segs = append(segs, path[:n])
			path = path[n:]
		default:
			return segs
		}
	}
	return segs
}

func deref(t types.Type) types.Type {
	if p := ssax.Pointee(t); p != nil {
		return p
	}
	return t
}

func elemType(t types.Type) types.Type {
	switch u := ssax.Under(t).(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Map:
		return u.Elem()
	case *types.Chan:
		return u.Elem()
	}
	return nil
}

// paramTypes lists the parameter types of a callee as its body sees them
// (the generic origin's), receiver first.
func paramTypes(obj *types.Func, fn *ssa.Function) []types.Type {
	var sig *types.Signature
	switch {
	case obj != nil:
		if o := obj.Origin(); o != nil {
			obj = o
		}
		sig = obj.Signature()
	case fn != nil:
		sig = fn.Signature
	default:
		return nil
	}
	var ts []types.Type
	if r := sig.Recv(); r != nil {
		ts = append(ts, r.Type())
	}
	for v := range sig.Params().Variables() {
		ts = append(ts, v.Type())
	}
	return ts
}
