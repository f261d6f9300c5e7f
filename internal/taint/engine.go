package taint

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/piilint/piilint/internal/sinks"
)

// Input is one package for the engine.
type Input struct {
	Fset   *token.FileSet
	Files  []*ast.File
	Funcs  []*ssa.Function // the package's source functions, literals included
	Oracle Oracle
}

// Result is what the engine found in a package.
type Result struct {
	Findings []*Finding // sorted by position, then source
	// Summaries of the package's functions and methods that say something.
	Summaries map[*types.Func]*Summary
}

// maxIterations bounds the local fixpoint of one function; every set only
// grows, so the bound is reached only on pathological inputs, and then
// results are merely incomplete.
const maxIterations = 40

// workBudget bounds the instructions visited for a package, so that no
// input makes the engine run away: a generous multiple of the package size.
func workBudget(funcs []*ssa.Function) int {
	n := 0
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			n += len(b.Instrs)
		}
	}
	return 60*n + 100_000
}

// callOrder lists funcs callees first, so that most summaries are complete
// before their callers are analysed.
func callOrder(funcs []*ssa.Function, local map[*ssa.Function]bool) []*ssa.Function {
	seen := make(map[*ssa.Function]bool)
	var order []*ssa.Function
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						if o := callee.Origin(); o != nil {
							callee = o
						}
						if local[callee] {
							visit(callee)
						}
					}
				}
			}
		}
		order = append(order, fn)
	}
	for _, fn := range funcs {
		visit(fn)
	}
	return order
}

func (e *engine) markDirty(fn *ssa.Function) {
	switch {
	case fn == nil || !e.local[fn]:
	case fn == e.cur:
		e.curChanged = true
	case !e.dirty[fn]:
		e.dirty[fn] = true
		e.queue = append(e.queue, fn)
	}
}

// owner is the function whose analysis reads value v.
func owner(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case ssa.Instruction:
		return v.Parent()
	case *ssa.Parameter:
		return v.Parent()
	case *ssa.FreeVar:
		return v.Parent()
	}
	return nil
}

// readLoc records that the current function read the memory of class c.
func (e *engine) readLoc(c int) {
	if e.cur == nil {
		return
	}
	c = e.find(c)
	m := e.locReaders[c]
	if m == nil {
		m = make(map[*ssa.Function]bool)
		e.locReaders[c] = m
	}
	m[e.cur] = true
}

// changedLoc schedules the readers of the memory of class c.
func (e *engine) changedLoc(c int) {
	for fn := range e.locReaders[e.find(c)] {
		e.markDirty(fn)
	}
}

func (e *engine) readSummary(fn *ssa.Function) {
	if e.cur == nil {
		return
	}
	m := e.sumReaders[fn]
	if m == nil {
		m = make(map[*ssa.Function]bool)
		e.sumReaders[fn] = m
	}
	m[e.cur] = true
}

func (e *engine) changedSummary(fn *ssa.Function) {
	for r := range e.sumReaders[fn] {
		e.markDirty(r)
	}
}

// maxSteps bounds the flow kept for a label.
const maxSteps = 8

type labelID int32

// A label is a concrete source or a symbolic parameter of a function being
// summarised.
type label struct {
	src   *Source
	fn    *ssa.Function
	param int
	path  string // part of the parameter, see Summary
}

// maxPath bounds the parts of a parameter a summary distinguishes; deeper
// accesses are summarised as their prefix.
const maxPath = 3

// maxPaths bounds the parts of one parameter a summary distinguishes; past
// it, new parts are summarised as the whole parameter. Big structs
// (parsers, emitters) would otherwise make summaries quadratic.
const maxPaths = 16

// set maps labels to the steps that brought them to a value.
type set map[labelID][]Step

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
		l := e.labels[id]
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

type paramKey struct {
	fn   *ssa.Function
	i    int
	path string
}

type resultKey struct {
	fn  *ssa.Function
	j   int
	key string
}

type effectKey struct {
	fn *ssa.Function
	ef Effect
}

type flowKey struct {
	fn *ssa.Function
	f  Flow
}

type sinkSeenKey struct {
	fn    *ssa.Function
	param int
	path  string
	class sinks.Class
}

type findingKey struct {
	call token.Pos
	src  string
	cls  sinks.Class
}

