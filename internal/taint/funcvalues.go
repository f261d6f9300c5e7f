package taint

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// Calls through function values. A logging facade often exposes its
// levels as package-level variables (var Warn LogFunc = defaultWarn,
// reassigned to a method value of a zap-backed logger at start-up), or
// keeps a func field (logf func(string, ...any)). A call through such a
// variable or field reaches every function the package assigns to it —
// in its initializer or in any of its functions: functions, closures and
// method values. The variable's summary is the union of theirs, in the
// function value's parameters, and is exported like a function's, so
// that importers see mlog.Warn(...) as the sink it is. A function value
// of another kind (a parameter, a map element) is not resolved.

// funcStores are the function values a package assigns to each of its
// package-level variables and struct fields of function type.
type funcStores struct {
	globals map[*ssa.Global][]ssa.Value
	fields  map[*types.Var][]ssa.Value
}

func newFuncStores(funcs []*ssa.Function) *funcStores {
	fs := &funcStores{globals: make(map[*ssa.Global][]ssa.Value), fields: make(map[*types.Var][]ssa.Value)}
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				st, ok := instr.(*ssa.Store)
				if !ok {
					continue
				}
				if _, ok := ssax.Under(st.Val.Type()).(*types.Signature); !ok {
					continue
				}
				switch addr := st.Addr.(type) {
				case *ssa.Global:
					fs.globals[addr] = append(fs.globals[addr], st.Val)
				case *ssa.FieldAddr:
					if f := fieldVar(addr.X.Type(), addr.Field); f != nil {
						fs.fields[f] = append(fs.fields[f], st.Val)
					}
				}
			}
		}
	}
	return fs
}

func fieldVar(t types.Type, i int) *types.Var {
	st := ssax.StructOf(t)
	if st == nil || i >= st.NumFields() {
		return nil
	}
	return st.Field(i).Origin()
}

// A funcTarget is a function a function value may hold: a function of
// the package (callee), or of another (obj), with its receiver bound when
// it is a method value.
type funcTarget struct {
	callee *ssa.Function
	obj    *types.Func
	bound  bool
}

// calleeTargets are the functions fns as targets of a call.
func calleeTargets(fns []*ssa.Function) []funcTarget {
	ts := make([]funcTarget, len(fns))
	for i, f := range fns {
		ts[i] = funcTarget{callee: f}
	}
	return ts
}

// targets are the functions v, a function value loaded from a variable
// or a field, may hold; name is how messages name the variable.
func (e *engine) targets(v ssa.Value) (ts []funcTarget, name string) {
	var stored []ssa.Value
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op != token.MUL {
			return nil, ""
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			stored, name = e.fstores.globals[x], x.Pkg.Pkg.Name()+"."+x.Name()
		case *ssa.FieldAddr:
			if f := fieldVar(x.X.Type(), x.Field); f != nil {
				stored, name = e.fstores.fields[f], fieldName(x.X.Type(), f)
			}
		}
	case *ssa.Field:
		if f := fieldVar(v.X.Type(), v.Field); f != nil {
			stored, name = e.fstores.fields[f], fieldName(v.X.Type(), f)
		}
	}
	seen := make(map[funcTarget]bool)
	for _, s := range stored {
		for {
			ct, ok := s.(*ssa.ChangeType) // a func value converted to a named func type
			if !ok {
				break
			}
			s = ct.X
		}
		var t funcTarget
		switch s := s.(type) {
		case *ssa.Function:
			t.callee = s
		case *ssa.MakeClosure:
			t.callee, _ = s.Fn.(*ssa.Function)
			if t.callee != nil && strings.HasPrefix(t.callee.Synthetic, "bound method wrapper") {
				t.obj, _ = t.callee.Object().(*types.Func)
				t.callee, t.bound = nil, true
			}
		}
		if t.callee != nil && !e.local[t.callee] {
			t.obj, _ = t.callee.Object().(*types.Func)
			t.callee = nil
		}
		if t.obj != nil && t.callee == nil {
			if f := e.byObj[t.obj.Origin()]; f != nil {
				t.callee = f
			}
		}
		if (t.callee != nil || t.obj != nil) && !seen[t] {
			seen[t] = true
			ts = append(ts, t)
		}
	}
	return ts, name
}

