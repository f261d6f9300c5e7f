package taint

import (
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/piilint/piilint/internal/taint/ssax"
)

// values is the abstract value of every SSA value of the package: the
// labels flows gave it (vals, and per element for tuple-typed calls), and
// the views a use takes of it — whole, flow, part, deep, encoded, resolve —
// which add what the heap holds behind it and the PII its type can carry.
// A value that grows marks its function dirty on the schedule.
//
// values never decides anything about sinks or calls; the engine's
// transfer functions and call rules feed it, and the sink side reads it.
type values struct {
	oracle Oracle
	labels *labelTable
	heap   *heap
	types  *typeSources
	sched  *schedule

	vals       map[ssa.Value]set
	tuples     map[ssa.Value][]set
	consts     map[*ssa.Alloc]map[int]bool // see constFields
	redactions map[*ssa.Alloc]map[int]bool // see redacted
	copies     map[ssa.Value]map[int]bool  // see sanitizedCopy
	streams    typeutil.Map                // types.Type -> bool: an io.Writer or io.Reader
}

func newValues(o Oracle, labels *labelTable, h *heap, ts *typeSources, sched *schedule) *values {
	return &values{
		oracle:     o,
		labels:     labels,
		heap:       h,
		types:      ts,
		sched:      sched,
		vals:       make(map[ssa.Value]set),
		tuples:     make(map[ssa.Value][]set),
		consts:     make(map[*ssa.Alloc]map[int]bool),
		redactions: make(map[*ssa.Alloc]map[int]bool),
		copies:     make(map[ssa.Value]map[int]bool),
	}
}

func (vs *values) add(v ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	s = vs.own(owner(v), s)
	cur := vs.vals[v]
	if union(&cur, s) {
		vs.vals[v] = cur
		vs.sched.markDirty(owner(v))
	}
}

// own drops from s the parameter labels of functions other than fn: only
// fn's own parameters mean something in its values (they end up in its
// summary); another function's parameters, met through shared memory,
// would only make sets grow.
func (vs *values) own(fn *ssa.Function, s set) set {
	foreign := 0
	for id := range s {
		if l := vs.labels.all[id]; l.src == nil && l.fn != fn {
			foreign++
		}
	}
	if foreign == 0 {
		return s
	}
	out := make(set, len(s)-foreign)
	for id, steps := range s {
		if l := vs.labels.all[id]; l.src != nil || l.fn == fn {
			out[id] = steps
		}
	}
	return out
}

// explicit is the taint a value got from flows.
func (vs *values) explicit(v ssa.Value) set { return vs.vals[v] }

// whole is everything a value may show when it is used as a whole: its own
// taint, what was stored in the memory it refers to, and the PII its type
// holds.
func (vs *values) whole(v ssa.Value) set { return vs.wholeBut(v, nil) }

// wholeBut is whole without what memory holds under the top-level fields
// skip names (".TLS"), without the parts of parameters there, and without
// the fields of those fields' types (skip's values, Source.Key prefixes:
// "example.com/kube.TLSClientConfig.").
func (vs *values) wholeBut(v ssa.Value, skip map[string]string) set {
	if mi, ok := v.(*ssa.MakeInterface); ok && skip == nil {
		// A boxed struct shares its memory with the struct; the fields
		// fmt prints with their own methods show what the methods
		// return (its own taint, see engine.boxedFields), not what
		// memory holds there.
		skip = vs.types.fmtFields(mi.X.Type())
	}
	imp := vs.implied(v)
	var loc *location
	if isRef(v.Type()) || isStruct(v.Type()) {
		c := vs.heap.class(v)
		vs.heap.read(c)
		loc = vs.heap.locs[vs.heap.find(c)]
	}
	if loc == nil && len(imp) == 0 && skip == nil {
		if st, red := vs.sanitizedCopy(v); len(red) > 0 {
			return vs.redact(st, red, vs.vals[v])
		}
		return vs.vals[v] // shared: callers never modify the sets they get
	}
	var out set
	keep := func(s set) {
		if skip == nil {
			union(&out, s)
			return
		}
		if out == nil {
			out = make(set, len(s))
		}
		for id, steps := range s {
			if !vs.skipped(id, skip) {
				out[id] = steps
			}
		}
	}
	keep(vs.vals[v])
	if loc != nil {
		keep(loc.whole.view(vs.sched.cur))
		for _, k := range sortedKeys(loc.fields) {
			if _, ok := skip[topField(k)]; !ok {
				keep(loc.fields[k].view(vs.sched.cur))
			}
		}
	}
	union(&out, imp)
	if a := builtHere(v); a != nil {
		if red := vs.redacted(a); len(red) > 0 {
			return vs.redact(ssax.StructOf(a.Type()), red, out)
		}
	}
	if st, red := vs.sanitizedCopy(v); len(red) > 0 {
		return vs.redact(st, red, out)
	}
	return out
}

