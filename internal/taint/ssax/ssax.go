// Package ssax holds the small queries on SSA values and Go types that the
// flow engine (package taint) and its channel rules (package origin)
// share: core types seen through type parameters, named types, struct
// fields, constants, and the callee, arguments and results of calls. It
// knows no library and keeps no state.
package ssax

import (
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// Unwrap returns v without the conversions that keep its identity: to an
// interface, between interfaces, between types of the same underlying
// type.
func Unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// CalleeObj returns the function a call statically reaches (the generic
// origin for instantiations) and its SSA function when known; for an
// interface method call, the method and nil.
func CalleeObj(c *ssa.CallCommon) (*types.Func, *ssa.Function) {
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

// CallArgs are a call's arguments, receiver first.
func CallArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// ResultOf returns the call whose result, or first result, v is, through
// Unwrap.
func ResultOf(v ssa.Value) *ssa.Call {
	switch v := Unwrap(v).(type) {
	case *ssa.Call:
		return v
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return call
		}
	}
	return nil
}

// ConstString returns the string constant v is, through Unwrap; ok is
// false for nil and for anything else.
func ConstString(v ssa.Value) (s string, ok bool) {
	if v == nil {
		return "", false
	}
	k, ok := Unwrap(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}