// fieldName names a field for messages: "Service.logf".
func fieldName(t types.Type, f *types.Var) string {
	if n, ok := types.Unalias(deref(t)).(*types.Named); ok {
		return n.Obj().Name() + "." + f.Name()
	}
	return f.Name()
}

// valueSummary is the union of the summaries of the targets, in the
// parameters of the function value they are called through: a bound
// method's receiver is not one of them.
func (e *engine) valueSummary(ts []funcTarget, nresults int) *Summary {
	out := &Summary{Results: make([][]Source, nresults)}
	for _, t := range ts {
		var sum *Summary
		switch {
		case t.callee != nil:
			e.sched.readSummary(t.callee)
			sum = e.summaries[t.callee]
		case t.obj != nil:
			sum = e.Oracle.Summary(t.obj)
			if sum != nil && t.obj.Pkg() != nil && !e.sameModule(t.obj.Pkg().Path()) {
				sum = e.foreignSummary(t.obj, sum)
			}
		}
		shift := 0
		if t.bound {
			shift = 1
		}
		if sum != nil {
			addShifted(out, sum, shift)
		}
		if t.obj != nil {
			if s, ok := e.Oracle.Sink(t.obj); ok {
				addSinkRow(out, s, t.obj, shift)
			}
		}
	}
	return out
}

// addShifted adds sum to out with parameter i numbered i-shift; parts of
// parameters below shift (a bound receiver) are left out.
func addShifted(out, sum *Summary, shift int) {
	for _, f := range sum.Flows {
		if f.Param >= shift {
			f.Param -= shift
			out.Flows = append(out.Flows, f)
		}
	}
	for _, ps := range sum.Sinks {
		if ps.Param >= shift {
			ps.Param -= shift
			out.Sinks = append(out.Sinks, ps)
		}
	}
	for _, ef := range sum.Effects {
		if ef.Param >= shift && ef.Into >= shift {
			ef.Param -= shift
			ef.Into -= shift
			out.Effects = append(out.Effects, ef)
		}
	}
	for _, w := range sum.Writes {
		if w.Into >= shift {
			w.Into -= shift
			out.Writes = append(out.Writes, w)
		}
	}
	for j, srcs := range sum.Results {
		if j < len(out.Results) {
			out.Results[j] = append(out.Results[j], srcs...)
		}
	}
	out.Stored = append(out.Stored, sum.Stored...)
	for _, ca := range sum.Calls {
		if ca.Func >= shift && (ca.Param < 0 || ca.Param >= shift) {
			ca.Func -= shift
			if ca.Param >= 0 {
				ca.Param -= shift
			}
			out.Calls = append(out.Calls, ca)
		}
	}
}

// addSinkRow adds to out that the data parameters of sink row s, a
// function or method value obj, reach the sink: every parameter from the
// first data or format parameter on (the data of a variadic row are its
// last parameter's elements). Rows decided by a writer or a channel are
// left to the calls that make them.
func addSinkRow(out *Summary, s sinks.Sink, obj *types.Func, shift int) {
	if s.Writer != 0 || s.Class == sinks.Transport {
		return
	}
	first, ok := s.Data.Index()
	if f, fok := s.Format.Index(); fok && (!ok || f < first) {
		first, ok = f, true
	}
	if !ok {
		return
	}
	recv := 0
	if obj.Signature().Recv() != nil {
		recv = 1
	}
	n := obj.Signature().Params().Len()
	ref := SinkRef{Class: s.Class, Dest: s.Dest, Callee: shortName(obj)}
	for i := first; i < n; i++ {
		if p := i + recv - shift; p >= 0 {
			out.Sinks = append(out.Sinks, ParamSink{Param: p, Sink: ref})
		}
	}
}