// skipped reports whether label id is under a field wholeBut skips: a
// part of a parameter there, or a field of the field's type.
func (vs *values) skipped(id labelID, skip map[string]string) bool {
	l := vs.labels.all[id]
	if l.src == nil {
		_, ok := skip[topField(l.path)]
		return ok
	}
	for _, prefix := range skip {
		if prefix != "" && strings.HasPrefix(l.src.Key, prefix) {
			return true
		}
	}
	return false
}

// redacted are the fields of a struct copy that are overwritten with
// constants after the copy (a String method that copies its receiver,
// sets cc.Token = "--- REDACTED ---" and prints the copy): every store to
// such a field is a constant and comes after the copy (in a block the
// copy's dominates, or later in its block).
func (vs *values) redacted(a *ssa.Alloc) map[int]bool {
	if v, ok := vs.redactions[a]; ok {
		return v
	}
	var copies []*ssa.Store
	consts := make(map[int][]*ssa.Store)
	other := make(map[int]bool)
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			if r.Addr == a {
				copies = append(copies, r)
			}
		case *ssa.FieldAddr:
			for _, u := range *r.Referrers() {
				st, ok := u.(*ssa.Store)
				if !ok || st.Addr != r {
					continue
				}
				if _, isConst := st.Val.(*ssa.Const); isConst {
					consts[r.Field] = append(consts[r.Field], st)
				} else {
					other[r.Field] = true
				}
			}
		}
	}
	var out map[int]bool
	if len(copies) == 1 {
		for f, sts := range consts {
			if other[f] {
				continue
			}
			later := true
			for _, st := range sts {
				later = later && after(copies[0], st)
			}
			if later {
				if out == nil {
					out = make(map[int]bool)
				}
				out[f] = true
			}
		}
	}
	vs.redactions[a] = out
	return out
}

// redact is s, what a copy built in a holds, without its redacted fields:
// their sources, and, for a parameter copied whole into it, the parts of
// the parameter that are its other fields instead of the whole.
func (vs *values) redact(st *types.Struct, red map[int]bool, s set) set {
	var drop []labelID
	for _, f := range sortedKeys(red) {
		if src, _ := vs.oracle.Field(st.Field(f).Origin()); src != nil {
			drop = append(drop, vs.labels.source(src))
		}
	}
	out := make(set, len(s))
	for _, id := range sortedKeys(s) {
		steps := s[id]
		if slices.Contains(drop, id) {
			continue
		}
		l := vs.labels.all[id]
		if l.src == nil && l.path != "" && l.param < len(l.fn.Params) && ssax.StructOf(l.fn.Params[l.param].Type()) == st && redactedPath(st, red, l.path) {
			// A part of a parameter copied field by field into it
			// (CopyConfig(c) of c's fields).
			continue
		}
		if l.src != nil || l.path != "" || l.param >= len(l.fn.Params) || ssax.StructOf(l.fn.Params[l.param].Type()) != st {
			out[id] = steps
			continue
		}
		for i := 0; i < st.NumFields(); i++ {
			if !red[i] {
				out[vs.labels.part(l.fn, l.param, "."+st.Field(i).Name())] = steps
			}
		}
	}
	return out
}

// implied is the PII v holds by its type (typeSources), except for a
// struct literal built here (see constFields): its fields hold what was
// stored in them, and a field given only constants (a template preview's
// Email: "jane@example.com") or nothing holds no personal data.
func (vs *values) implied(v ssa.Value) set {
	if _, ok := v.(*ssa.Const); ok {
		// A zero value (Subscriber{} as a type witness) holds nothing.
		return nil
	}
	if ids, ok := vs.literalSources(v, ""); ok {
		return labelSet(ids)
	}
	return vs.types.set(v.Type())
}

