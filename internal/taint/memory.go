package taint

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/taint/origin"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// A location is the memory of an alias class: what was stored in it as a
// whole and per field path, and which class reference values stored in it
// belong to.
type location struct {
	whole   mem
	fields  map[string]*mem
	pointee int
	attrs   origin.Attr // see package origin
	version int         // grows with every change, for fingerprints
}

// heap is the package's memory: alias classes of values (union-find),
// the location of each class, and which functions read which location,
// so that a change reschedules them.
type heap struct {
	labels  *labelTable
	sched   scheduler
	ids     map[ssa.Value]int
	parent  []int
	locs    map[int]*location
	readers map[int]map[*ssa.Function]bool
	fields  map[*types.Var]int // see fieldClass
	// fieldAttrs are the attributes of what is stored into struct
	// fields (origin.Memory.FieldAttrs).
	fieldAttrs map[*types.Var]origin.Attr
}

// scheduler is what the heap needs of the worklist: the function being
// analysed, and rescheduling functions.
type scheduler interface {
	current() *ssa.Function
	markDirty(fn *ssa.Function)
	each(fns map[*ssa.Function]bool, f func(*ssa.Function))
}

func newHeap(labels *labelTable, sched scheduler) *heap {
	return &heap{
		labels:  labels,
		sched:   sched,
		ids:     make(map[ssa.Value]int),
		locs:    make(map[int]*location),
		readers: make(map[int]map[*ssa.Function]bool),
	}
}

// mem is the taint stored in a location, with parameter labels kept per
// function: memory is shared across the package, but a function only
// reads its own parameters' labels (see own), so a read costs the labels
// that matter to the reader, not all of them.
type mem struct {
	concrete set
	sym      map[*ssa.Function]set
}

// add stores s and reports whether m grew.
func (m *mem) add(labels *labelTable, s set) bool {
	grew := false
	for id, steps := range s {
		l := labels.all[id]
		dst := &m.concrete
		if l.src == nil {
			if m.sym == nil {
				m.sym = make(map[*ssa.Function]set)
			}
			part := m.sym[l.fn]
			if part == nil {
				part = make(set)
				m.sym[l.fn] = part
			}
			dst = &part
		}
		if *dst == nil {
			*dst = make(set)
		}
		if _, ok := (*dst)[id]; !ok {
			(*dst)[id] = steps
			grew = true
		}
	}
	return grew
}

// view is what function fn reads of m; shared, not to be modified.
func (m *mem) view(fn *ssa.Function) set {
	own := m.sym[fn]
	if len(own) == 0 {
		return m.concrete
	}
	if len(m.concrete) == 0 {
		return own
	}
	var out set
	union(&out, m.concrete)
	union(&out, own)
	return out
}

// each calls f with every part of m.
func (m *mem) each(f func(set)) {
	if len(m.concrete) > 0 {
		f(m.concrete)
	}
	for _, part := range m.sym {
		f(part)
	}
}

func (h *heap) class(v ssa.Value) int {
	if id, ok := h.ids[v]; ok {
		return id
	}
	id := len(h.parent)
	h.parent = append(h.parent, id)
	h.ids[v] = id
	return id
}

// fieldClass is the alias class of what the field f holds in every value
// of its struct: the channels kept in struct fields.
func (h *heap) fieldClass(f *types.Var) int {
	if id, ok := h.fields[f]; ok {
		return id
	}
	if h.fields == nil {
		h.fields = make(map[*types.Var]int)
	}
	id := len(h.parent)
	h.parent = append(h.parent, id)
	h.fields[f] = id
	return id
}

func (h *heap) find(id int) int {
	for h.parent[id] != id {
		h.parent[id] = h.parent[h.parent[id]]
		id = h.parent[id]
	}
	return id
}

func (h *heap) loc(id int) *location {
	id = h.find(id)
	l := h.locs[id]
	if l == nil {
		l = &location{pointee: -1}
		h.locs[id] = l
	}
	return l
}

