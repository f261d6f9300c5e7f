package taint

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/taint/ssax"
)

// sanitizedCopy finds the redaction of a copy made by a helper or built
// field by field: v is a struct literal built here, or the object a call
// returns (through conversions: Kubernetes' cc :=
// sanitizedConfig(CopyConfig(c))), and some of its fields are then
// overwritten with constants whenever they hold something
// (if cc.BearerToken != "" { cc.BearerToken = "--- REDACTED ---" }).
// Those fields show nothing of what was copied into them. st is the
// struct's type; red the redacted fields, nil when there are none.
func (vs *values) sanitizedCopy(v ssa.Value) (*types.Struct, map[int]bool) {
	root, start := copyRoot(v)
	if root == nil {
		return nil, nil
	}
	if red, ok := vs.copies[root]; ok {
		return ssax.StructOf(root.Type()), red
	}
	var red map[int]bool
	consts := make(map[int][]*ssa.Store)
	others := make(map[int][]*ssa.Store)
	views := viewsOf(root)
	for _, view := range views {
		for _, r := range *view.Referrers() {
			fa, ok := r.(*ssa.FieldAddr)
			if !ok || fa.X != view {
				continue
			}
			for _, u := range *fa.Referrers() {
				st, ok := u.(*ssa.Store)
				if !ok || st.Addr != fa {
					continue
				}
				if isConstant(st.Val) {
					consts[fa.Field] = append(consts[fa.Field], st)
				} else {
					others[fa.Field] = append(others[fa.Field], st)
				}
			}
		}
	}
	for f, cs := range consts {
		ok := true
		for _, c := range cs {
			ok = ok && (start == nil || after(start, c)) && guarded(c, views, f)
			for _, o := range others[f] {
				ok = ok && after(o, c)
			}
		}
		if ok {
			if red == nil {
				red = make(map[int]bool)
			}
			red[f] = true
		}
	}
	vs.copies[root] = red
	return ssax.StructOf(root.Type()), red
}

// copyRoot is the object v is a view of, when it is a struct literal built
// here (start nil: its fields' first stores are its making) or the
// pointer to a struct a call returns (start is the call).
func copyRoot(v ssa.Value) (root ssa.Value, start ssa.Instruction) {
	for {
		if ct, ok := v.(*ssa.ChangeType); ok {
			v = ct.X
		} else if mi, ok := v.(*ssa.MakeInterface); ok {
			v = mi.X
		} else {
			break
		}
	}
	if ld, ok := v.(*ssa.UnOp); ok && ld.Op == token.MUL {
		v = ld.X
	}
	switch v := v.(type) {
	case *ssa.Alloc:
		if ssax.StructOf(v.Type()) != nil {
			return v, nil
		}
	case *ssa.Call:
		if _, ok := types.Unalias(v.Type()).(*types.Pointer); ok && ssax.StructOf(v.Type()) != nil {
			return v, v
		}
	}
	return nil, nil
}

// viewsOf are root and the conversions of it (sanitizedConfig(c)).
func viewsOf(root ssa.Value) []ssa.Value {
	views := []ssa.Value{root}
	for i := 0; i < len(views); i++ {
		for _, r := range *views[i].Referrers() {
			if ct, ok := r.(*ssa.ChangeType); ok && ct.X == views[i] {
				views = append(views, ct)
			}
		}
	}
	return views
}

// isConstant reports whether v is a constant or a conversion of one
// ([]byte("--- REDACTED ---")).
func isConstant(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Const:
		return true
	case *ssa.Convert:
		return isConstant(v.X)
	case *ssa.ChangeType:
		return isConstant(v.X)
	}
	return false
}

// after reports whether instruction b comes after a: in a block a's block
// dominates, or later in the same block.
func after(a, b ssa.Instruction) bool {
	ab, bb := a.Block(), b.Block()
	if ab != bb {
		return ab.Dominates(bb)
	}
	for _, in := range ab.Instrs {
		switch in {
		case a:
			return true
		case b:
			return false
		}
	}
	return false
}

// guarded reports whether the constant store st into field f happens
// whenever the field holds something: in the block of the field's making,
// or on the true branch of a test that the field (or its length) is not
// zero.
func guarded(st *ssa.Store, views []ssa.Value, f int) bool {
	b := st.Block()
	idom := b.Idom()
	if idom == nil || len(idom.Instrs) == 0 {
		return false
	}
	for _, v := range views {
		if vb := blockOf(v); vb == b {
			return true
		}
	}
	cond, ok := idom.Instrs[len(idom.Instrs)-1].(*ssa.If)
	if !ok || len(idom.Succs) != 2 || idom.Succs[0] != b {
		return false
	}
	bin, ok := cond.Cond.(*ssa.BinOp)
	if !ok || bin.Op != token.NEQ && bin.Op != token.GTR {
		return false
	}
	return isZero(bin.Y) && readsField(bin.X, views, f) || isZero(bin.X) && readsField(bin.Y, views, f)
}

func blockOf(v ssa.Value) *ssa.BasicBlock {
	if in, ok := v.(ssa.Instruction); ok {
		return in.Block()
	}
	return nil
}

// isZero reports whether v is a constant zero value: "", 0, nil.
func isZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	if !ok {
		return false
	}
	if c.Value == nil {
		return true
	}
	switch c.Value.Kind() {
	case constant.String:
		return constant.StringVal(c.Value) == ""
	case constant.Int:
		return constant.Sign(c.Value) == 0
	}
	return false
}

// readsField reports whether x is field f of one of the views, or its
// length.
func readsField(x ssa.Value, views []ssa.Value, f int) bool {
	if c, ok := x.(*ssa.Call); ok {
		if b, ok := c.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" && len(c.Call.Args) == 1 {
			x = c.Call.Args[0]
		}
	}
	ld, ok := x.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	fa, ok := ld.X.(*ssa.FieldAddr)
	if !ok || fa.Field != f {
		return false
	}
	for _, v := range views {
		if fa.X == v {
			return true
		}
	}
	return false
}

// redactedPath reports whether path (".BearerToken", ".Impersonate.UID")
// starts with a redacted field of st.
func redactedPath(st *types.Struct, red map[int]bool, path string) bool {
	top := topField(path)
	for f := range red {
		if "."+st.Field(f).Name() == top {
			return true
		}
	}
	return false
}