// literalSources are the sources a struct literal built here shows under
// encoding key ("" for fmt; see typeSources.collect): those of its fields
// that were given something else than constants. ok is false when v is
// not such a literal.
func (vs *values) literalSources(v ssa.Value, key string) (ids []labelID, ok bool) {
	alloc := builtHere(v)
	if alloc == nil {
		return nil, false
	}
	consts := vs.constFields(alloc)
	if consts == nil {
		return nil, false
	}
	st := ssax.StructOf(alloc.Type())
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		src, notPII := vs.oracle.Field(f.Origin())
		if consts[i] || notPII || key != "" && (!f.Exported() && !f.Embedded() || omitted(st.Tag(i), key)) {
			continue
		}
		if src != nil && (key == "" || !marshals(f.Type(), key)) {
			ids = append(ids, vs.labels.source(src))
		}
		vs.types.render(f.Type(), make(map[*types.TypeName]bool), key, true, &ids)
	}
	return ids, true
}

// builtHere is the struct literal v is, or is loaded from: an Alloc of
// the function.
func builtHere(v ssa.Value) *ssa.Alloc {
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = ld.X
	}
	a, ok := v.(*ssa.Alloc)
	if !ok || ssax.StructOf(a.Type()) == nil {
		return nil
	}
	return a
}

// constFields tells, for a struct built in its function (an Alloc whose
// address goes nowhere but into its fields' stores and loads, and which is
// given nothing but copies of such structs), which of
// its fields hold only constants: stored only constants, or nothing. Nil
// when the struct's address escapes (passed to a call, stored, converted):
// code the engine may not see can fill it.
func (vs *values) constFields(a *ssa.Alloc) map[int]bool {
	if v, ok := vs.consts[a]; ok {
		return v
	}
	st := ssax.StructOf(a.Type())
	consts := make(map[int]bool, st.NumFields())
	for i := 0; i < st.NumFields(); i++ {
		consts[i] = true
	}
	vs.consts[a] = nil // a cycle of copies escapes
	ok := true
	for _, r := range *a.Referrers() {
		switch r := r.(type) {
		case *ssa.Store:
			// A copy of another literal built here (r := T{...}):
			// its constant fields.
			src := builtHere(r.Val)
			if r.Addr != a || src == nil {
				ok = false
				break
			}
			sc := vs.constFields(src)
			if sc == nil {
				ok = false
				break
			}
			for i := range consts {
				consts[i] = consts[i] && sc[i]
			}
		case *ssa.DebugRef:
		case *ssa.UnOp:
			if r.Op != token.MUL {
				ok = false
			}
		case *ssa.FieldAddr:
			for _, u := range *r.Referrers() {
				switch u := u.(type) {
				case *ssa.Store:
					if _, isConst := u.Val.(*ssa.Const); !isConst || u.Addr != r {
						consts[r.Field] = false
						ok = ok && u.Addr == r
					}
				case *ssa.UnOp, *ssa.DebugRef:
				default:
					ok = false
				}
			}
		default:
			ok = false
		}
	}
	if !ok {
		consts = nil
	}
	vs.consts[a] = consts
	return consts
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
func (vs *values) flow(v ssa.Value, to types.Type) set {
	imp := vs.types.of(v.Type())
	if len(imp) == 0 {
		return vs.vals[v]
	}
	var out set
	union(&out, vs.vals[v])
	union(&out, labelSet(minusIDs(imp, vs.types.of(to))))
	return out
}

// fingerprint is a number that grows whenever what resolve can read of v
// grows: v's taint, its memory, and for loads and conversions to
// interfaces, those of their operand.
func (vs *values) fingerprint(v ssa.Value, depth int) int {
	n := len(vs.vals[v])
	if isRef(v.Type()) {
		// Versions only grow, also when classes merge: the merged class's
		// version exceeds both.
		c := vs.heap.find(vs.heap.class(v))
		if l := vs.heap.locs[c]; l != nil {
			n += l.version
		}
	}
	if depth > 0 {
		switch v := v.(type) {
		case *ssa.UnOp:
			if v.Op == token.MUL {
				c, _ := vs.heap.address(v.X)
				n += vs.fingerprint(v.X, depth-1)
				if l := vs.heap.locs[vs.heap.find(c)]; l != nil {
					n += l.version
				}
			}
		case *ssa.MakeInterface:
			n += vs.fingerprint(v.X, depth-1)
		}
	}
	return n
}

// resolve is the taint of part path of v (see Summary). A part that
// cannot hold text (a number, a boolean) is only what its marked fields
// are, and the parts of parameters that flowed into it (see symbolic).
// A part below an interface (a callee that reads a field of the
// implementation an interface value, or an element of a slice of them,
// holds) is what memory holds at that field: the
// interface value's own labels describe the whole value it boxes, what
// it shows printed, not a field of it.
func (vs *values) resolve(v ssa.Value, path string) set {
	if path == "" {
		return vs.resolve2(v, path)
	}
	if t := pathType(v.Type(), path); t != nil && !carriesData(t) {
		var out set
		union(&out, vs.labels.symbolic(vs.resolve2(v, path)))
		union(&out, labelSet(vs.typeSources(v.Type(), path)))
		return out
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return vs.resolve(mi.X, path)
	}
	if throughInterface(v.Type(), path) {
		var out set
		union(&out, vs.labels.symbolic(vs.resolve2(v, path)))
		union(&out, vs.heap.loadStored(v, path))
		return out
	}
	return vs.resolve2(v, path)
}

// throughInterface reports whether part path of a value of type t lies
// below an interface: a field of whatever implementation the value (or
// an element of it) holds.
func throughInterface(t types.Type, path string) bool {
	for _, seg := range splitPath(path) {
		if types.IsInterface(t) {
			return true
		}
		if t = pathStep(t, seg); t == nil {
			return false
		}
	}
	return false
}

// pathStep is the type of part seg ("[]" or a field name) of a value of
// type t, through a pointer; nil when t has no such part.
func pathStep(t types.Type, seg string) types.Type {
	if seg == "()" {
		return callResult(t)
	}
	t = deref(t)
	if seg == "[]" || isKeySeg(seg, t) {
		return keyStep(t, seg)
	}
	st, ok := ssax.Under(t).(*types.Struct)
	if !ok {
		return nil
	}
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); f.Name() == seg {
			return f.Type()
		}
	}
	return nil
}