func (h *heap) unite(a, b int) {
	a, b = h.find(a), h.find(b)
	if a == b {
		return
	}
	h.parent[b] = a
	h.changed(a)
	h.sched.each(h.readers[b], func(fn *ssa.Function) {
		h.sched.markDirty(fn)
		if h.readers[a] == nil {
			h.readers[a] = make(map[*ssa.Function]bool)
		}
		h.readers[a][fn] = true
	})
	delete(h.readers, b)
	lb := h.locs[b]
	delete(h.locs, b)
	if lb == nil {
		return
	}
	la := h.loc(a)
	lb.whole.each(func(s set) { la.whole.add(h.labels, s) })
	for k, m := range lb.fields {
		if la.fields == nil {
			la.fields = make(map[string]*mem)
		}
		cur := la.fields[k]
		if cur == nil {
			cur = new(mem)
			la.fields[k] = cur
		}
		m.each(func(s set) { cur.add(h.labels, s) })
	}
	la.attrs |= lb.attrs
	la.version += lb.version + 1
	switch {
	case la.pointee < 0:
		la.pointee = lb.pointee
	case lb.pointee >= 0:
		h.unite(la.pointee, lb.pointee)
	}
}

func (h *heap) alias(a, b ssa.Value) {
	if isRef(a.Type()) && isRef(b.Type()) {
		h.unite(h.class(a), h.class(b))
	}
}

// address resolves an address to its alias class and field path.
func (h *heap) address(v ssa.Value) (int, string) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		c, p := h.address(v.X)
		return c, p + "." + ssax.FieldName(v.X.Type(), v.Field)
	case *ssa.IndexAddr:
		c, p := h.address(v.X)
		return c, p + "[]"
	}
	return h.class(v), ""
}

func (h *heap) store(addr ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	c, path := h.address(addr)
	h.storePath(c, path, s)
}

func (h *heap) storePath(c int, path string, s set) {
	if len(s) == 0 {
		return
	}
	l := h.loc(c)
	m := &l.whole
	if path != "" {
		if l.fields == nil {
			l.fields = make(map[string]*mem)
		}
		m = l.fields[path]
		if m == nil {
			m = new(mem)
			l.fields[path] = m
		}
	}
	if m.add(h.labels, s) {
		l.version++
		h.changed(c)
	}
}

// load reads what was stored at addr: stores to it, to what contains it,
// and to what it contains.
func (h *heap) load(addr ssa.Value) set { return h.loadPath(addr, "") }

// linkPointee records that memory class c holds references to class p.
func (h *heap) linkPointee(c, p int) {
	l := h.loc(c)
	if l.pointee < 0 {
		l.pointee = p
		h.changed(c)
	} else {
		h.unite(l.pointee, p)
	}
}

// samePointees makes the references held in dst's memory those held in
// src's: elements appended or copied from src to dst (rows appended to a
// [][]string) keep the memory they refer to.
func (h *heap) samePointees(dst, src ssa.Value) {
	if !isRef(src.Type()) {
		return
	}
	sc := h.class(src)
	h.read(sc)
	if l := h.locs[h.find(sc)]; l != nil && l.pointee >= 0 {
		h.linkPointee(h.class(dst), l.pointee)
	}
}

// maxDepth bounds how many references deep pointees looks.
const maxDepth = 3

// pointees is what the memory v refers to holds below its first level:
// the rows of a [][]string, the slice behind a *[]any. whole and load
// stop at the first level.
func (h *heap) pointees(v ssa.Value) set {
	var out set
	h.eachPointee(v, func(p *location) {
		union(&out, p.whole.view(h.sched.current()))
		for _, k := range sortedKeys(p.fields) {
			union(&out, p.fields[k].view(h.sched.current()))
		}
	})
	return out
}

// eachPointee calls f with the memory v's memory refers to, and so on,
// maxDepth references deep.
func (h *heap) eachPointee(v ssa.Value, f func(*location)) {
	if !isRef(v.Type()) {
		return
	}
	c := h.class(v)
	seen := make(map[int]bool)
	for range maxDepth {
		h.read(c)
		l := h.locs[h.find(c)]
		if l == nil || l.pointee < 0 || seen[h.find(l.pointee)] {
			return
		}
		c = l.pointee
		seen[h.find(c)] = true
		h.read(c)
		if p := h.locs[h.find(c)]; p != nil {
			f(p)
		}
	}
}

// A memPart is what a location holds at one field path ("" for what was
// stored as a whole).
type memPart struct {
	path  string
	taint set
}

// parts is what was stored in the memory v refers to, per field path, as
// the current function sees it; for an address inside a location
// (&x.F), the whole of load.
func (h *heap) parts(v ssa.Value) []memPart {
	c, path := h.address(v)
	if path != "" {
		return []memPart{{"", h.load(v)}}
	}
	h.read(c)
	l := h.locs[h.find(c)]
	if l == nil {
		return nil
	}
	cur := h.sched.current()
	out := []memPart{{"", l.whole.view(cur)}}
	for _, k := range sortedKeys(l.fields) {
		out = append(out, memPart{k, l.fields[k].view(cur)})
	}
	return out
}

