package taint

import (
	"github.com/piilint/piilint/internal/taint/ssax"

	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/types/typeutil"
)

// typeSources knows which sources the values of a type hold by their
// type alone, through the oracle's markings, with caches per type.
type typeSources struct {
	oracle Oracle
	labels *labelTable
	// results is the sources a method's result carries, for the
	// marshalling methods through which a type encodes itself.
	results func(fn *types.Func) []labelID
	implied typeutil.Map // types.Type -> []labelID
	sets    typeutil.Map // types.Type -> set, shared and read-only
	msets   typeutil.Map // types.Type -> *types.MethodSet
	fmts    typeutil.Map // types.Type -> map[string]string, see fmtFields
}

// fmtFields is fmtFields(t), computed once per type.
func (ts *typeSources) fmtFields(t types.Type) map[string]string {
	if v := ts.fmts.At(t); v != nil {
		return v.(map[string]string)
	}
	f := fmtFields(t)
	ts.fmts.Set(t, f)
	return f
}

// of returns the sources a value of type t shows by its type alone when
// it is printed (see collect): its PII fields and PII named types, as far
// as fmt renders them.
func (ts *typeSources) of(t types.Type) []labelID {
	if v := ts.implied.At(t); v != nil {
		return v.([]labelID)
	}
	var ids []labelID
	ts.collect(t, make(map[*types.TypeName]bool), "", &ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	ts.implied.Set(t, ids)
	return ids
}

// collect appends the sources a value of type t shows when a sink renders
// it. A type implies only what its rendering shows, not everything it can
// reach: a *Manager that holds a chan Subscriber, a logger and a cache
// does not show subscribers when it is printed, passed or stored.
//
// Without an encoding key the rendering is fmt's (%v, %+v, a logger's
// message arguments): a top-level pointer is followed to its value; below
// the top level, pointers, channels, functions and interfaces print as
// addresses or their dynamic value the type does not tell, so they are
// not followed; struct fields, arrays and slices of values are. Maps are
// followed at the top level only: a map inside a struct is the struct's
// state (a cache, an index), not what a value of that type is.
//
// With an encoding key ("json", "csv") the rendering is a reflection-based
// encoder's: pointers and maps are followed at any depth, channels and
// functions never (an encoder cannot write them), and only exported (or
// embedded) fields not tagged `<key>:"-"` count, with what the type's
// marshalling method returns where it has one.
func (ts *typeSources) collect(t types.Type, seen map[*types.TypeName]bool, key string, ids *[]labelID) {
	ts.render(t, seen, key, false, ids)
}

// render is collect at a nesting level: nested is true below the top
// level of the value.
func (ts *typeSources) render(t types.Type, seen map[*types.TypeName]bool, key string, nested bool, ids *[]labelID) {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		if seen[obj] {
			return
		}
		seen[obj] = true
		if src := ts.oracle.Type(obj); src != nil {
			*ids = append(*ids, ts.labels.source(src))
		}
		for _, name := range marshalers[key] {
			if m := methodOf(t, name); m != nil {
				*ids = append(*ids, ts.results(m)...)
				return
			}
		}
		ts.render(t.Underlying(), seen, key, nested, ids)
	case *types.Pointer:
		if key != "" || !nested {
			ts.render(t.Elem(), seen, key, true, ids)
		}
	case *types.Slice:
		ts.render(t.Elem(), seen, key, true, ids)
	case *types.Array:
		ts.render(t.Elem(), seen, key, true, ids)
	case *types.Map:
		if key != "" || !nested {
			ts.render(t.Key(), seen, key, true, ids)
			ts.render(t.Elem(), seen, key, true, ids)
		}
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			src, notPII := ts.oracle.Field(f.Origin())
			if notPII {
				continue
			}
			if key != "" && (!f.Exported() && !f.Embedded() || omitted(t.Tag(i), key)) {
				continue
			}
			// A field whose type encodes itself shows what its method
			// returns, not its own value.
			if src != nil && (key == "" || !marshals(f.Type(), key)) {
				*ids = append(*ids, ts.labels.source(src))
			}
			if m := fmtMethod(f); key == "" && m != nil {
				// fmt prints an exported field with its String or
				// GoString method (rest.Config's TLSClientConfig).
				*ids = append(*ids, ts.results(m)...)
				continue
			}
			ts.render(f.Type(), seen, key, true, ids)
		}
	}
}

// fmtMethods are the methods fmt prints a value with, in the order it
// looks for them (%#v takes GoString, the other verbs String or Error).
var fmtMethods = []string{"Format", "GoString", "Error", "String"}

// fmtMethod is the method fmt prints field f's value with: fmt calls
// methods on exported fields only (an unexported one is printed raw).
func fmtMethod(f *types.Var) *types.Func {
	if !f.Exported() {
		return nil
	}
	for _, name := range fmtMethods {
		if m := methodOf(f.Type(), name); m != nil {
			return m
		}
	}
	return nil
}

