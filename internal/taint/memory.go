package taint

import (
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"
)

type attr uint8

const (
	attrStdout   attr = 1 << iota // os.Stdout or os.Stderr, or a writer over one
	attrHMAC                      // a keyed hash: what is written to it does not come out
	attrNoVerify                  // a TLS configuration that skips certificate verification
	attrWeakTLS                   // a TLS configuration that allows versions below 1.2
)

// A location is the memory of an alias class: what was stored in it as a
// whole and per field path, and which class reference values stored in it
// belong to.
type location struct {
	whole   mem
	fields  map[string]*mem
	pointee int
	attrs   attr
	version int // grows with every change, for fingerprints
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
func (m *mem) add(e *engine, s set) bool {
	grew := false
	for id, steps := range s {
		l := e.labels.all[id]
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

func (e *engine) class(v ssa.Value) int {
	if id, ok := e.ids[v]; ok {
		return id
	}
	id := len(e.parent)
	e.parent = append(e.parent, id)
	e.ids[v] = id
	return id
}

func (e *engine) find(id int) int {
	for e.parent[id] != id {
		e.parent[id] = e.parent[e.parent[id]]
		id = e.parent[id]
	}
	return id
}

func (e *engine) loc(id int) *location {
	id = e.find(id)
	l := e.locs[id]
	if l == nil {
		l = &location{pointee: -1}
		e.locs[id] = l
	}
	return l
}

func (e *engine) unite(a, b int) {
	a, b = e.find(a), e.find(b)
	if a == b {
		return
	}
	e.parent[b] = a
	e.changedLoc(a)
	for fn := range e.locReaders[b] {
		e.markDirty(fn)
		if e.locReaders[a] == nil {
			e.locReaders[a] = make(map[*ssa.Function]bool)
		}
		e.locReaders[a][fn] = true
	}
	delete(e.locReaders, b)
	lb := e.locs[b]
	delete(e.locs, b)
	if lb == nil {
		return
	}
	la := e.loc(a)
	lb.whole.each(func(s set) { la.whole.add(e, s) })
	for k, m := range lb.fields {
		if la.fields == nil {
			la.fields = make(map[string]*mem)
		}
		cur := la.fields[k]
		if cur == nil {
			cur = new(mem)
			la.fields[k] = cur
		}
		m.each(func(s set) { cur.add(e, s) })
	}
	la.attrs |= lb.attrs
	la.version += lb.version + 1
	switch {
	case la.pointee < 0:
		la.pointee = lb.pointee
	case lb.pointee >= 0:
		e.unite(la.pointee, lb.pointee)
	}
}

func (e *engine) alias(a, b ssa.Value) {
	if isRef(a.Type()) && isRef(b.Type()) {
		e.unite(e.class(a), e.class(b))
	}
}

// address resolves an address to its alias class and field path.
func (e *engine) address(v ssa.Value) (int, string) {
	switch v := v.(type) {
	case *ssa.FieldAddr:
		c, p := e.address(v.X)
		return c, p + "." + fieldName(v.X.Type(), v.Field)
	case *ssa.IndexAddr:
		c, p := e.address(v.X)
		return c, p + "[]"
	}
	return e.class(v), ""
}

func fieldName(t types.Type, i int) string {
	if s := structOf(t); s != nil && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

func (e *engine) store(addr ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	c, path := e.address(addr)
	e.storePath(c, path, s)
}

func (e *engine) storePath(c int, path string, s set) {
	if len(s) == 0 {
		return
	}
	l := e.loc(c)
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
	if m.add(e, s) {
		l.version++
		e.changedLoc(c)
	}
}

// copyMem copies what was stored at src, field by field, to dst.
func (e *engine) copyMem(dst, src ssa.Value) {
	sc, sp := e.address(src)
	e.store(dst, minus(e.explicit(src), e.impliedOf(src.Type())))
	e.store(dst, e.fieldAddrSource(src))
	e.readLoc(sc)
	l := e.locs[e.find(sc)]
	if l == nil {
		return
	}
	if sp == "" {
		l.whole.each(func(s set) { e.store(dst, s) })
	} else {
		e.store(dst, e.loadPath(src, "")) // conservative for nested paths
		return
	}
	dc, dp := e.address(dst)
	for _, k := range sortedKeys(l.fields) {
		l.fields[k].each(func(s set) { e.storePath(dc, dp+k, s) })
	}
}

// load reads what was stored at addr: stores to it, to what contains it,
// and to what it contains.
func (e *engine) load(addr ssa.Value) set { return e.loadPath(addr, "") }

// linkPointee records that memory class c holds references to class p.
func (e *engine) linkPointee(c, p int) {
	l := e.loc(c)
	if l.pointee < 0 {
		l.pointee = p
		e.changedLoc(c)
	} else {
		e.unite(l.pointee, p)
	}
}

// samePointees makes the references held in dst's memory those held in
// src's: elements appended or copied from src to dst (rows appended to a
// [][]string) keep the memory they refer to.
func (e *engine) samePointees(dst, src ssa.Value) {
	if !isRef(src.Type()) {
		return
	}
	sc := e.class(src)
	e.readLoc(sc)
	if l := e.locs[e.find(sc)]; l != nil && l.pointee >= 0 {
		e.linkPointee(e.class(dst), l.pointee)
	}
}

// maxDepth bounds how many references deep pointees looks.
const maxDepth = 3

// pointees is what the memory v refers to holds below its first level:
// the rows of a [][]string, the slice behind a *[]any. whole and load
// stop at the first level.
func (e *engine) pointees(v ssa.Value) set {
	var out set
	e.eachPointee(v, func(p *location) {
		union(&out, p.whole.view(e.cur))
		for _, k := range sortedKeys(p.fields) {
			union(&out, p.fields[k].view(e.cur))
		}
	})
	return out
}

// eachPointee calls f with the memory v's memory refers to, and so on,
// maxDepth references deep.
func (e *engine) eachPointee(v ssa.Value, f func(*location)) {
	if !isRef(v.Type()) {
		return
	}
	c := e.class(v)
	seen := make(map[int]bool)
	for range maxDepth {
		e.readLoc(c)
		l := e.locs[e.find(c)]
		if l == nil || l.pointee < 0 || seen[e.find(l.pointee)] {
			return
		}
		c = l.pointee
		seen[e.find(c)] = true
		e.readLoc(c)
		if p := e.locs[e.find(c)]; p != nil {
			f(p)
		}
	}
}

// deep is whole(v) and what the memory it refers to refers to: what a
// sink that walks a value (a printer, an encoder) sees of it.
func (e *engine) deep(v ssa.Value) set {
	p := e.pointees(v)
	if len(p) == 0 {
		return e.whole(v)
	}
	var out set
	union(&out, e.whole(v))
	union(&out, p)
	return out
}

// loadPath reads what was stored at the field path sub below addr.
func (e *engine) loadPath(addr ssa.Value, sub string) set {
	c, path := e.address(addr)
	path += sub
	e.readLoc(c)
	l := e.locs[e.find(c)]
	if l == nil {
		return nil
	}
	// A store to something containing the path stored the part at the
	// path too: select it, as a field read would.
	var out set
	union(&out, e.labels.extend(l.whole.view(e.cur), path))
	for _, k := range sortedKeys(l.fields) {
		switch {
		case k == path:
			union(&out, l.fields[k].view(e.cur))
		case strings.HasPrefix(path, k+".") || strings.HasPrefix(path, k+"["):
			union(&out, e.labels.extend(l.fields[k].view(e.cur), path[len(k):]))
		case path == "" || strings.HasPrefix(k, path+".") || strings.HasPrefix(k, path+"["):
			union(&out, l.fields[k].view(e.cur))
		}
	}
	return out
}

func (e *engine) attrs(v ssa.Value) attr {
	e.readLoc(e.class(v))
	if l := e.locs[e.find(e.class(v))]; l != nil {
		return l.attrs
	}
	return 0
}

func (e *engine) setAttr(v ssa.Value, a attr) {
	l := e.loc(e.class(v))
	if l.attrs&a != a {
		l.attrs |= a
		l.version++
		e.changedLoc(e.class(v))
		if a&(attrNoVerify|attrWeakTLS) != 0 {
			// Origins judged from TLS configurations may have changed;
			// the functions that judged them read this location and run
			// again.
			clear(e.origins)
		}
	}
}

// isRef reports whether values of t refer to memory that other values may
// share.
func isRef(t types.Type) bool {
	switch under(t).(type) {
	case *types.Pointer, *types.Slice, *types.Map, *types.Chan, *types.Interface, *types.Signature:
		return true
	}
	return false
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
	if b, ok := under(t).(*types.Basic); ok {
		return b.Info()&types.IsString != 0
	}
	return true
}

// address2class is the alias class of the memory an address points into.
func (e *engine) address2class(addr ssa.Value) int {
	c, _ := e.address(addr)
	return c
}