// loadStored reads what was stored at the field path sub below addr or
// below it, but not what was stored around it: loadPath without the
// parts of stores to containing paths, for paths that cross an interface
// (what was stored as a whole interface value is not a field of its
// implementation).
func (h *heap) loadStored(addr ssa.Value, sub string) set { return h.loadAt(addr, sub, false) }

// loadPath reads what was stored at the field path sub below addr.
func (h *heap) loadPath(addr ssa.Value, sub string) set { return h.loadAt(addr, sub, true) }

// loadAt reads what was stored at the field path sub below addr, below
// it, and, with around, the part at the path of what was stored around
// it: a store to something containing the path stored the part at the
// path too, selected as a field read would.
func (h *heap) loadAt(addr ssa.Value, sub string, around bool) set {
	c, path := h.address(addr)
	path += sub
	h.read(c)
	l := h.locs[h.find(c)]
	if l == nil {
		return nil
	}
	cur := h.sched.current()
	var out set
	if around {
		union(&out, h.labels.extend(l.whole.view(cur), path))
	}
	for _, k := range sortedKeys(l.fields) {
		switch {
		case k == path:
			union(&out, l.fields[k].view(cur))
		case around && (strings.HasPrefix(path, k+".") || strings.HasPrefix(path, k+"[")):
			union(&out, h.labels.extend(l.fields[k].view(cur), path[len(k):]))
		case around && path == "" || strings.HasPrefix(k, path+".") || strings.HasPrefix(k, path+"["):
			union(&out, l.fields[k].view(cur))
		}
	}
	return out
}

func (h *heap) attrs(v ssa.Value) origin.Attr {
	h.read(h.class(v))
	if l := h.locs[h.find(h.class(v))]; l != nil {
		return l.attrs
	}
	return 0
}

// setAttr adds attributes to the memory of v's class and reports whether
// it grew.
func (h *heap) setAttr(v ssa.Value, a origin.Attr) bool {
	l := h.loc(h.class(v))
	if l.attrs&a == a {
		return false
	}
	l.attrs |= a
	l.version++
	h.changed(h.class(v))
	return true
}

// isRef reports whether values of t refer to memory that other values may
// share.
func isRef(t types.Type) bool {
	switch ssax.Under(t).(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface, *types.Signature:
		return true
	}
	return false
}

// isStruct reports whether t is a struct type: a value of it can hold
// its fields apart in a location of its own (see Stored).
func isStruct(t types.Type) bool {
	_, ok := ssax.Under(t).(*types.Struct)
	return ok
}

// carriesData reports whether a value of t can hold personal data when it
// is computed by code the engine does not see: numbers and booleans
// computed from PII (len(email), a comparison) are not PII.
func carriesData(t types.Type) bool {
	if t == nil {
		return false
	}
	if tup, ok := t.(*types.Tuple); ok {
		for v := range tup.Variables() {
			if carriesData(v.Type()) {
				return true
			}
		}
		return false
	}
	switch u := ssax.Under(t).(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		return carriesElems(u.Elem())
	case *types.Array:
		return carriesElems(u.Elem())
	case *types.Pointer:
		return carriesElems(u.Elem())
	case *types.Chan:
		return carriesElems(u.Elem())
	case *types.Map:
		return carriesElems(u.Key()) || carriesElems(u.Elem())
	}
	return true
}

// carriesElems reports whether elements of type t held by a container can
// hold personal data: bytes and runes spell strings, other numbers and
// booleans are computed ([]int64 of IDs).
func carriesElems(t types.Type) bool {
	if b, ok := ssax.Under(t).(*types.Basic); ok {
		switch b.Kind() {
		case types.Byte, types.Rune:
			return true
		}
	}
	return carriesData(t)
}

// address2class is the alias class of the memory an address points into.
func (h *heap) address2class(addr ssa.Value) int {
	c, _ := h.address(addr)
	return c
}

// read records that the current function read the memory of class c.
func (h *heap) read(c int) {
	cur := h.sched.current()
	if cur == nil {
		return
	}
	c = h.find(c)
	m := h.readers[c]
	if m == nil {
		m = make(map[*ssa.Function]bool)
		h.readers[c] = m
	}
	m[cur] = true
}

// changed schedules the readers of the memory of class c.
func (h *heap) changed(c int) {
	h.sched.each(h.readers[h.find(c)], h.sched.markDirty)
}