// callResult is the type of the first result of a function of type t
// (part "()" of a function value), or nil.
func callResult(t types.Type) types.Type {
	sig, ok := ssax.Under(t).(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return nil
	}
	return sig.Results().At(0).Type()
}

// pathValid reports whether a value of type t can have part path (see
// labelTable.valid).
func pathValid(t types.Type, path string) bool {
	for _, seg := range splitPath(path) {
		if seg == "()" {
			// What a call of a function value returns.
			if t = callResult(t); t == nil {
				return false
			}
			continue
		}
		t = deref(t)
		switch u := ssax.Under(t).(type) {
		case *types.Interface:
			return true
		case *types.Struct:
			if seg == "[]" {
				return false
			}
			var next types.Type
			for i := 0; i < u.NumFields(); i++ {
				if f := u.Field(i); f.Name() == seg {
					next = f.Type()
				}
			}
			if next == nil {
				return false
			}
			t = next
		default:
			if _, ok := types.Unalias(t).(*types.TypeParam); ok {
				return true
			}
			if seg != "[]" && !isKeySeg(seg, t) {
				return false
			}
			if t = keyStep(t, seg); t == nil {
				return false
			}
		}
	}
	return true
}

// keyed is the entry sub (".Header.#cookie:user", ".#Authorization") of
// the memory addr points to: what was stored under it or around it, not
// under another key; for a parameter, the part at that path.
func (vs *values) keyed(addr ssa.Value, sub string) set {
	w := vs.labels.extend(vs.labels.symbolic(vs.explicit(addr)), sub)
	union(&w, vs.heap.loadPath(addr, sub))
	return w
}

// keyPrefix starts the path segment of a map's entry under a constant
// key (".#Authorization" of a header, ".#cookie:user" of a request's
// cookie): the engine keeps those apart from the map's other entries.
const keyPrefix = "#"

// cookiePrefix starts the key of a request's cookie in its header.
const cookiePrefix = keyPrefix + "cookie:"

// keySeg is the path segment of the map entry under key.
func keySeg(key string) string {
	return "." + keyPrefix + strings.Map(func(r rune) rune {
		switch r {
		case '.', '[', ']', '(', ')':
			return '_'
		}
		return r
	}, key)
}

