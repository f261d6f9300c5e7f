package taint

import (
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// slogRedaction is what a package's slog handlers redact: the keys a
// function given as slog.HandlerOptions.ReplaceAttr compares the
// attribute's key with (if a.Key == "email" { return slog.String(a.Key,
// "***") }, a switch on a.Key). slog calls ReplaceAttr on every attribute,
// inside groups too, before it is written, so in that package the value
// of an attribute under such a key (slog.String("email", v), the value
// after "email" in a call's key-value pairs) is not output.
//
// The handler is judged by the package that configures it: a handler
// configured in main does not redact the logs of the packages main
// imports (facts flow from dependencies to importers, not back).
type slogRedaction map[string]bool

// replaceAttrField is the field of slog.HandlerOptions that rewrites
// attributes.
const replaceAttrField = "ReplaceAttr"

// newSlogRedaction finds the ReplaceAttr functions stored by funcs and the
// keys they compare.
func newSlogRedaction(funcs []*ssa.Function) slogRedaction {
	var r slogRedaction
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				st, ok := in.(*ssa.Store)
				if !ok || !isReplaceAttr(st.Addr) {
					continue
				}
				var f *ssa.Function
				switch v := st.Val.(type) {
				case *ssa.Function:
					f = v
				case *ssa.MakeClosure:
					f, _ = v.Fn.(*ssa.Function)
				}
				if f == nil {
					continue
				}
				for _, k := range comparedKeys(f) {
					if r == nil {
						r = make(slogRedaction)
					}
					r[k] = true
				}
			}
		}
	}
	return r
}

// isReplaceAttr reports whether addr is the address of the ReplaceAttr
// field of a slog.HandlerOptions.
func isReplaceAttr(addr ssa.Value) bool {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok || !isSlogType(deref(fa.X.Type()), "HandlerOptions") {
		return false
	}
	st, ok := deref(fa.X.Type()).Underlying().(*types.Struct)
	return ok && fa.Field < st.NumFields() && st.Field(fa.Field).Name() == replaceAttrField
}

func isSlogType(t types.Type, name string) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "log/slog" && n.Obj().Name() == name
}

// comparedKeys are the constant strings f compares an attribute's Key
// with.
func comparedKeys(f *ssa.Function) []string {
	var keys []string
	for _, b := range f.Blocks {
		for _, in := range b.Instrs {
			bin, ok := in.(*ssa.BinOp)
			if !ok || bin.Op != token.EQL && bin.Op != token.NEQ {
				continue
			}
			for _, pair := range [][2]ssa.Value{{bin.X, bin.Y}, {bin.Y, bin.X}} {
				c, ok := pair[1].(*ssa.Const)
				if ok && c.Value != nil && c.Value.Kind() == constant.String && isAttrKey(pair[0]) {
					keys = append(keys, constant.StringVal(c.Value))
				}
			}
		}
	}
	return keys
}

// isAttrKey reports whether v is the Key of a slog.Attr: a.Key of a value
// or of a pointer.
func isAttrKey(v ssa.Value) bool {
	switch v := v.(type) {
	case *ssa.Field:
		return v.Field == 0 && isSlogType(v.X.Type(), "Attr")
	case *ssa.UnOp:
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			return fa.Field == 0 && isSlogType(deref(fa.X.Type()), "Attr")
		}
	}
	return false
}

// redactsKey reports whether v is a constant key the package's handlers
// redact.
func (r slogRedaction) redactsKey(v ssa.Value) bool {
	if len(r) == 0 {
		return false
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.Kind() == constant.String && r[constant.StringVal(c.Value)]
}

// redactsPair reports whether key, an element of the key-value list of
// call c, is a redacted key and c a slog call: the value after it is not
// output.
func (r slogRedaction) redactsPair(c *ssa.CallCommon, key ssa.Value) bool {
	if len(r) == 0 || !r.redactsKey(key) {
		return false
	}
	var pkg *types.Package
	if c.IsInvoke() {
		pkg = c.Method.Pkg()
	} else if f := c.StaticCallee(); f != nil && f.Object() != nil {
		pkg = f.Object().Pkg()
	}
	return pkg != nil && pkg.Path() == "log/slog"
}

// attrConstructors are the slog functions whose first argument is the
// attribute's key and whose result is the attribute.
var attrConstructors = map[string]bool{
	"log/slog.String": true, "log/slog.Any": true, "log/slog.Group": true,
}

// ruleRedactedAttr: an attribute built under a key the package's
// handlers redact carries nothing.
func (k *callSite) ruleRedactedAttr() bool {
	if k.obj == nil || len(k.e.redaction) == 0 || !attrConstructors[k.obj.FullName()] || len(k.c.Args) == 0 {
		return false
	}
	return k.e.redaction.redactsKey(k.c.Args[0])
}
