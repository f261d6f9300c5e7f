package taint

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// Higher-order functions: a function that calls a function value it is
// given (Map(xs, f), each(f), lazy(f)) is summarised with what it passes
// to the calls (Summary.Calls) and with the calls' results as part "()"
// of the parameter; its callers compose that with the summary of the
// function they pass.

// ruleParamCall: a call of a function value that a parameter of the
// function being analysed holds. Its result is part "()" of the
// parameter; its arguments are recorded as CallArgs.
func (k *callSite) ruleParamCall() bool {
	e, fn, c := k.e, k.fn, k.c
	if c.IsInvoke() || c.StaticCallee() != nil {
		return false
	}
	j, sum := k.calledParam()
	if sum == nil {
		return false
	}
	if k.call != nil {
		res := set{e.labels.part(fn, j, "()"): nil}
		if tup, ok := k.call.Type().(*types.Tuple); ok && tup.Len() > 1 {
			for i := 0; i < tup.Len(); i++ {
				e.vs.setResult(k.call, i, res)
			}
		} else {
			e.vs.setResult(k.call, 0, res)
		}
	}
	e.recordCallArgs(fn, sum, j, "", c.Args)
	return true
}

// recordInterfaceCall records the arguments of a call of a method of an
// interface value that a parameter of fn holds (s.Send(u.Email)); the
// call itself is then handled by the other rules.
func (k *callSite) recordInterfaceCall() {
	if !k.c.IsInvoke() {
		return
	}
	if j, sum := k.calledParam(); sum != nil {
		k.e.recordCallArgs(k.fn, sum, j, k.c.Method.Name(), k.c.Args)
	}
}

// calledParam is the index of the parameter of the function being
// analysed whose value the call calls (a function value, or the receiver
// of an interface method), and that function's summary; the summary is
// nil when the callee is not a parameter.
func (k *callSite) calledParam() (int, *Summary) {
	p, ok := k.c.Value.(*ssa.Parameter)
	if !ok || p.Parent() != k.fn {
		return -1, nil
	}
	j := paramIndex(k.fn, p)
	if j < 0 {
		return -1, nil
	}
	return j, k.e.summaries[k.fn]
}

// recordCallArgs adds to fn's summary what fn passes as args to the calls
// of the function (or of the method named method of the interface value)
// parameter j holds.
func (e *engine) recordCallArgs(fn *ssa.Function, sum *Summary, j int, method string, args []ssa.Value) {
	for a, v := range args {
		// What the argument's type implies, the function called
		// reports itself (it reads those fields).
		for _, id := range sortedIDs(minus(e.vs.whole(v), e.types.of(v.Type()))) {
			l := e.labels.all[id]
			var ca CallArg
			switch {
			case l.src != nil:
				ca = CallArg{Func: j, Method: method, Arg: a, Param: -1, Source: *l.src}
			case l.fn == fn && !strings.Contains(l.path, "()"):
				ca = CallArg{Func: j, Method: method, Arg: a, Param: l.param, Path: l.path}
			default:
				continue
			}
			if key := (callArgKey{fn, ca}); !e.seen[key] {
				e.seen[key] = true
				sum.Calls = append(sum.Calls, ca)
				e.sched.changedSummary(fn)
			}
		}
	}
}

type callArgKey struct {
	fn *ssa.Function
	ca CallArg
}

func paramIndex(fn *ssa.Function, p *ssa.Parameter) int {
	for i, q := range fn.Params {
		if q == p {
			return i
		}
	}
	return -1
}

// localFunc is the function v is: a function, or a closure.
func localFunc(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case *ssa.MakeClosure:
		f, _ := v.Fn.(*ssa.Function)
		return f
	case *ssa.Function:
		return v
	}
	return nil
}

// funcSummary is the summary of the function v is, when the engine knows
// it: a function or closure of the package, or an imported function.
func (e *engine) funcSummary(v ssa.Value) (*Summary, string) {
	f := localFunc(v)
	if f == nil {
		return nil, ""
	}
	if e.local[f] {
		e.sched.readSummary(f)
		// A closure is named as Go's stack traces name it: F.func4.
		return e.summaries[f], strings.ReplaceAll(f.Name(), "$", ".func")
	}
	if tf, ok := f.Object().(*types.Func); ok {
		return e.summaryOf(tf), shortName(tf)
	}
	return nil, ""
}

