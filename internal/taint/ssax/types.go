package ssax

import (
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Under is t's underlying type, seen through type parameters: for a type
// parameter it is the core type of its constraint (the underlying type
// every type in its type set shares, as in ~map[K]V or ~chan E), and the
// constraint's interface when there is none. Code of generic function
// bodies meets type parameters wherever it meets a map, a channel, a
// pointer or a slice; every structural question the engine asks goes
// through Under.
func Under(t types.Type) types.Type {
	tp, ok := types.Unalias(t).(*types.TypeParam)
	if !ok {
		return t.Underlying()
	}
	iface, _ := tp.Constraint().Underlying().(*types.Interface)
	if iface == nil {
		return tp.Underlying()
	}
	if c := coreOf(iface, make(map[*types.Interface]bool)); c != nil {
		return c
	}
	return iface
}

// coreOf is the single underlying type of the terms of iface's type set,
// or nil when they differ or the set is not restricted by terms. Channel
// terms of different directions share the bidirectional form's element,
// which is all the engine reads from them.
func coreOf(iface *types.Interface, seen map[*types.Interface]bool) types.Type {
	if seen[iface] {
		return nil
	}
	seen[iface] = true
	var core types.Type
	agree := func(t types.Type) bool {
		if t == nil {
			return false
		}
		if core == nil {
			core = t
			return true
		}
		if types.Identical(core, t) {
			return true
		}
		c1, ok1 := core.(*types.Chan)
		c2, ok2 := t.(*types.Chan)
		return ok1 && ok2 && types.Identical(c1.Elem(), c2.Elem())
	}
	for i := 0; i < iface.NumEmbeddeds(); i++ {
		switch e := iface.EmbeddedType(i).(type) {
		case *types.Union:
			for j := 0; j < e.Len(); j++ {
				if !agree(Under(e.Term(j).Type())) {
					return nil
				}
			}
		default:
			u := Under(e)
			if in, ok := u.(*types.Interface); ok {
				c := coreOf(in, seen)
				if c == nil {
					// A method-only interface embedded beside terms
					// does not restrict the underlying type.
					if in.IsMethodSet() {
						continue
					}
					return nil
				}
				u = c
			}
			if !agree(u) {
				return nil
			}
		}
	}
	return core
}

// Pointee is the element type of a pointer (or of a type parameter whose
// core type is a pointer), and nil for anything else.
func Pointee(t types.Type) types.Type {
	if p, ok := Under(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return nil
}

// StructOf is the struct type t is, or points to, and nil otherwise.
func StructOf(t types.Type) *types.Struct {
	if p := Pointee(t); p != nil {
		t = p
	}
	s, _ := Under(t).(*types.Struct)
	return s
}

// FieldName is the name of field i of the struct t is or points to, and
// "?" when there is no such field.
func FieldName(t types.Type, i int) string {
	if s := StructOf(t); s != nil && i < s.NumFields() {
		return s.Field(i).Name()
	}
	return "?"
}

// IsNamed reports whether t is the named type pkg.name or a pointer to it.
func IsNamed(t types.Type, pkg, name string) bool {
	if p := Pointee(t); p != nil {
		t = p
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// FieldVar is the field fa is the address of, or nil.
func FieldVar(fa *ssa.FieldAddr) *types.Var {
	st, ok := Under(Pointee(fa.X.Type())).(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	return st.Field(fa.Field)
}