// fmtFields are the fields (".TLS") of the struct t is or points to that
// fmt prints with their own methods, each with the Source.Key prefix of
// its type's fields ("example.com/kube.TLSClientConfig."), or nil.
func fmtFields(t types.Type) map[string]string {
	st := ssax.StructOf(t)
	if st == nil {
		return nil
	}
	var out map[string]string
	for i := 0; i < st.NumFields(); i++ {
		if f := st.Field(i); fmtMethod(f) != nil {
			if out == nil {
				out = make(map[string]string)
			}
			prefix := ""
			if n, ok := types.Unalias(deref(f.Type())).(*types.Named); ok && n.Obj().Pkg() != nil {
				prefix = n.Obj().Pkg().Path() + "." + n.Obj().Name() + "."
			}
			out["."+f.Name()] = prefix
		}
	}
	return out
}

// marshals reports whether values of t encode themselves under key.
func marshals(t types.Type, key string) bool {
	for _, name := range marshalers[key] {
		if methodOf(t, name) != nil {
			return true
		}
	}
	return false
}

// omitted reports whether a struct tag leaves its field out of the
// encoding key: `json:"-"`, `csv:"-"`.
func omitted(tag, key string) bool {
	v, ok := reflect.StructTag(tag).Lookup(key)
	return ok && v == "-"
}

func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	m, _ := obj.(*types.Func)
	return m
}

// boxed is what a value shows once converted to an interface, which is how
// it reaches printers, loggers and encoders: a type with a formatting
// method (String, Error, LogValue, MarshalJSON...) shows what that method
// returns, not its fields.
func (e *engine) boxed(x ssa.Value) set {
	w := e.vs.whole(x)
	var ms []*types.Func
	mset := e.types.methodSet(x.Type())
	for _, name := range formatters {
		if sel := mset.Lookup(nil, name); sel != nil {
			if m, ok := sel.Obj().(*types.Func); ok {
				ms = append(ms, m)
			}
		}
	}
	if len(ms) == 0 {
		return e.boxedFields(x, w)
	}
	var out set
	for _, m := range ms {
		sum := e.summaryOf(m)
		if sum == nil {
			// Unknown method: its receiver may show, its type's fields do
			// not.
			union(&out, minus(w, e.types.of(x.Type())))
			continue
		}
		if len(sum.Results) > 0 {
			union(&out, labelSet(e.sourceIDs(sum.Results[0])))
		}
		for _, f := range sum.Flows {
			if f.Param == 0 && f.Result == 0 {
				union(&out, e.vs.resolve(x, f.Path))
			}
		}
		// What the method writes into an encoder it is given
		// (MarshalLogObject(enc)) is shown too.
		for _, ef := range sum.Effects {
			if ef.Param == 0 && ef.Into > 0 {
				union(&out, e.vs.resolve(x, ef.Path))
			}
		}
	}
	return out
}

// boxedFields is what a struct (or a pointer to one) without a formatting
// method shows when printed, w being all it holds: fmt prints a field
// whose type has a formatting method (String, GoString) with that method,
// so what was stored under such a field shows only as far as the method
// shows it (a Kubernetes rest.Config prints its TLSClientConfig with the
// key redacted).
func (e *engine) boxedFields(x ssa.Value, w set) set {
	skip := e.types.fmtFields(x.Type())
	if skip == nil {
		return w
	}
	out := e.vs.wholeBut(x, skip)
	st := ssax.StructOf(x.Type())
	for i := 0; i < st.NumFields(); i++ {
		f := st.Field(i)
		m := fmtMethod(f)
		if m == nil {
			continue
		}
		sum := e.summaryOf(m)
		if sum == nil {
			continue
		}
		if len(sum.Results) > 0 {
			union(&out, labelSet(e.sourceIDs(sum.Results[0])))
		}
		for _, fl := range sum.Flows {
			if fl.Param == 0 && fl.Result == 0 {
				union(&out, e.vs.resolve(x, "."+f.Name()+fl.Path))
			}
		}
	}
	return out
}

func (ts *typeSources) methodSet(t types.Type) *types.MethodSet {
	if v := ts.msets.At(t); v != nil {
		return v.(*types.MethodSet)
	}
	ms := types.NewMethodSet(t)
	ts.msets.Set(t, ms)
	return ms
}

// summaryOf returns the summary of fn, computed here or imported.
func (e *engine) summaryOf(fn *types.Func) *Summary {
	if f := e.byObj[fn.Origin()]; f != nil {
		e.sched.readSummary(f)
		return e.summaries[f]
	}
	return e.Oracle.Summary(fn.Origin())
}

func (e *engine) sourceIDs(srcs []Source) []labelID {
	var ids []labelID
	for i := range srcs {
		src := srcs[i]
		ids = append(ids, e.labels.source(&src))
	}
	return ids
}

// resultSources returns the sources the first result of fn carries
// according to its summary.
func (e *engine) resultSources(fn *types.Func) []labelID {
	sum := e.summaryOf(fn)
	if sum == nil || len(sum.Results) == 0 {
		return nil
	}
	return e.sourceIDs(sum.Results[0])
}
