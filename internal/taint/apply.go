package taint

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

func (e *engine) applySummary(fn *ssa.Function, c *ssa.CallCommon, call *ssa.Call, args []arg, sum *Summary, name string, params []types.Type) {
	if sum == nil {
		return
	}
	// Applying a summary again to the same inputs adds nothing: skip it
	// when neither the summary nor what the arguments carry has grown.
	fp := len(sum.Flows) + len(sum.Sinks) + len(sum.Effects) + len(sum.Writes)
	for _, r := range sum.Results {
		fp += len(r)
	}
	for _, a := range args {
		fp += e.fingerprint(a.val, 2)
	}
	k := appliedKey{c, sum}
	if last, ok := e.applied[k]; ok && last == fp {
		return
	}
	e.applied[k] = fp
	var results []types.Type
	if call != nil {
		if tup, ok := call.Type().(*types.Tuple); ok {
			for v := range tup.Variables() {
				results = append(results, v.Type())
			}
		} else {
			results = []types.Type{call.Type()}
		}
	}
	// part is the taint of the part path of the arguments bound to
	// parameter i, without what the type callee sees already implies: the
	// callee reports that itself.
	type partKey struct {
		i           int
		path        string
		dropImplied bool
	}
	cache := make(map[partKey][]argPart)
	part := func(i int, path string, dropImplied bool) []argPart {
		k := partKey{i, path, dropImplied}
		if v, ok := cache[k]; ok {
			return v
		}
		var out []argPart
		defer func() { cache[k] = out }()
		for _, a := range args {
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
			w := e.resolve(a.val, p)
			if dropImplied && i < len(params) {
				w = minus(w, e.typeSources(params[i], path))
			}
			if len(w) > 0 {
				out = append(out, argPart{a, w})
			}
		}
		return out
	}
	for _, f := range sum.Flows {
		if f.Result >= len(results) {
			continue
		}
		for _, ap := range part(f.Param, f.Path, false) {
			w := minus(ap.taint, e.types.of(results[f.Result]))
			e.setResult(call, f.Result, with(w, Step{Pos: c.Pos(), Message: "flows through " + name}))
		}
	}
	for _, ef := range sum.Effects {
		for _, ap := range part(ef.Param, ef.Path, false) {
			for _, a := range args {
				if a.param != ef.Into {
					continue
				}
				target := a.val.Type()
				if mi, ok := a.val.(*ssa.MakeInterface); ok {
					target = mi.X.Type()
				}
				w := with(ap.taint, Step{Pos: c.Pos(), Message: "written by " + name})
				e.heap.store(a.val, minus(w, e.types.of(target)))
				e.writeOut(fn, c.Pos(), a.val, ap.arg, w, name)
			}
		}
	}
	for _, w := range sum.Writes {
		src := w.Source
		s := set{e.labels.source(&src): {{Pos: c.Pos(), Message: name + " writes " + src.Name + " (" + src.Kind + ")"}}}
		for _, a := range args {
			if a.param == w.Into {
				e.writeInto(fn, c.Pos(), a.val, a, s, name)
			}
		}
	}
	for _, ps := range sum.Sinks {
		ref := SinkRef{Class: ps.Sink.Class, Dest: ps.Sink.Dest, Callee: ps.Sink.Callee, Via: append([]string{name}, ps.Sink.Via...)}
		for _, ap := range part(ps.Param, ps.Path, true) {
			e.reach(fn, c.Pos(), ap.arg, with(ap.taint, Step{Pos: c.Pos(), Message: "passed to " + name}), ref)
		}
	}
	for j, srcs := range sum.Results {
		if j >= len(results) {
			break
		}
		var s set
		for i := range srcs {
			src := srcs[i]
			union(&s, set{e.labels.source(&src): {{Pos: c.Pos(), Message: name + " returns " + src.Name + " (" + src.Kind + ")"}}})
		}
		// Sources the result's type holds anyway stay implied by the type,
		// so that reading a non-PII field of the result is clean.
		e.setResult(call, j, minus(s, e.types.of(results[j])))
	}
}

type appliedKey struct {
	c   *ssa.CallCommon
	sum *Summary
}

// fingerprint is a number that grows whenever what resolve can read of v
// grows: v's taint, its memory, and for loads and conversions to
// interfaces, those of their operand.
func (e *engine) fingerprint(v ssa.Value, depth int) int {
	n := len(e.vals[v])
	if isRef(v.Type()) {
		// Versions only grow, also when classes merge: the merged class's
		// version exceeds both.
		c := e.heap.find(e.heap.class(v))
		if l := e.heap.locs[c]; l != nil {
			n += l.version
		}
	}
	if depth > 0 {
		switch v := v.(type) {
		case *ssa.UnOp:
			if v.Op == token.MUL {
				c, _ := e.heap.address(v.X)
				n += e.fingerprint(v.X, depth-1)
				if l := e.heap.locs[e.heap.find(c)]; l != nil {
					n += l.version
				}
			}
		case *ssa.MakeInterface:
			n += e.fingerprint(v.X, depth-1)
		}
	}
	return n
}

type argPart struct {
	arg   arg
	taint set
}

// resolve is the taint of part path of v (see Summary).
func (e *engine) resolve(v ssa.Value, path string) set {
	if fa := e.fieldAddrSource(v); len(fa) > 0 {
		// A callee that reads through &c.Email reads the field.
		var out set
		union(&out, fa)
		union(&out, e.resolve1(v, path))
		return out
	}
	return e.resolve1(v, path)
}

func (e *engine) resolve1(v ssa.Value, path string) set {
	if path == "" {
		return e.whole(v)
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return e.resolve(mi.X, path)
	}
	var out set
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		// A value loaded from memory: read the part from memory.
		union(&out, e.labels.extend(minus(e.explicit(ld.X), e.types.of(ld.X.Type())), path))
		union(&out, e.heap.loadPath(ld.X, path))
	} else {
		union(&out, e.labels.extend(minus(e.explicit(v), e.types.of(v.Type())), path))
	}
	if isRef(v.Type()) {
		union(&out, e.heap.loadPath(v, path))
	}
	// The sources of the fields the path goes through, and what the type
	// at its end holds.
	union(&out, labelSet(e.typeSources(v.Type(), path)))
	return out
}

// typeSources are the sources a function sees in part path of a
// parameter of type t by its type alone: the PII fields the path reads and
// what the type at its end holds. The function reports those itself.
func (e *engine) typeSources(t types.Type, path string) []labelID {
	var ids []labelID
	for _, seg := range splitPath(path) {
		t = deref(t)
		if seg == "[]" {
			t = elemType(t)
		} else if st, ok := under(t).(*types.Struct); ok {
			var next types.Type
			for i := 0; i < st.NumFields(); i++ {
				if f := st.Field(i); f.Name() == seg {
					if src, _ := e.Oracle.Field(f.Origin()); src != nil {
						ids = append(ids, e.labels.source(src))
					}
					next = f.Type()
				}
			}
			t = next
		} else {
			t = nil
		}
		if t == nil {
			return ids
		}
	}
	return append(ids, e.types.of(t)...)
}

// splitPath splits ".Items[].Name" into "Items", "[]", "Name".
func splitPath(path string) []string {
	var segs []string
	for path != "" {
		switch {
		case strings.HasPrefix(path, "[]"):
			segs = append(segs, "[]")
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
	if p := pointee(t); p != nil {
		return p
	}
	return t
}

func elemType(t types.Type) types.Type {
	switch u := under(t).(type) {
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