type engine struct {
	Input
	calls map[token.Pos]*ast.CallExpr

	labels   []label
	srcIDs   map[string]labelID
	paramIDs map[paramKey]labelID
	paths    map[paramKey]int // parts per parameter (path "")
	// seen deduplicates summary entries: Flow, ParamSink keys, and
	// result sources, per function.
	seen map[any]bool

	vals   map[ssa.Value]set
	tuples map[ssa.Value][]set

	ids    map[ssa.Value]int
	parent []int
	locs   map[int]*location

	implied     typeutil.Map             // types.Type -> []labelID
	impliedSets typeutil.Map             // types.Type -> set, shared and read-only
	msets       typeutil.Map             // types.Type -> *types.MethodSet
	streams     typeutil.Map             // types.Type -> bool: an io.Writer or io.Reader
	origins     map[ssa.Value]origin     // see originOf
	responders  map[*ssa.Function]origin // methods of gRPC services served without TLS

	local map[*ssa.Function]bool

	// Scheduling: a function is re-analysed when something it read
	// changed: a value it owns, memory it loaded, a summary it applied.
	cur        *ssa.Function
	curChanged bool
	dirty      map[*ssa.Function]bool
	queue      []*ssa.Function
	locReaders map[int]map[*ssa.Function]bool
	sumReaders map[*ssa.Function]map[*ssa.Function]bool
	byObj      map[*types.Func]*ssa.Function
	impls      map[implKey][]*ssa.Function // interface method implementations in the package
	applied    map[appliedKey]int          // fingerprint of the inputs a summary was last applied to
	summaries  map[*ssa.Function]*Summary
	findings   map[findingKey]*Finding
}

// Run analyses one package.
func Run(in Input) *Result {
	e := &engine{
		Input:      in,
		calls:      make(map[token.Pos]*ast.CallExpr),
		srcIDs:     make(map[string]labelID),
		paramIDs:   make(map[paramKey]labelID),
		paths:      make(map[paramKey]int),
		seen:       make(map[any]bool),
		vals:       make(map[ssa.Value]set),
		tuples:     make(map[ssa.Value][]set),
		ids:        make(map[ssa.Value]int),
		locs:       make(map[int]*location),
		origins:    make(map[ssa.Value]origin),
		local:      make(map[*ssa.Function]bool),
		dirty:      make(map[*ssa.Function]bool),
		locReaders: make(map[int]map[*ssa.Function]bool),
		sumReaders: make(map[*ssa.Function]map[*ssa.Function]bool),
		byObj:      make(map[*types.Func]*ssa.Function),
		impls:      make(map[implKey][]*ssa.Function),
		applied:    make(map[appliedKey]int),
		summaries:  make(map[*ssa.Function]*Summary),
		findings:   make(map[findingKey]*Finding),
	}
	for _, f := range in.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				e.calls[c.Lparen] = c
			}
			return true
		})
	}
	for _, fn := range in.Funcs {
		e.local[fn] = true
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			e.byObj[obj] = fn
		}
	}
	e.responders = e.grpcServices()
	for _, fn := range in.Funcs {
		sig := fn.Signature
		e.summaries[fn] = &Summary{Results: make([][]Source, sig.Results().Len())}
		for i, p := range fn.Params {
			e.add(p, set{e.paramLabel(fn, i, ""): nil})
		}
	}
	for _, fn := range callOrder(in.Funcs, e.local) {
		e.markDirty(fn)
	}
	budget := workBudget(in.Funcs)
	for len(e.queue) > 0 && budget > 0 {
		fn := e.queue[0]
		e.queue = e.queue[1:]
		e.dirty[fn] = false
		e.cur = fn
		for range maxIterations {
			e.curChanged = false
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					e.instr(fn, instr)
				}
				budget -= len(b.Instrs)
			}
			if !e.curChanged || budget <= 0 {
				break
			}
		}
	}
	e.cur = nil
	return e.result()
}

func (e *engine) result() *Result {
	r := &Result{Summaries: make(map[*types.Func]*Summary)}
	for _, f := range e.findings {
		r.Findings = append(r.Findings, f)
	}
	sort.Slice(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Pos != b.Pos {
			return a.Pos < b.Pos
		}
		if a.Source.Key != b.Source.Key {
			return a.Source.Key < b.Source.Key
		}
		return a.Sink.Class < b.Sink.Class
	})
	for fn, s := range e.summaries {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || fn.Parent() != nil || s.Empty() {
			continue
		}
		normalize(s)
		r.Summaries[obj] = s
	}
	return r
}

func normalize(s *Summary) {
	slices.SortFunc(s.Flows, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Result, b.Result))
	})
	slices.SortFunc(s.Effects, func(a, b Effect) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Into, b.Into))
	})
	slices.SortFunc(s.Writes, func(a, b Write) int {
		return cmp.Or(cmp.Compare(a.Into, b.Into), cmp.Compare(a.Source.Key, b.Source.Key))
	})
	slices.SortFunc(s.Sinks, func(a, b ParamSink) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(sinkKey(a.Sink), sinkKey(b.Sink)))
	})
	for _, r := range s.Results {
		slices.SortFunc(r, func(a, b Source) int { return cmp.Compare(a.Key, b.Key) })
	}
}

func sinkKey(s SinkRef) string {
	return string(s.Class) + "\x00" + s.Callee + "\x00" + strings.Join(s.Via, "\x00")
}

