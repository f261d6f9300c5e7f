package taint

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// An arg is one argument of a call: its value, the callee parameter it
// binds (receiver first), and its index among the call's syntactic
// arguments (-1 for a receiver or when unknown). Variadic arguments are
// spread out.
type arg struct {
	val   ssa.Value
	param int
	ast   int
	elem  bool // an element of the variadic parameter
}

func (e *engine) args(c *ssa.CallCommon) []arg {
	var out []arg
	vals := c.Args
	recv := 0
	if c.IsInvoke() {
		out = append(out, arg{val: c.Value, param: 0, ast: -1})
		recv = 1
	} else if c.Signature().Recv() != nil {
		recv = 1
	}
	sig := c.Signature()
	for i, v := range vals {
		astIdx := i - recv
		if c.IsInvoke() {
			astIdx = i
		}
		param := i
		if c.IsInvoke() {
			param = i + 1
		}
		if sig.Variadic() && i == len(vals)-1 {
			if elems, ok := varargs(v); ok {
				for k, el := range elems {
					if k > 0 && e.redaction.redactsPair(c, elems[k-1]) {
						continue
					}
					out = append(out, arg{val: el, param: param, ast: astIdx + k, elem: true})
				}
				continue
			}
		}
		out = append(out, arg{val: v, param: param, ast: astIdx})
	}
	return out
}

// varargs returns the elements of a slice built for a variadic call.
func varargs(v ssa.Value) ([]ssa.Value, bool) {
	sl, ok := v.(*ssa.Slice)
	if !ok {
		if c, ok := v.(*ssa.Const); ok && c.IsNil() {
			return nil, true
		}
		return nil, false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok || alloc.Comment != "varargs" {
		return nil, false
	}
	arr, ok := ssax.Under(ssax.Pointee(alloc.Type())).(*types.Array)
	if !ok {
		return nil, false
	}
	n := int(arr.Len())
	elems := make([]ssa.Value, n)
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		idx, ok := ia.Index.(*ssa.Const)
		if !ok {
			return nil, false
		}
		i := int(idx.Int64())
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && i < n {
				elems[i] = st.Val
			}
		}
	}
	for _, el := range elems {
		if el == nil {
			return nil, false
		}
	}
	return elems, true
}

func funcName(obj *types.Func, fn *ssa.Function) string {
	if obj != nil {
		return shortName(obj)
	}
	if fn != nil {
		return fn.Name()
	}
	return "function value"
}

// shortName is how messages name a function: "log.Printf",
// "(*log.Logger).Printf", "logx.Info".
func shortName(fn *types.Func) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return pkg + fn.Name()
	}
	return methodName(recv.Type(), pkg, fn.Name())
}

// methodName names method m of receiver type recv, whose package is pkg
// ("log." or ""): "(*log.Logger).Printf".
func methodName(recv types.Type, pkg, m string) string {
	t, star := recv, ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = n.Obj().Name()
	}
	return "(" + star + pkg + name + ")." + m
}

// sinkName is how messages name the sink method or function a call
// reaches: its shortName, except for a method of an unexported type
// promoted to an exported one that embeds it, named by the exported type
// the call selects it on: t.Logf is (*testing.T).Logf, b.Log
// (*testing.B).Log, not (*testing.common).Logf.
func (k *callSite) sinkName() string {
	name := shortName(k.obj)
	recv := k.obj.Signature().Recv()
	if recv == nil || k.c.IsInvoke() {
		return name
	}
	if n, ok := types.Unalias(deref(recv.Type())).(*types.Named); !ok || n.Obj().Exported() {
		return name
	}
	// The receiver of a promoted method is the address of the embedded
	// field (&t.common), an argument of the call or bound in a method
	// value (logf := t.Logf); go out while the type is unexported.
	var v ssa.Value
	switch mc, _ := k.c.Value.(*ssa.MakeClosure); {
	case hasRecv(k.args):
		v = k.args[0].val
	case mc != nil && len(mc.Bindings) == 1:
		v = mc.Bindings[0]
	default:
		return name
	}
	for {
		fa, ok := v.(*ssa.FieldAddr)
		if !ok {
			return name
		}
		st := ssax.StructOf(fa.X.Type())
		if st == nil || fa.Field >= st.NumFields() || !st.Field(fa.Field).Embedded() {
			return name
		}
		v = fa.X
		n, ok := types.Unalias(deref(v.Type())).(*types.Named)
		if !ok {
			return name
		}
		if n.Obj().Exported() {
			pkg := ""
			if n.Obj().Pkg() != nil {
				pkg = n.Obj().Pkg().Name() + "."
			}
			return methodName(v.Type(), pkg, k.obj.Name())
		}
	}
}

