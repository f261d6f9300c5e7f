package taint

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

func (e *engine) add(v ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	s = e.own(owner(v), s)
	cur := e.vals[v]
	if union(&cur, s) {
		e.vals[v] = cur
		e.sched.markDirty(owner(v))
	}
}

// own drops from s the parameter labels of functions other than fn: only
// fn's own parameters mean something in its values (they end up in its
// summary); another function's parameters, met through shared memory,
// would only make sets grow.
func (e *engine) own(fn *ssa.Function, s set) set {
	foreign := 0
	for id := range s {
		if l := e.labels.all[id]; l.src == nil && l.fn != fn {
			foreign++
		}
	}
	if foreign == 0 {
		return s
	}
	out := make(set, len(s)-foreign)
	for id, steps := range s {
		if l := e.labels.all[id]; l.src != nil || l.fn == fn {
			out[id] = steps
		}
	}
	return out
}

// explicit is the taint a value got from flows.
func (e *engine) explicit(v ssa.Value) set { return e.vals[v] }

// whole is everything a value may show when it is used as a whole: its own
// taint, what was stored in the memory it refers to, and the PII its type
// holds.
func (e *engine) whole(v ssa.Value) set {
	imp := e.types.set(v.Type())
	var loc *location
	if isRef(v.Type()) {
		c := e.heap.class(v)
		e.heap.read(c)
		loc = e.heap.locs[e.heap.find(c)]
	}
	if loc == nil && len(imp) == 0 {
		return e.vals[v] // shared: callers never modify the sets they get
	}
	var out set
	union(&out, e.vals[v])
	if loc != nil {
		union(&out, loc.whole.view(e.sched.cur))
		for _, k := range sortedKeys(loc.fields) {
			union(&out, loc.fields[k].view(e.sched.cur))
		}
	}
	union(&out, imp)
	return out
}

// set is of as a shared, read-only set.
func (ts *typeSources) set(t types.Type) set {
	if v := ts.sets.At(t); v != nil {
		return v.(set)
	}
	s := labelSet(ts.of(t))
	ts.sets.Set(t, s)
	return s
}

// flow is what v carries into a value of type to: its explicit taint and the
// PII its type holds that the new type does not show.
func (e *engine) flow(v ssa.Value, to types.Type) set {
	imp := e.types.of(v.Type())
	if len(imp) == 0 {
		return e.vals[v]
	}
	var out set
	union(&out, e.vals[v])
	union(&out, labelSet(minusIDs(imp, e.types.of(to))))
	return out
}