// ---- labels and sets ----

func (e *engine) sourceLabel(src *Source) labelID {
	if id, ok := e.srcIDs[src.Key]; ok {
		return id
	}
	id := labelID(len(e.labels))
	e.labels = append(e.labels, label{src: src})
	e.srcIDs[src.Key] = id
	return id
}

func (e *engine) paramLabel(fn *ssa.Function, i int, path string) labelID {
	k := paramKey{fn, i, path}
	if id, ok := e.paramIDs[k]; ok {
		return id
	}
	id := labelID(len(e.labels))
	e.labels = append(e.labels, label{fn: fn, param: i, path: path})
	e.paramIDs[k] = id
	return id
}

// paramPart is the label of part path of a parameter, or of the whole
// parameter once it has maxPaths parts.
func (e *engine) paramPart(fn *ssa.Function, i int, path string) labelID {
	if id, ok := e.paramIDs[paramKey{fn, i, path}]; ok {
		return id
	}
	k := paramKey{fn: fn, i: i}
	if e.paths[k] >= maxPaths {
		return e.paramLabel(fn, i, "")
	}
	e.paths[k]++
	return e.paramLabel(fn, i, path)
}

// extend selects part sub of every parameter label in s: the taint of
// c.Email, for a parameter c, is the part ".Email" of c. Concrete sources
// stay as they are.
func (e *engine) extend(s set, sub string) set {
	if len(s) == 0 {
		return s
	}
	var out set
	for id, steps := range s {
		l := e.labels[id]
		if l.src == nil && strings.Count(l.path, ".")+strings.Count(l.path, "[]") < maxPath {
			id = e.paramPart(l.fn, l.param, l.path+sub)
		}
		if out == nil {
			out = make(set, len(s))
		}
		if _, ok := out[id]; !ok {
			out[id] = steps
		}
	}
	return out
}