// A callSite is a call being transferred.
type callSite struct {
	e      *engine
	fn     *ssa.Function   // the caller
	c      *ssa.CallCommon // the call
	call   *ssa.Call       // its value; nil for go and defer
	obj    *types.Func     // the static callee or the interface method; nil for a function value
	callee *ssa.Function   // the static callee, when it has SSA
	args   []arg
}

// call transfers a call: builtins apart, the call rules below are tried
// in this order, and the first that applies handles the call; a call none
// applies to follows the default rule (ruleDefault, defaultrule.go).
func (e *engine) call(fn *ssa.Function, c *ssa.CallCommon, call *ssa.Call) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		e.builtin(fn, b, c, call)
		return
	}
	obj, callee := ssax.CalleeObj(c)
	k := callSite{e: e, fn: fn, c: c, call: call, obj: obj, callee: callee, args: e.args(c)}
	k.recordInterfaceCall()
	// Direct calls, not a table of function values: k stays on the stack.
	switch {
	case k.ruleSanitizer(),
		k.ruleRedactedAttr(),
		k.ruleKeyedHash(),
		k.ruleGRPCStub(),
		k.ruleSink(),
		k.ruleImplementations(),
		k.ruleImportedImplementations(),
		k.ruleLocalSummary(),
		k.ruleModel(),
		k.ruleImportedSummary(),
		k.ruleFuncValue(),
		k.ruleParamCall():
		return
	}
	k.ruleDefault()
}

// ruleSanitizer: a sanitizer's result carries nothing. (What it takes
// is recorded when Input.Sanitized asks for it.)
func (k *callSite) ruleSanitizer() bool {
	e := k.e
	if k.obj == nil || !e.Oracle.Sanitizer(k.obj) {
		return false
	}
	if e.Input.Sanitized {
		for _, a := range k.args {
			e.rep.sanitized(k.c.Pos(), shortName(k.obj), e.vs.deep(a.val))
		}
	}
	return true
}

// ruleKeyedHash: a keyed hash (hmac.New) is marked; writes to it and its
// sums carry nothing.
func (k *callSite) ruleKeyedHash() bool {
	e := k.e
	if k.obj != nil && k.obj.Pkg() != nil && k.call != nil && keyedHashes[[2]string{k.obj.Pkg().Path(), k.obj.Name()}] {
		e.rep.setAttr(k.call, origin.AttrHMAC)
		return true
	}
	return k.c.IsInvoke() && e.heap.attrs(k.c.Value)&origin.AttrHMAC != 0
}

// ruleGRPCStub: a method of a client built on a gRPC connection sends its
// arguments over it.
func (k *callSite) ruleGRPCStub() bool {
	e := k.e
	if k.obj == nil || !hasRecv(k.args) || k.obj.Signature().Recv() == nil {
		return false
	}
	o := e.ch.GRPCStub(k.args[0].val)
	if o == origin.None {
		return false
	}
	class, dest := o.Dest()
	e.rep.sink(k.fn, k.c.Pos(), k.args[1:], sinks.Sink{Class: class, Dest: dest, Data: sinks.Arg(0)}, shortName(k.obj), nil)
	e.results(k.call, k.args[1:])
	return true
}

// ruleSink: a row of the sink table (or a configured or declared sink),
// when its writer or channel makes the call one.
func (k *callSite) ruleSink() bool {
	e := k.e
	if k.obj == nil {
		return false
	}
	s, ok := e.Oracle.Sink(k.obj)
	if !ok || !e.rep.decide(&s, k.args) {
		return false
	}
	e.rep.sink(k.fn, k.c.Pos(), k.args, s, k.sinkName(), nil)
	// What a sink returns (a logger With attributes) carries its data,
	// but a sink does not write into its arguments.
	data := dataArgs(k.args, s.Data, s.Format)
	e.results(k.call, data)
	k.errorInputs(k.args)
	return true
}

// ruleImplementations: an interface method call whose implementations
// are in the package applies each one's summary: the union of their
// flows, effects, writes and sources at once (see implUnion), and each
// one's sinks with its own parameter types, which decide what the callee
// reports itself.
func (k *callSite) ruleImplementations() bool {
	e := k.e
	if !k.c.IsInvoke() {
		return false
	}
	impls, key := e.implementations(k.c.Value.Type(), k.c.Method.Name(), e.inTestFile(k.fn))
	if len(impls) == 0 {
		return false
	}
	u := e.implUnion(key, impls, k.c.Signature().Results().Len())
	name := shortName(k.obj)
	k.apply(u.union, name, nil, false)
	for _, s := range u.sinks {
		k.apply(s.sum, name, s.params, true)
	}
	return true
}