// isKeySeg reports whether seg names an entry of a map of type t.
func isKeySeg(seg string, t types.Type) bool {
	_, isMap := ssax.Under(t).(*types.Map)
	return isMap && strings.HasPrefix(seg, keyPrefix)
}

// keyStep is the type of part seg ("[]" or an entry) of a container of
// type t: its elements, or, for a cookie of a request's header, the
// *http.Cookie the request's Cookie method returns.
func keyStep(t types.Type, seg string) types.Type {
	if strings.HasPrefix(seg, cookiePrefix) {
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
			if c, ok := n.Obj().Pkg().Scope().Lookup("Cookie").(*types.TypeName); ok {
				return types.NewPointer(c.Type())
			}
		}
	}
	return elemType(t)
}

// pathType is the type of part path of a value of type t, or nil when the
// path does not name one.
func pathType(t types.Type, path string) types.Type {
	for _, seg := range splitPath(path) {
		if t = pathStep(t, seg); t == nil {
			return nil
		}
	}
	return t
}

func (vs *values) resolve2(v ssa.Value, path string) set {
	if fa := vs.fieldAddrSource(v); len(fa) > 0 {
		// A callee that reads through &c.Email reads the field.
		var out set
		union(&out, fa)
		union(&out, vs.resolve1(v, path))
		return out
	}
	return vs.resolve1(v, path)
}

func (vs *values) resolve1(v ssa.Value, path string) set {
	if path == "" {
		return vs.whole(v)
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return vs.resolve(mi.X, path)
	}
	var out set
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		// A value loaded from memory: read the part from memory.
		union(&out, vs.labels.extend(minus(vs.explicit(ld.X), vs.types.of(ld.X.Type())), path))
		if _, fa := ld.X.(*ssa.FieldAddr); fa && (isError(v.Type()) || isErrorType(v.Type())) {
			// An error field holds what was stored in it, not what
			// was stored around it (see unOp).
			union(&out, vs.heap.loadStored(ld.X, path))
			union(&out, vs.labels.symbolic(vs.heap.loadPath(ld.X, path)))
		} else {
			union(&out, vs.heap.loadPath(ld.X, path))
		}
	} else {
		union(&out, vs.labels.extend(minus(vs.explicit(v), vs.types.of(v.Type())), path))
	}
	if isRef(v.Type()) || isStruct(v.Type()) {
		union(&out, vs.heap.loadPath(v, path))
	}
	// The sources of the fields the path goes through, and what the type
	// at its end holds.
	union(&out, labelSet(vs.typeSources(v.Type(), path)))
	return out
}