// union adds src to *dst and reports whether *dst grew.
func union(dst *set, src set) bool {
	grew := false
	for id, steps := range src {
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

// with returns s with step appended to every label's flow.
func with(s set, step Step) set {
	if len(s) == 0 || step.Pos == token.NoPos {
		return s
	}
	out := make(set, len(s))
	for id, steps := range s {
		if len(steps) < maxSteps {
			steps = append(slices.Clip(steps), step)
		}
		out[id] = steps
	}
	return out
}

func minus(s set, ids []labelID) set {
	if len(s) == 0 || len(ids) == 0 {
		return s
	}
	out := make(set, len(s))
	for id, steps := range s {
		if !slices.Contains(ids, id) {
			out[id] = steps
		}
	}
	return out
}

func (e *engine) add(v ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	s = e.own(owner(v), s)
	cur := e.vals[v]
	if union(&cur, s) {
		e.vals[v] = cur
		e.markDirty(owner(v))
	}
}

// own drops from s the parameter labels of functions other than fn: only
// fn's own parameters mean something in its values (they end up in its
// summary); another function's parameters, met through shared memory,
// would only make sets grow.
func (e *engine) own(fn *ssa.Function, s set) set {
	foreign := 0
	for id := range s {
		if l := e.labels[id]; l.src == nil && l.fn != fn {
			foreign++
		}
	}
	if foreign == 0 {
		return s
	}
	out := make(set, len(s)-foreign)
	for id, steps := range s {
		if l := e.labels[id]; l.src != nil || l.fn == fn {
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
	imp := e.impliedSet(v.Type())
	var loc *location
	if isRef(v.Type()) {
		c := e.class(v)
		e.readLoc(c)
		loc = e.locs[e.find(c)]
	}
	if loc == nil && len(imp) == 0 {
		return e.vals[v] // shared: callers never modify the sets they get
	}
	var out set
	union(&out, e.vals[v])
	if loc != nil {
		union(&out, loc.whole.view(e.cur))
		for _, k := range sortedKeys(loc.fields) {
			union(&out, loc.fields[k].view(e.cur))
		}
	}
	union(&out, imp)
	return out
}

// impliedSet is impliedOf as a shared, read-only set.
func (e *engine) impliedSet(t types.Type) set {
	if v := e.impliedSets.At(t); v != nil {
		return v.(set)
	}
	s := e.labelSet(e.impliedOf(t))
	e.impliedSets.Set(t, s)
	return s
}

// flow is what v carries into a value of type to: its explicit taint and the
// PII its type holds that the new type does not show.
func (e *engine) flow(v ssa.Value, to types.Type) set {
	imp := e.impliedOf(v.Type())
	if len(imp) == 0 {
		return e.vals[v]
	}
	var out set
	union(&out, e.vals[v])
	union(&out, e.labelSet(minusIDs(imp, e.impliedOf(to))))
	return out
}

func minusIDs(a, b []labelID) []labelID {
	if len(b) == 0 {
		return a
	}
	var out []labelID
	for _, id := range a {
		if !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

func (e *engine) labelSet(ids []labelID) set {
	if len(ids) == 0 {
		return nil
	}
	s := make(set, len(ids))
	for _, id := range ids {
		s[id] = nil
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// ---- alias classes ----

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
	union(&out, e.extend(l.whole.view(e.cur), path))
	for _, k := range sortedKeys(l.fields) {
		switch {
		case k == path:
			union(&out, l.fields[k].view(e.cur))
		case strings.HasPrefix(path, k+".") || strings.HasPrefix(path, k+"["):
			union(&out, e.extend(l.fields[k].view(e.cur), path[len(k):]))
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

// ---- instructions ----

func (e *engine) instr(fn *ssa.Function, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi:
		for _, edge := range in.Edges {
			e.add(in, e.flow(edge, in.Type()))
			e.alias(in, edge)
		}
	case *ssa.UnOp:
		switch in.Op {
		case token.MUL:
			e.add(in, e.explicit(in.X))
			e.add(in, e.fieldAddrSource(in.X))
			e.add(in, e.load(in.X))
			if isRef(in.Type()) {
				e.linkPointee(e.class(in.X), e.class(in))
			}
			if g, ok := in.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" && (g.Name() == "Stdout" || g.Name() == "Stderr") {
				e.setAttr(in, attrStdout)
			}
		case token.ARROW:
			e.add(in, e.load(in.X))
			e.add(in, e.explicit(in.X))
		default:
			e.add(in, e.explicit(in.X))
		}
	case *ssa.BinOp:
		switch in.Op {
		case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
		default:
			e.add(in, e.flow(in.X, in.Type()))
			e.add(in, e.flow(in.Y, in.Type()))
		}
	case *ssa.Convert:
		e.add(in, e.convert(in.X, in.Type()))
	case *ssa.MultiConvert:
		e.add(in, e.convert(in.X, in.Type()))
	case *ssa.ChangeType:
		e.add(in, e.flow(in.X, in.Type()))
		e.alias(in, in.X)
	case *ssa.ChangeInterface:
		e.add(in, e.explicit(in.X))
		e.alias(in, in.X)
	case *ssa.SliceToArrayPointer:
		e.add(in, e.explicit(in.X))
		e.alias(in, in.X)
	case *ssa.MakeInterface:
		e.add(in, e.boxed(in.X))
		e.alias(in, in.X)
	case *ssa.TypeAssert:
		e.add(in, minus(e.explicit(in.X), e.impliedOf(in.AssertedType)))
		e.alias(in, in.X)
	case *ssa.Extract:
		e.extract(in)
	case *ssa.Field:
		st := structOf(in.X.Type())
		if st == nil || in.Field >= st.NumFields() {
			return
		}
		f := st.Field(in.Field)
		e.add(in, e.fieldSource(f, in.Pos()))
		if ld, ok := in.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			// A field of a struct loaded from memory: read that field's
			// memory rather than the whole struct's.
			e.add(in, e.extend(minus(e.explicit(ld.X), e.impliedOf(ld.X.Type())), "."+f.Name()))
			e.add(in, e.loadPath(ld.X, "."+f.Name()))
		} else {
			e.add(in, e.extend(minus(e.explicit(in.X), e.impliedOf(in.X.Type())), "."+f.Name()))
		}
	case *ssa.FieldAddr:
		// The address of a PII field is not PII: loading through it is
		// (see fieldAddrSource). Passing &c.Email to rows.Scan reads
		// nothing.
		e.add(in, e.extend(minus(e.explicit(in.X), e.impliedOf(in.X.Type())), "."+fieldName(in.X.Type(), in.Field)))
	case *ssa.Index:
		e.add(in, e.extend(minus(e.explicit(in.X), e.impliedOf(in.X.Type())), "[]"))
	case *ssa.IndexAddr:
		e.add(in, e.extend(minus(e.explicit(in.X), e.impliedOf(in.X.Type())), "[]"))
	case *ssa.Lookup:
		e.add(in, e.extend(minus(e.explicit(in.X), e.impliedOf(in.X.Type())), "[]"))
		if _, ok := under(in.X.Type()).(*types.Map); ok {
			e.add(in, e.load(in.X))
		}
	case *ssa.Slice:
		e.add(in, e.explicit(in.X))
		e.alias(in, in.X)
	case *ssa.Range:
		e.add(in, e.flow(in.X, in.Type()))
		if isRef(in.X.Type()) {
			e.add(in, e.load(in.X))
		}
	case *ssa.Next:
		e.add(in, e.explicit(in.Iter))
	case *ssa.Select:
		for _, st := range in.States {
			if st.Dir == types.RecvOnly {
				e.add(in, e.load(st.Chan))
			} else if st.Send != nil {
				e.store(st.Chan, e.flow(st.Send, types.Universe.Lookup("any").Type()))
			}
		}
	case *ssa.MakeClosure:
		callee := in.Fn.(*ssa.Function)
		for i, b := range in.Bindings {
			if i < len(callee.FreeVars) {
				fv := callee.FreeVars[i]
				e.add(fv, e.explicit(b))
				e.alias(fv, b)
			}
			// A closure carries what it captured: an iterator over PII
			// yields PII.
			e.add(in, e.whole(b))
		}
	case *ssa.Store:
		if ld, ok := in.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && !isRef(ld.Type()) {
			// A struct or array copied from memory to memory keeps its
			// field structure.
			e.copyMem(in.Addr, ld.X)
		} else {
			e.store(in.Addr, e.flow(in.Val, in.Val.Type()))
		}
		if isRef(in.Val.Type()) {
			e.linkPointee(e.address2class(in.Addr), e.class(in.Val))
		}
		e.tlsStore(in)
	case *ssa.MapUpdate:
		// The stored values' own types are the map's key and element
		// types, also when the map is a type parameter.
		e.store(in.Map, e.flow(in.Key, in.Key.Type()))
		e.store(in.Map, e.flow(in.Value, in.Value.Type()))
		if isRef(in.Value.Type()) {
			e.linkPointee(e.class(in.Map), e.class(in.Value))
		}
	case *ssa.Send:
		e.store(in.Chan, e.flow(in.X, in.X.Type()))
		if isRef(in.X.Type()) {
			e.linkPointee(e.class(in.Chan), e.class(in.X))
		}
	case *ssa.Call:
		e.call(fn, in.Common(), in)
	case *ssa.Go:
		e.call(fn, in.Common(), nil)
	case *ssa.Defer:
		e.call(fn, in.Common(), nil)
	case *ssa.Return:
		e.ret(fn, in)
	case *ssa.Panic:
		e.sink(fn, in.Pos(), []arg{{val: in.X, ast: 0}}, sinks.Sink{Class: sinks.Log, Format: -1, Writer: -1}, "panic", nil)
	}
}

// address2class is the alias class of the memory an address points into.
func (e *engine) address2class(addr ssa.Value) int {
	c, _ := e.address(addr)
	return c
}

// convert is a conversion: a value keeps its PII when its type changes
// (string(key), []byte(email)).
func (e *engine) convert(x ssa.Value, to types.Type) set {
	s := e.flow(x, to)
	if isRef(x.Type()) && !isRef(to) {
		var out set
		union(&out, s)
		union(&out, e.load(x))
		return out
	}
	return s
}

// fieldAddrSource is the source read by loading through addr, when addr
// is the address of a PII field.
func (e *engine) fieldAddrSource(addr ssa.Value) set {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	st := structOf(fa.X.Type())
	if st == nil || fa.Field >= st.NumFields() {
		return nil
	}
	return e.fieldSource(st.Field(fa.Field), fa.Pos())
}

func (e *engine) fieldSource(f *types.Var, pos token.Pos) set {
	src, _ := e.Oracle.Field(f)
	if src == nil {
		return nil
	}
	return set{e.sourceLabel(src): {{Pos: pos, Message: src.Name + " (" + src.Kind + ") read here"}}}
}

func (e *engine) extract(in *ssa.Extract) {
	if comps, ok := e.tuples[in.Tuple]; ok {
		if in.Index < len(comps) {
			e.add(in, comps[in.Index])
		}
		return
	}
	if !carriesData(in.Type()) {
		return
	}
	e.add(in, e.explicit(in.Tuple))
}

func (e *engine) addTuple(v ssa.Value, i int, s set) {
	if len(s) == 0 {
		return
	}
	s = e.own(owner(v), s)
	comps := e.tuples[v]
	if comps == nil {
		n := 1
		if tup, ok := v.Type().(*types.Tuple); ok {
			n = tup.Len()
		}
		comps = make([]set, n)
		e.tuples[v] = comps
	}
	if i < len(comps) && union(&comps[i], s) {
		e.markDirty(owner(v))
	}
}

// setResult records taint for result i of a call.
func (e *engine) setResult(call *ssa.Call, i int, s set) {
	if call == nil || len(s) == 0 {
		return
	}
	if tup, ok := call.Type().(*types.Tuple); ok {
		if tup.Len() > 1 {
			if carriesData(tup.At(i).Type()) {
				e.addTuple(call, i, s)
			}
			return
		}
	}
	if carriesData(call.Type()) {
		e.add(call, s)
	}
}

func (e *engine) ret(fn *ssa.Function, in *ssa.Return) {
	e.respond(fn, in)
	sum := e.summaries[fn]
	if sum == nil {
		return
	}
	// What the function wrote into memory its parameters point to.
	for j, p := range fn.Params {
		if !isRef(p.Type()) {
			continue
		}
		for _, id := range sortedIDs(e.load(p)) {
			l := e.labels[id]
			if l.src != nil || l.fn != fn || l.param == j {
				continue
			}
			ef := Effect{Param: l.param, Path: l.path, Into: j}
			if k := (effectKey{fn, ef}); !e.seen[k] {
				e.seen[k] = true
				sum.Effects = append(sum.Effects, ef)
				e.changedSummary(fn)
			}
		}
	}
	results := fn.Signature.Results()
	for j, r := range in.Results {
		if j >= len(sum.Results) {
			break
		}
		s := e.flow(r, results.At(j).Type())
		if isRef(r.Type()) {
			s2 := minus(e.load(r), e.impliedOf(results.At(j).Type()))
			var out set
			union(&out, s)
			union(&out, s2)
			union(&out, minus(e.pointees(r), e.impliedOf(results.At(j).Type())))
			s = out
		}
		for _, id := range sortedIDs(s) {
			l := e.labels[id]
			switch {
			case l.src != nil:
				if k := (resultKey{fn, j, l.src.Key}); !e.seen[k] {
					e.seen[k] = true
					sum.Results[j] = append(sum.Results[j], *l.src)
					e.changedSummary(fn)
				}
			case l.fn == fn:
				f := Flow{Param: l.param, Path: l.path, Result: j}
				if k := (flowKey{fn, f}); !e.seen[k] {
					e.seen[k] = true
					sum.Flows = append(sum.Flows, f)
					e.changedSummary(fn)
				}
			}
		}
	}
}

func sortedIDs(s set) []labelID {
	ids := make([]labelID, 0, len(s))
	for id := range s {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// ---- calls ----

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
	if obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "crypto/hmac" && obj.Name() == "New" && call != nil {
		e.setAttr(call, attrHMAC)
		return
	}
	if c.IsInvoke() && e.attrs(c.Value)&attrHMAC != 0 {
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

// decide tells whether a sink row applies to a call, and settles its
// class and destination. A row with a Writer is decided by the writer:
// standard output or standard error keep the row's class, a file makes
// it an export, an unprotected connection a transport, anything else no
// sink. A Transport row is a sink only when its channel is unprotected.
func (e *engine) decide(s *sinks.Sink, args []arg) bool {
	if s.Class == sinks.Transport {
		o := e.channelOrigin(*s, args)
		if o == originNone {
			return false
		}
		_, s.Dest = o.dest()
		return true
	}
	if s.Writer == -1 {
		return true
	}
	want := s.Writer
	if hasRecv(args) {
		want++ // parameters count the receiver first
	}
	if s.Writer == sinks.Receiver {
		want = 0
	}
	for _, a := range args {
		if a.param != want {
			continue
		}
		if e.attrs(a.val)&attrStdout != 0 {
			return true
		}
		o := e.originOf(a.val)
		if o == originNone || o == originUnknown {
			return false
		}
		s.Class, s.Dest = o.dest()
		return true
	}
	return false
}

func hasRecv(args []arg) bool { return len(args) > 0 && args[0].ast == -1 }

// dataArgs returns the arguments that carry data into a sink or a format.
func dataArgs(args []arg, first, format int) []arg {
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
func (e *engine) sink(fn *ssa.Function, call token.Pos, args []arg, s sinks.Sink, callee string, via []string) {
	data := args
	if callee != "panic" {
		data = dataArgs(args, s.Data, s.Format)
	}
	ref := SinkRef{Class: s.Class, Dest: s.Dest, Callee: callee, Via: via}
	for _, a := range data {
		if s.Encode == "" {
			e.reach(fn, call, a, e.deep(a.val), ref)
		} else if !e.isStream(a.val.Type()) {
			e.reach(fn, call, a, e.encoded(a.val, s.Encode), ref)
		}
	}
}

// reach records that taint w of argument a of the call at pos reaches a
// sink: concrete sources are findings, parameters of fn extend its summary.
func (e *engine) reach(fn *ssa.Function, pos token.Pos, a arg, w set, ref SinkRef) {
	sum := e.summaries[fn]
	for _, id := range sortedIDs(w) {
		l := e.labels[id]
		switch {
		case l.src != nil:
			k := findingKey{call: pos, src: l.src.Key, cls: ref.Class}
			if _, ok := e.findings[k]; ok {
				continue
			}
			f := &Finding{Pos: pos, End: pos, Call: pos, Source: *l.src, Sink: ref, Steps: w[id]}
			if ce := e.calls[pos]; ce != nil && a.ast >= 0 && a.ast < len(ce.Args) {
				f.Pos, f.End = ce.Args[a.ast].Pos(), ce.Args[a.ast].End()
			} else if ce != nil {
				f.End = ce.End()
			}
			e.findings[k] = f
		case l.fn == fn && sum != nil:
			if k := (sinkSeenKey{fn, l.param, l.path, ref.Class}); !e.seen[k] {
				e.seen[k] = true
				sum.Sinks = append(sum.Sinks, ParamSink{Param: l.param, Path: l.path, Sink: ref})
				e.changedSummary(fn)
			}
		}
	}
}

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
			w := minus(ap.taint, e.impliedOf(results[f.Result]))
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
				e.store(a.val, minus(w, e.impliedOf(target)))
				e.writeOut(fn, c.Pos(), a.val, ap.arg, w, name)
			}
		}
	}
	for _, w := range sum.Writes {
		src := w.Source
		s := set{e.sourceLabel(&src): {{Pos: c.Pos(), Message: name + " writes " + src.Name + " (" + src.Kind + ")"}}}
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
			union(&s, set{e.sourceLabel(&src): {{Pos: c.Pos(), Message: name + " returns " + src.Name + " (" + src.Kind + ")"}}})
		}
		// Sources the result's type holds anyway stay implied by the type,
		// so that reading a non-PII field of the result is clean.
		e.setResult(call, j, minus(s, e.impliedOf(results[j])))
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
		c := e.find(e.class(v))
		if l := e.locs[c]; l != nil {
			n += l.version
		}
	}
	if depth > 0 {
		switch v := v.(type) {
		case *ssa.UnOp:
			if v.Op == token.MUL {
				c, _ := e.address(v.X)
				n += e.fingerprint(v.X, depth-1)
				if l := e.locs[e.find(c)]; l != nil {
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
		union(&out, e.extend(minus(e.explicit(ld.X), e.impliedOf(ld.X.Type())), path))
		union(&out, e.loadPath(ld.X, path))
	} else {
		union(&out, e.extend(minus(e.explicit(v), e.impliedOf(v.Type())), path))
	}
	if isRef(v.Type()) {
		union(&out, e.loadPath(v, path))
	}
	// The sources of the fields the path goes through, and what the type
	// at its end holds.
	union(&out, e.labelSet(e.typeSources(v.Type(), path)))
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
						ids = append(ids, e.sourceLabel(src))
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
	return append(ids, e.impliedOf(t)...)
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

func (e *engine) builtin(b *ssa.Builtin, c *ssa.CallCommon, call *ssa.Call) {
	switch b.Name() {
	case "append", "min", "max", "complex", "real", "imag", "ssa:wrapnilchk":
		for _, a := range c.Args {
			if call != nil {
				e.add(call, e.flow(a, call.Type()))
				if isRef(a.Type()) {
					e.add(call, e.load(a))
				}
			}
		}
		if call != nil && b.Name() == "append" && len(c.Args) > 0 {
			e.alias(call, c.Args[0])
			if len(c.Args) == 2 {
				e.samePointees(call, c.Args[1])
			}
		}
	case "copy":
		if len(c.Args) == 2 {
			e.samePointees(c.Args[0], c.Args[1])
			var s set
			union(&s, e.explicit(c.Args[1]))
			union(&s, e.load(c.Args[1]))
			e.store(c.Args[0], s)
		}
	}
}

// unknown handles a call the engine has no summary or model for: data
// arguments flow to results that can carry data and into the memory of
// reference arguments; closures passed in receive the other arguments.
func (e *engine) unknown(fn *ssa.Function, c *ssa.CallCommon, call *ssa.Call, args []arg, obj *types.Func) {
	ops := args
	if obj != nil {
		if format, ok := sinks.Formats[sinks.Key(obj)]; ok {
			ops = dataArgs(args, 0, format)
		}
	}
	if obj != nil && decodes(obj.Name()) {
		// json.Unmarshal(data, &v), rows.Scan(&name): what the
		// destinations held does not come out of the call; what is
		// decoded into them does.
		var srcs []arg
		for _, a := range ops {
			switch unwrap(a.val).(type) {
			case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr:
			default:
				srcs = append(srcs, a)
			}
		}
		ops = srcs
	}
	all := e.results(call, ops)
	if !c.IsInvoke() && c.StaticCallee() == nil {
		union(&all, e.explicit(c.Value))
		e.results(call, []arg{{val: c.Value}})
	}
	for _, a := range args {
		switch under(a.val.Type()).(type) {
		case *types.Pointer, *types.Interface, *types.Slice:
			target := a.val.Type()
			if mi, ok := a.val.(*ssa.MakeInterface); ok {
				target = mi.X.Type()
			}
			if e.writable(a.val, target) || a.param == 0 && encodes(c) {
				stored := all
				if isBytes(target) {
					// Data comes into a buffer from readers (Read(p)),
					// not from a stream that is only written to, and
					// not by a call that writes the buffer out.
					stored = nil
					if obj == nil || !strings.HasPrefix(obj.Name(), "Write") {
						stored = e.produced(ops)
					}
				}
				e.store(a.val, minus(stored, e.impliedOf(target)))
				if obj != nil && e.writesOut(fn, a.val) {
					for _, b := range ops {
						e.writeOut(fn, c.Pos(), a.val, b, e.deep(b.val), shortName(obj))
					}
				}
			}
			// A wrapper around a stream (bufio.NewWriter(f),
			// json.NewEncoder(&buf)) shares the stream's memory.
			if call != nil && isPtrOrIface(call.Type()) && e.isStream(target) {
				e.alias(call, a.val)
			}
		case *types.Signature:
			// A callback receives what the other arguments carry (an
			// iterator's sequence), not what it captured itself.
			var in set
			for _, b := range ops {
				if b.val != a.val {
					union(&in, e.whole(b.val))
				}
			}
			if !c.IsInvoke() && c.StaticCallee() == nil {
				union(&in, e.explicit(c.Value))
			}
			e.feedClosure(a.val, in)
		}
	}
}

// writable reports whether code the engine does not see may write the
// data of a call into argument v (of concrete type t): a stream (an
// io.Writer: builders, buffers, files, hashes), an address taken for the
// call (json.Unmarshal(data, &v), rows.Scan(&name)), or a byte slice. A
// handle such as *sql.DB is not: a query's arguments do not become part of
// every later result.
func (e *engine) writable(v ssa.Value, t types.Type) bool {
	if e.isStream(t) {
		return true
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.(type) {
	case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr:
		return true
	}
	return isBytes(t)
}

func isBytes(t types.Type) bool {
	sl, ok := under(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := under(sl.Elem()).(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// produced is the taint of the arguments that can give data out: all but
// the streams that are only written to (a file opened for writing is
// read from too, a gzip writer or an io.Writer is not).
func (e *engine) produced(ops []arg) set {
	var out set
	for _, b := range ops {
		if t := b.val.Type(); e.isStream(t) && !types.Implements(t, ioReader) {
			continue
		}
		union(&out, e.whole(b.val))
	}
	return out
}

// decodes reports whether a function named name fills the addresses it
// is given: Unmarshal, Decode, Scan and their variants.
func decodes(name string) bool {
	for _, p := range []string{"Unmarshal", "Decode", "Scan"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// encodes reports whether c calls an encoder through an interface: a
// method named Add..., Append..., Encode... or Write... writes its
// arguments into the receiver (zapcore.ObjectEncoder.AddString). Recorded
// as a side effect when the receiver is a parameter, this tells what a
// MarshalLogObject method emits.
func encodes(c *ssa.CallCommon) bool {
	if !c.IsInvoke() {
		return false
	}
	name := c.Method.Name()
	for _, p := range []string{"Add", "Append", "Encode", "Write"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

var (
	byteSlice = types.NewSlice(types.Typ[types.Byte])
	streamSig = types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "p", byteSlice)), types.NewTuple(types.NewParam(0, nil, "n", types.Typ[types.Int]), types.NewParam(0, nil, "err", types.Universe.Lookup("error").Type())), false)
	ioWriter  = types.NewInterfaceType([]*types.Func{types.NewFunc(0, nil, "Write", streamSig)}, nil).Complete()
	ioReader  = types.NewInterfaceType([]*types.Func{types.NewFunc(0, nil, "Read", streamSig)}, nil).Complete()
)

// isStream reports whether t is an io.Writer or an io.Reader.
func (e *engine) isStream(t types.Type) bool {
	if v := e.streams.At(t); v != nil {
		return v.(bool)
	}
	is := types.Implements(t, ioWriter) || types.Implements(t, ioReader)
	e.streams.Set(t, is)
	return is
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

// results gives every result of call that can carry data the taint of
// args, and returns that taint.
func (e *engine) results(call *ssa.Call, args []arg) set {
	var all set
	for _, a := range args {
		union(&all, e.whole(a.val))
	}
	if call == nil || len(all) == 0 {
		return all
	}
	if tup, ok := call.Type().(*types.Tuple); ok && tup.Len() > 1 {
		for i := 0; i < tup.Len(); i++ {
			e.setResult(call, i, minus(all, e.impliedOf(tup.At(i).Type())))
		}
	} else {
		e.setResult(call, 0, minus(all, e.impliedOf(call.Type())))
	}
	return all
}

func isPtrOrIface(t types.Type) bool {
	switch under(t).(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// feedClosure gives the parameters of a function value passed to unknown
// code the taint of the call's other arguments (iterator callbacks,
// range-over-func bodies).
func (e *engine) feedClosure(v ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	var f *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		f, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		f = v
	}
	if f == nil || !e.local[f] {
		return
	}
	for _, p := range f.Params {
		if carriesData(p.Type()) {
			e.add(p, minus(s, e.impliedOf(p.Type())))
		}
	}
}
