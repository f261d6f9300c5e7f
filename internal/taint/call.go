package taint

import (
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
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
	arr, ok := under(pointee(alloc.Type())).(*types.Array)
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

// calleeObj returns the function a call statically reaches (the generic
// origin for instantiations) and its SSA function when known.
func calleeObj(c *ssa.CallCommon) (*types.Func, *ssa.Function) {
	if c.IsInvoke() {
		return c.Method, nil
	}
	fn := c.StaticCallee()
	if fn == nil {
		return nil, nil
	}
	if o := fn.Origin(); o != nil {
		fn = o
	}
	obj, _ := fn.Object().(*types.Func)
	return obj, fn
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
	t, star := recv.Type(), ""
	if p, ok := t.(*types.Pointer); ok {
		t, star = p.Elem(), "*"
	}
	name := types.TypeString(t, func(*types.Package) string { return "" })
	if n, ok := types.Unalias(t).(*types.Named); ok {
		name = n.Obj().Name()
	}
	return "(" + star + pkg + name + ")." + fn.Name()
}

func (e *engine) call(fn *ssa.Function, c *ssa.CallCommon, call *ssa.Call) {
	if b, ok := c.Value.(*ssa.Builtin); ok {
		e.builtin(b, c, call)
		return
	}
	obj, callee := calleeObj(c)
	args := e.args(c)

	if obj != nil && e.Oracle.Sanitizer(obj) {
		return
	}
	if obj != nil && obj.Pkg() != nil && call != nil && keyedHashes[[2]string{obj.Pkg().Path(), obj.Name()}] {
		e.setAttr(call, attrHMAC)
		return
	}
	if c.IsInvoke() && e.heap.attrs(c.Value)&attrHMAC != 0 {
		return // writes to and sums of a keyed hash
	}
	if obj != nil && hasRecv(args) && obj.Signature().Recv() != nil {
		if o := e.grpcStub(args[0].val); o != originNone {
			class, dest := o.dest()
			e.sink(fn, c.Pos(), args[1:], sinks.Sink{Class: class, Dest: dest, Format: -1, Writer: -1}, shortName(obj), nil)
			e.results(call, args[1:])
			return
		}
	}
	if obj != nil {
		if s, ok := e.Oracle.Sink(obj); ok && e.decide(&s, args) {
			e.sink(fn, c.Pos(), args, s, shortName(obj), nil)
			// What a sink returns (a logger With attributes) carries its
			// data, but a sink does not write into its arguments.
			e.results(call, dataArgs(args, s.Data, s.Format))
			return
		}
	}
	if c.IsInvoke() {
		if impls := e.implementations(c); len(impls) > 0 {
			for _, f := range impls {
				e.readSummary(f)
				e.applySummary(fn, c, call, args, e.summaries[f], shortName(obj), paramTypes(nil, f))
			}
			return
		}
	}
	if callee != nil && e.local[callee] {
		e.readSummary(callee)
		e.applySummary(fn, c, call, args, e.summaries[callee], funcName(obj, callee), paramTypes(obj, callee))
		return
	}
	if obj != nil && (callee != nil || !c.IsInvoke()) {
		if sum := e.Oracle.Summary(obj); sum != nil {
			e.applySummary(fn, c, call, args, sum, shortName(obj), paramTypes(obj, nil))
			return
		}
	}
	if obj != nil && e.model(fn, c, obj, args, call) {
		return
	}
	e.unknown(fn, c, call, args, obj)
}

func (e *engine) builtin(b *ssa.Builtin, c *ssa.CallCommon, call *ssa.Call) {
	switch b.Name() {
	case "append", "min", "max", "complex", "real", "imag", "ssa:wrapnilchk":
		for _, a := range c.Args {
			if call != nil {
				e.add(call, e.flow(a, call.Type()))
				if isRef(a.Type()) {
					e.add(call, e.heap.load(a))
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
			union(&s, e.explicit(c.Args[1]))
			union(&s, e.heap.load(c.Args[1]))
			e.heap.store(c.Args[0], s)
		}
	}
}

// implementations returns the methods of this package an interface call
// may dispatch to, when the interface is declared in this package and
// every implementation of it here is known: a package-local interface is
// judged by what its implementations do, not by the default rule.
func (e *engine) implementations(c *ssa.CallCommon) []*ssa.Function {
	named, ok := types.Unalias(c.Value.Type()).(*types.Named)
	if !ok || len(e.Funcs) == 0 || e.Funcs[0].Pkg == nil || named.Obj().Pkg() != e.Funcs[0].Pkg.Pkg {
		return nil
	}
	key := implKey{named.Obj(), c.Method.Name()}
	if impls, ok := e.impls[key]; ok {
		return impls
	}
	iface, _ := named.Underlying().(*types.Interface)
	var impls []*ssa.Function
	for _, f := range e.Funcs {
		recv := f.Signature.Recv()
		if iface == nil || recv == nil || f.Parent() != nil || f.Name() != c.Method.Name() {
			continue
		}
		if types.Implements(recv.Type(), iface) {
			impls = append(impls, f)
		}
	}
	e.impls[key] = impls
	return impls
}

type implKey struct {
	iface  *types.TypeName
	method string
}