// typeSources are the sources a function sees in part path of a
// parameter of type t by its type alone: the PII fields the path reads and
// what the type at its end holds. The function reports those itself.
func (vs *values) typeSources(t types.Type, path string) []labelID {
	var ids []labelID
	for _, seg := range splitPath(path) {
		t = deref(t)
		if seg == "[]" {
			t = elemType(t)
		} else if st, ok := ssax.Under(t).(*types.Struct); ok {
			var next types.Type
			for i := 0; i < st.NumFields(); i++ {
				if f := st.Field(i); f.Name() == seg {
					if src, _ := vs.oracle.Field(f.Origin()); src != nil {
						ids = append(ids, vs.labels.source(src))
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
	return append(ids, vs.types.of(t)...)
}

// isStream reports whether t is an io.Writer or an io.Reader.
func (vs *values) isStream(t types.Type) bool {
	if v := vs.streams.At(t); v != nil {
		return v.(bool)
	}
	is := types.Implements(t, ioWriter) || types.Implements(t, ioReader)
	vs.streams.Set(t, is)
	return is
}

// encoded is what a reflection-based encoder (encoding key "json",
// "csv") writes of v.
func (vs *values) encoded(v ssa.Value, key string) set {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return vs.whole(v)
	}
	x := mi.X
	var out set
	union(&out, vs.explicit(x))
	if isRef(x.Type()) {
		union(&out, vs.heap.load(x))
	}
	ids, ok := vs.literalSources(x, key)
	if !ok {
		vs.types.collect(x.Type(), make(map[*types.TypeName]bool), key, &ids)
	}
	union(&out, labelSet(ids))
	return out
}

// copyMem copies what was stored at src, field by field, to dst.
func (vs *values) copyMem(dst, src ssa.Value) {
	sc, sp := vs.heap.address(src)
	vs.heap.store(dst, minus(vs.explicit(src), vs.types.of(src.Type())))
	vs.heap.store(dst, vs.fieldAddrSource(src))
	vs.heap.read(sc)
	l := vs.heap.locs[vs.heap.find(sc)]
	if l == nil {
		return
	}
	if sp == "" {
		l.whole.each(func(s set) { vs.heap.store(dst, s) })
	} else {
		vs.heap.store(dst, vs.heap.loadPath(src, "")) // conservative for nested paths
		return
	}
	dc, dp := vs.heap.address(dst)
	for _, k := range sortedKeys(l.fields) {
		l.fields[k].each(func(s set) { vs.heap.storePath(dc, dp+k, s) })
	}
}

// deep is whole(v) and what the memory it refers to refers to: what a
// sink that walks a value (a printer, an encoder) sees of it.
func (vs *values) deep(v ssa.Value) set {
	if mi, ok := v.(*ssa.MakeInterface); ok && isBasic(mi.X.Type()) {
		// A string, a number or a boolean in an interface is only itself,
		// whatever the interface's alias class holds (the elements of a
		// variadic call's array share one).
		return vs.deep(mi.X)
	}
	p := vs.heap.pointees(v)
	if len(p) == 0 {
		return vs.whole(v)
	}
	var out set
	union(&out, vs.whole(v))
	union(&out, p)
	if st, red := vs.sanitizedCopy(v); len(red) > 0 {
		return vs.redact(st, red, out)
	}
	return out
}

// part is the labels of a part of x (a field ".Name", the elements "[]"):
// what x carries explicitly, less what its type implies, extended by the
// path.
func (vs *values) part(x ssa.Value, path string) set {
	return vs.labels.extend(minus(vs.explicit(x), vs.types.of(x.Type())), path)
}

// convert is a conversion: a value keeps its PII when its type changes
// (string(key), []byte(email)).
func (vs *values) convert(x ssa.Value, to types.Type) set {
	s := vs.flow(x, to)
	if isRef(x.Type()) && !isRef(to) {
		var out set
		union(&out, s)
		union(&out, vs.heap.load(x))
		return out
	}
	return s
}

// fieldAddrSource is the source read by loading through addr, when addr
// is the address of a PII field or of a part of one: &c.Email, and
// &c.Email.String of a null.String field. A number or a boolean inside a
// PII field (&c.Email.Valid) is not the field's data.
func (vs *values) fieldAddrSource(addr ssa.Value) set {
	var out set
	whole := carriesData(deref(addr.Type()))
	for first := true; first || whole; first = false {
		fa, ok := addr.(*ssa.FieldAddr)
		if !ok {
			return out
		}
		if a, ok := fa.X.(*ssa.Alloc); ok && builtHere(a) != nil {
			if c := vs.constFields(a); c != nil && c[fa.Field] {
				return out // a literal's field given only constants
			}
		}
		if st := ssax.StructOf(fa.X.Type()); st != nil && fa.Field < st.NumFields() {
			union(&out, vs.fieldSource(st.Field(fa.Field), fa.Pos()))
		}
		addr = fa.X
	}
	return out
}

func (vs *values) fieldSource(f *types.Var, pos token.Pos) set {
	src, _ := vs.oracle.Field(f)
	if src == nil {
		return nil
	}
	return set{vs.labels.source(src): {{Pos: pos, Message: src.Name + " (" + src.Kind + ") read here"}}}
}

func (vs *values) addTuple(v ssa.Value, i int, s set) {
	if len(s) == 0 {
		return
	}
	s = vs.own(owner(v), s)
	comps := vs.tuples[v]
	if comps == nil {
		n := 1
		if tup, ok := v.Type().(*types.Tuple); ok {
			n = tup.Len()
		}
		comps = make([]set, n)
		vs.tuples[v] = comps
	}
	if i < len(comps) && union(&comps[i], s) {
		vs.sched.markDirty(owner(v))
	}
}

// setResult records taint for result i of a call.
func (vs *values) setResult(call *ssa.Call, i int, s set) {
	if call == nil || len(s) == 0 {
		return
	}
	if tup, ok := call.Type().(*types.Tuple); ok {
		if tup.Len() > 1 {
			if carriesData(tup.At(i).Type()) {
				vs.addTuple(call, i, s)
			}
			return
		}
	}
	if carriesData(call.Type()) {
		vs.add(call, s)
	}
}