// callPart is part "()"+rest of the function values bound to parameter
// i: what the callee's calls of them return. A function the engine knows
// returns what its summary says of the arguments the callee passes it;
// any other returns what it was given and what it carries.
func (ap *application) callPart(i int, rest string) []argPart {
	var out []argPart
	for _, a := range ap.args {
		if a.param != i {
			continue
		}
		var w set
		if sum, _ := ap.e.funcSummary(a.val); sum != nil && rest == "" {
			if len(sum.Results) > 0 {
				for k := range sum.Results[0] {
					src := sum.Results[0][k]
					union(&w, set{ap.e.labels.source(&src): nil})
				}
			}
			for _, fl := range sum.Flows {
				if fl.Result != 0 || fl.Into != "" {
					continue
				}
				for _, ca := range ap.sum.Calls {
					if ca.Func == i && ca.Method == "" && ca.Arg == fl.Param {
						union(&w, ap.callArg(ca, fl.Path))
					}
				}
			}
		} else {
			union(&w, ap.e.vs.explicit(a.val))
			for _, ca := range ap.sum.Calls {
				if ca.Func == i && ca.Method == "" {
					union(&w, ap.callArg(ca, ""))
				}
			}
		}
		if len(w) > 0 {
			out = append(out, argPart{a, w})
		}
	}
	return out
}

// callArg is what the callee passes as CallArg ca, at part sub.
func (ap *application) callArg(ca CallArg, sub string) set {
	if ca.Param < 0 {
		if sub != "" && !strings.HasSuffix(ca.Source.Key, sub) {
			return nil
		}
		src := ca.Source
		return set{ap.e.labels.source(&src): nil}
	}
	var w set
	for _, p := range ap.part(ca.Param, ca.Path+sub, false) {
		union(&w, p.taint)
	}
	return w
}

// callSinks: the sinks of the functions the caller passes, reached with
// what the callee passes them (Map(users, logEmail)).
func (ap *application) callSinks() {
	if len(ap.sum.Calls) == 0 {
		return
	}
	for _, a := range ap.args {
		if sum, name := ap.e.funcSummary(a.val); sum != nil {
			ap.composeSinks(a, "", sum, name, 0)
		}
		for _, m := range methodsCalled(ap.sum, a.param) {
			if f := concreteMethod(a.val, m); f != nil {
				// The receiver is the method's parameter 0.
				ap.composeSinks(a, m, ap.e.summaryOf(f), shortName(f), 1)
			}
		}
	}
}

// methodsCalled are the methods the callee calls on the interface value
// parameter i holds.
func methodsCalled(sum *Summary, i int) []string {
	var out []string
	for _, ca := range sum.Calls {
		if ca.Func == i && ca.Method != "" && !slices.Contains(out, ca.Method) {
			out = append(out, ca.Method)
		}
	}
	return out
}

// concreteMethod is the method m of the concrete type of the value v
// converts to an interface (smtp.New() passed as a Sender), or nil.
func concreteMethod(v ssa.Value, m string) *types.Func {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return nil
	}
	obj, _, _ := types.LookupFieldOrMethod(mi.X.Type(), true, nil, m)
	f, _ := obj.(*types.Func)
	return f
}

// composeSinks reports the sinks of sum, the summary of the function (or
// method) the caller passes as argument a, reached with what the callee
// passes it; shift is 1 for a method, whose parameter 0 is the receiver.
func (ap *application) composeSinks(a arg, method string, sum *Summary, name string, shift int) {
	if sum == nil {
		return
	}
	for _, ps := range sum.Sinks {
		ref := SinkRef{Class: ps.Sink.Class, Dest: ps.Sink.Dest, Callee: ps.Sink.Callee, Via: append([]string{ap.name, name}, ps.Sink.Via...)}
		for _, ca := range ap.sum.Calls {
			if ca.Func != a.param || ca.Method != method || ca.Arg+shift != ps.Param {
				continue
			}
			if ca.Param < 0 {
				if w := ap.callArg(ca, ps.Path); len(w) > 0 {
					ap.e.rep.reach(ap.fn, ap.c.Pos(), a, with(w, ap.step("passed to "+ap.name)), ref)
				}
				continue
			}
			for _, p := range ap.part(ca.Param, ca.Path+ps.Path, true) {
				ap.e.rep.reach(ap.fn, ap.c.Pos(), p.arg, with(p.taint, ap.step("passed to "+ap.name)), ref)
			}
		}
	}
}