// implSummary is the summary of an interface method call whose
// implementations are in the package, split for ruleImplementations:
// union is the union of the implementations' summaries, and sinks the
// sinks and calls of each implementation that has some, with its
// parameter types.
type implSummary struct {
	fp    int // the implementations' summary versions it was made from
	union *Summary
	sinks []implSinks
}

type implSinks struct {
	sum    *Summary
	params []types.Type
}

// implUnion is the implSummary of the implementations impls of an
// interface method, the same pointers as long as their summaries have not
// changed, so that applying it again to the same inputs is skipped. A
// call site with a hundred implementations (pgx's codecs) applies one
// summary instead of a hundred.
func (e *engine) implUnion(key implKey, impls []*ssa.Function, nresults int) *implSummary {
	fp := 0
	for _, f := range impls {
		fp += e.sched.readVersion(f)
	}
	if u, ok := e.implSums[key]; ok && u.fp == fp {
		return u
	}
	u := &implSummary{fp: fp, union: e.valueSummary(calleeTargets(impls), nresults)}
	dedup(u.union)
	for _, f := range impls {
		if sum := e.summaries[f]; sum != nil && (len(sum.Sinks) > 0 || len(sum.Calls) > 0) {
			u.sinks = append(u.sinks, implSinks{&Summary{Sinks: sum.Sinks, Calls: sum.Calls}, paramTypes(nil, f)})
		}
	}
	e.implSums[key] = u
	return u
}

// ruleImportedImplementations: a method call on an interface that another
// package declares together with implementations (oauth2.Provider and its
// google and oidc providers) applies the union of their summaries, which
// that package exports on the interface's method (see ifaceSummaries):
// provider.UserProfileID(user) gives what the providers return, not every
// field of the user.
func (k *callSite) ruleImportedImplementations() bool {
	if !k.c.IsInvoke() || k.obj == nil {
		return false
	}
	sum := k.e.Oracle.Summary(k.obj)
	if sum == nil {
		return false
	}
	k.applySummary(k.e.serviceSummary(k.obj, k.c.Value.Type(), sum), shortName(k.obj), paramTypes(k.obj, nil))
	return true
}

// serviceSummary is sum, the union of the summaries of the
// implementations of interface method m, without the flows from the
// receiver into results, as serviceReceiver does for unknown
// implementations: what a store or a provider holds does not come out of
// every method (the sources its methods read from their receiver's marked
// fields still do), unless the method returns the interface's own type.
func (e *engine) serviceSummary(m *types.Func, iface types.Type, sum *Summary) *Summary {
	if out, ok := e.services[sum]; ok {
		return out
	}
	out := e.dropReceiverFlows(m, iface, sum)
	e.services[sum] = out
	return out
}

func (e *engine) dropReceiverFlows(m *types.Func, iface types.Type, sum *Summary) *Summary {
	res := m.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		if types.Identical(res.At(i).Type(), iface) {
			return sum
		}
	}
	var flows []Flow
	for _, f := range sum.Flows {
		if f.Param != 0 {
			flows = append(flows, f)
		}
	}
	if len(flows) == len(sum.Flows) {
		return sum
	}
	cp := *sum
	cp.Flows = flows
	return &cp
}

// ifaceSummaries are, for the methods of the interfaces the package
// declares, the union of the summaries of the package's implementations
// (test doubles left out), for importers that call the interface.
func (e *engine) ifaceSummaries() map[*types.Func]*Summary {
	out := make(map[*types.Func]*Summary)
	if len(e.Funcs) == 0 || e.Funcs[0].Pkg == nil {
		return out
	}
	scope := e.Funcs[0].Pkg.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for m := range iface.Methods() {
			if m.Pkg() != scope.Lookup(name).Pkg() {
				continue // a method of an embedded interface of another package
			}
			impls, _ := e.implementations(tn.Type(), m.Name(), false)
			if len(impls) == 0 {
				continue
			}
			if s := e.valueSummary(calleeTargets(impls), m.Signature().Results().Len()); !s.Empty() {
				dedup(s)
				normalize(s)
				out[m] = s
			}
		}
	}
	return out
}

