package taint

import (
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

// impliedOf returns the sources a value of type t holds by its type alone:
// its PII fields at any depth and PII named types.
func (e *engine) impliedOf(t types.Type) []labelID {
	if v := e.implied.At(t); v != nil {
		return v.([]labelID)
	}
	var ids []labelID
	e.collect(t, make(map[*types.TypeName]bool), false, &ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	e.implied.Set(t, ids)
	return ids
}

// collect appends the sources held by type t. In json mode it follows what
// encoding/json writes: exported fields not tagged json:"-", and the
// MarshalJSON method where there is one.
func (e *engine) collect(t types.Type, seen map[*types.TypeName]bool, json bool, ids *[]labelID) {
	t = types.Unalias(t)
	switch t := t.(type) {
	case *types.Named:
		obj := t.Origin().Obj()
		if seen[obj] {
			return
		}
		seen[obj] = true
		if src := e.Oracle.Type(obj); src != nil {
			*ids = append(*ids, e.sourceLabel(src))
		}
		if json {
			if m := methodOf(t, "MarshalJSON"); m != nil {
				*ids = append(*ids, e.resultSources(m)...)
				return
			}
		}
		e.collect(t.Underlying(), seen, json, ids)
	case *types.Pointer:
		e.collect(t.Elem(), seen, json, ids)
	case *types.Slice:
		e.collect(t.Elem(), seen, json, ids)
	case *types.Array:
		e.collect(t.Elem(), seen, json, ids)
	case *types.Chan:
		e.collect(t.Elem(), seen, json, ids)
	case *types.Map:
		e.collect(t.Key(), seen, json, ids)
		e.collect(t.Elem(), seen, json, ids)
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			f := t.Field(i)
			src, notPII := e.Oracle.Field(f.Origin())
			if notPII {
				continue
			}
			if json && (!f.Exported() && !f.Embedded() || jsonOmitted(t.Tag(i))) {
				continue
			}
			if src != nil {
				*ids = append(*ids, e.sourceLabel(src))
			}
			e.collect(f.Type(), seen, json, ids)
		}
	}
}

func jsonOmitted(tag string) bool {
	v, ok := reflect.StructTag(tag).Lookup("json")
	return ok && v == "-"
}

func methodOf(t types.Type, name string) *types.Func {
	obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name)
	m, _ := obj.(*types.Func)
	return m
}

// formatters are the methods a printer or encoder calls instead of
// looking at a value's fields.
var formatters = []string{"String", "Error", "Format", "GoString", "LogValue", "MarshalLogObject", "MarshalJSON", "MarshalText"}

// boxed is what a value shows once converted to an interface, which is how
// it reaches printers, loggers and encoders: a type with a formatting
// method (String, Error, LogValue, MarshalJSON...) shows what that method
// returns, not its fields.
func (e *engine) boxed(x ssa.Value) set {
	w := e.whole(x)
	var ms []*types.Func
	mset := e.methodSet(x.Type())
	for _, name := range formatters {
		if sel := mset.Lookup(nil, name); sel != nil {
			if m, ok := sel.Obj().(*types.Func); ok {
				ms = append(ms, m)
			}
		}
	}
	if len(ms) == 0 {
		return w
	}
	var out set
	for _, m := range ms {
		sum := e.summaryOf(m)
		if sum == nil {
			// Unknown method: its receiver may show, its type's fields do
			// not.
			union(&out, minus(w, e.impliedOf(x.Type())))
			continue
		}
		if len(sum.Results) > 0 {
			union(&out, e.labelSet(e.sourceIDs(sum.Results[0])))
		}
		for _, f := range sum.Flows {
			if f.Param == 0 && f.Result == 0 {
				union(&out, e.resolve(x, f.Path))
			}
		}
		// What the method writes into an encoder it is given
		// (MarshalLogObject(enc)) is shown too.
		for _, ef := range sum.Effects {
			if ef.Param == 0 && ef.Into > 0 {
				union(&out, e.resolve(x, ef.Path))
			}
		}
	}
	return out
}

func (e *engine) methodSet(t types.Type) *types.MethodSet {
	if v := e.msets.At(t); v != nil {
		return v.(*types.MethodSet)
	}
	ms := types.NewMethodSet(t)
	e.msets.Set(t, ms)
	return ms
}

// summaryOf returns the summary of fn, computed here or imported.
func (e *engine) summaryOf(fn *types.Func) *Summary {
	if f := e.byObj[fn.Origin()]; f != nil {
		e.readSummary(f)
		return e.summaries[f]
	}
	return e.Oracle.Summary(fn.Origin())
}

func (e *engine) sourceIDs(srcs []Source) []labelID {
	var ids []labelID
	for i := range srcs {
		src := srcs[i]
		ids = append(ids, e.sourceLabel(&src))
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

// model handles library functions whose flow the engine knows better than
// the default rule. It reports whether it handled the call.
func (e *engine) model(obj *types.Func, args []arg, call *ssa.Call) bool {
	switch sinks.Key(obj) {
	case "encoding/json.Marshal", "encoding/json.MarshalIndent":
		if len(args) > 0 && call != nil {
			e.setResult(call, 0, e.jsonTaint(args[0].val))
		}
		return true
	case "(*encoding/json.Encoder).Encode":
		if len(args) == 2 {
			e.store(args[0].val, e.jsonTaint(args[1].val))
		}
		return true
	}
	return false
}

// jsonTaint is what encoding/json writes of v.
func (e *engine) jsonTaint(v ssa.Value) set {
	mi, ok := v.(*ssa.MakeInterface)
	if !ok {
		return e.whole(v)
	}
	x := mi.X
	var out set
	union(&out, e.explicit(x))
	if isRef(x.Type()) {
		union(&out, e.load(x))
	}
	var ids []labelID
	e.collect(x.Type(), make(map[*types.TypeName]bool), true, &ids)
	union(&out, e.labelSet(ids))
	return out
}