// ruleFuncValue: a call through a package-level variable or a struct
// field of function type applies the union of the summaries of the
// functions the package assigns to it; through a variable of another
// package, the summary its facts export.
func (k *callSite) ruleFuncValue() bool {
	e, c := k.e, k.c
	if c.IsInvoke() || c.StaticCallee() != nil {
		return false
	}
	sig, ok := ssax.Under(c.Value.Type()).(*types.Signature)
	if !ok {
		return false
	}
	var params []types.Type
	for v := range sig.Params().Variables() {
		params = append(params, v.Type())
	}
	if ld, ok := c.Value.(*ssa.UnOp); ok && ld.Op == token.MUL {
		if g, ok := ld.X.(*ssa.Global); ok && g.Pkg != nil && len(e.Funcs) > 0 && g.Pkg != e.Funcs[0].Pkg {
			v, _ := g.Object().(*types.Var)
			if v == nil {
				return false
			}
			sum := e.Oracle.VarSummary(v)
			if sum == nil {
				return false
			}
			k.applySummary(sum, g.Pkg.Pkg.Name()+"."+g.Name(), params)
			return true
		}
	}
	ts, name := e.targets(c.Value)
	if len(ts) == 0 {
		return false
	}
	k.applySummary(e.cachedValueSummary(c, ts, sig.Results().Len()), name, params)
	return true
}

// cachedValueSummary is valueSummary, the same summary (the same
// pointer, so that applying it again to the same inputs is skipped) as
// long as the targets' summaries have not changed.
func (e *engine) cachedValueSummary(c *ssa.CallCommon, ts []funcTarget, nresults int) *Summary {
	fp := 0 // the versions of the package's summaries among the targets; imported ones do not change
	for _, t := range ts {
		if t.callee != nil {
			fp += e.sched.readVersion(t.callee)
		}
	}
	if v, ok := e.fvalues[c]; ok && v.fp == fp {
		return v.sum
	}
	sum := e.valueSummary(ts, nresults)
	e.fvalues[c] = fvalue{fp, sum}
	return sum
}

type fvalue struct {
	fp  int
	sum *Summary
}

// varSummaries are the summaries of the package's variables of function
// type, for importers.
func (e *engine) varSummaries() map[*types.Var]*Summary {
	out := make(map[*types.Var]*Summary)
	for g := range e.fstores.globals {
		if len(e.Funcs) == 0 || g.Pkg != e.Funcs[0].Pkg {
			continue // another package's variable, assigned here
		}
		v, _ := g.Object().(*types.Var)
		sig, ok := ssax.Under(g.Type()).(*types.Pointer)
		if v == nil || !ok {
			continue
		}
		fsig, ok := ssax.Under(sig.Elem()).(*types.Signature)
		if !ok {
			continue
		}
		ts, _ := e.targets(&ssa.UnOp{Op: token.MUL, X: g})
		if s := e.valueSummary(ts, fsig.Results().Len()); !s.Empty() {
			dedup(s)
			normalize(s)
			out[v] = s
		}
	}
	return out
}

// dedup removes the repeated entries of a union of summaries.
func dedup(s *Summary) {
	s.Flows = uniq(s.Flows)
	s.Effects = uniq(s.Effects)
	s.Writes = uniq(s.Writes)
	s.Stored = uniq(s.Stored)
	s.Calls = uniq(s.Calls)
	s.Sinks = uniqSinks(s.Sinks)
	for j := range s.Results {
		s.Results[j] = uniq(s.Results[j])
	}
}

func uniq[T comparable](xs []T) []T {
	seen := make(map[T]bool, len(xs))
	var out []T
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// uniqSinks keeps one entry per parameter part and class, with the best
// chain (see betterChain).
func uniqSinks(ps []ParamSink) []ParamSink {
	type key struct {
		param int
		path  string
		class sinks.Class
	}
	at := make(map[key]int)
	var out []ParamSink
	for _, p := range ps {
		k := key{p.Param, p.Path, p.Sink.Class}
		if i, ok := at[k]; ok {
			if betterChain(p.Sink, out[i].Sink) {
				out[i] = p
			}
			continue
		}
		at[k] = len(out)
		out = append(out, p)
	}
	return out
}