// ruleLocalSummary: a function of the package applies its summary (and
// reschedules the caller when the summary grows).
func (k *callSite) ruleLocalSummary() bool {
	e := k.e
	if k.callee == nil || !e.local[k.callee] {
		return false
	}
	e.sched.readSummary(k.callee)
	k.applySummary(e.summaries[k.callee], funcName(k.obj, k.callee), paramTypes(k.obj, k.callee))
	return true
}

// ruleImportedSummary: a function of another package applies the summary
// its facts carry; of another module, only the sinks that are its role
// (see foreign.go).
func (k *callSite) ruleImportedSummary() bool {
	e := k.e
	if k.obj == nil || k.callee == nil && k.c.IsInvoke() {
		return false
	}
	sum := e.Oracle.Summary(k.obj)
	if sum == nil {
		return false
	}
	if k.obj.Pkg() != nil && !e.sameModule(k.obj.Pkg().Path()) {
		sum = e.foreignSummary(k.obj, sum)
	}
	k.applySummary(sum, shortName(k.obj), paramTypes(k.obj, nil))
	return true
}

// ruleModel: a library function whose flow is modelled (models.go).
func (k *callSite) ruleModel() bool {
	return k.obj != nil && k.model()
}

// builtin transfers a call of a builtin function: a sink row (print,
// println: sinks.Builtin) reports what reaches it, the others move data
// between their arguments and their result.
func (e *engine) builtin(fn *ssa.Function, b *ssa.Builtin, c *ssa.CallCommon, call *ssa.Call) {
	if s, ok := sinks.Builtin(b.Name()); ok {
		e.rep.sink(fn, c.Pos(), e.args(c), s, b.Name(), nil)
		return
	}
	switch b.Name() {
	case "append", "min", "max", "complex", "real", "imag", "ssa:wrapnilchk":
		for _, a := range c.Args {
			if call != nil {
				e.vs.add(call, e.vs.flow(a, call.Type()))
				if isRef(a.Type()) {
					e.vs.add(call, e.heap.load(a))
				}
			}
		}
		if call != nil && b.Name() == "append" && len(c.Args) > 0 {
			e.heap.alias(call, c.Args[0])
			if len(c.Args) == 2 {
				e.heap.samePointees(call, c.Args[1])
			}
		}
	case "copy":
		if len(c.Args) == 2 {
			e.heap.samePointees(c.Args[0], c.Args[1])
			var s set
			union(&s, e.vs.explicit(c.Args[1]))
			union(&s, e.heap.load(c.Args[1]))
			e.heap.store(c.Args[0], s)
		}
	}
}

// implementations returns the methods of this package an interface call
// may dispatch to, when the interface is declared in this package and
// every implementation of it here is known: a package-local interface is
// judged by what its implementations do, not by the default rule. Test
// doubles (implementations in _test.go files) stand for the interface
// only in calls from test files: a mock that records everything it is
// given says nothing of what the real store does. The key names the
// interface method for caches of the implementations' union.
func (e *engine) implementations(of types.Type, method string, fromTest bool) ([]*ssa.Function, implKey) {
	named, ok := types.Unalias(of).(*types.Named)
	if !ok || len(e.Funcs) == 0 || e.Funcs[0].Pkg == nil || named.Obj().Pkg() != e.Funcs[0].Pkg.Pkg {
		return nil, implKey{}
	}
	key := implKey{named.Obj(), method, fromTest}
	if impls, ok := e.impls[key]; ok {
		return impls, key
	}
	iface, _ := named.Underlying().(*types.Interface)
	var impls []*ssa.Function
	for _, f := range e.Funcs {
		recv := f.Signature.Recv()
		if iface == nil || recv == nil || f.Parent() != nil || f.Name() != method || !fromTest && e.inTestFile(f) {
			continue
		}
		if types.Implements(recv.Type(), iface) {
			impls = append(impls, f)
		}
	}
	e.impls[key] = impls
	return impls, key
}

type implKey struct {
	iface    *types.TypeName
	method   string
	fromTest bool
}

// inTestFile reports whether fn is declared in a _test.go file.
func (e *engine) inTestFile(fn *ssa.Function) bool {
	for fn.Parent() != nil {
		fn = fn.Parent()
	}
	if v, ok := e.testFuncs[fn]; ok {
		return v
	}
	v := fn.Pos().IsValid() && strings.HasSuffix(e.Fset.Position(fn.Pos()).Filename, "_test.go")
	e.testFuncs[fn] = v
	return v
}
