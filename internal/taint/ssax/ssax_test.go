package ssax

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"
)

const src = `package p

type S struct{ A, B int }
type P = *S
type I interface{ M() (int, error) }

func Map[M ~map[K]V, K comparable, V any](m M)        {}
func Chans[C ~chan int | ~<-chan int](c C)             {}
func Mixed[T ~[]int | ~[]string](t T)                  {}
func Methods[T interface{ ~*S; String() string }](t T) {}
func Free[T any](t T)                                  {}

func two() (int, error) { return 0, nil }

func use(x any) {}

func f(i I, fv func()) {
	Free(1)
	fv()
	use("text")
	use(i)
	n, _ := two()
	use(n)
	i.M()
}
`

// build type-checks and builds src into SSA.
func build(t *testing.T) (*types.Package, *ssa.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	pkg, _, err := ssautil.BuildPackage(&types.Config{}, fset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return pkg.Pkg, pkg
}

// param is the type of the first parameter of function name.
func param(pkg *types.Package, name string) types.Type {
	return pkg.Scope().Lookup(name).Type().(*types.Signature).Params().At(0).Type()
}

func TestUnder(t *testing.T) {
	pkg, _ := build(t)
	for _, tc := range []struct {
		fn, want string
	}{
		{"Map", "map[K]V"},
		{"Chans", "chan int"},
		{"Mixed", "~[]int | ~[]string"},
		{"Methods", "*p.S"},
		{"Free", "any"},
		{"use", "any"},
	} {
		if got := types.TypeString(Under(param(pkg, tc.fn)), nil); got != tc.want {
			t.Errorf("Under(%s's parameter) = %s, want %s", tc.fn, got, tc.want)
		}
	}
}

func TestTypes(t *testing.T) {
	pkg, _ := build(t)
	s := pkg.Scope().Lookup("S").Type()
	p := pkg.Scope().Lookup("P").Type()
	if Pointee(p) != s || Pointee(s) != nil {
		t.Errorf("Pointee(P) = %v, Pointee(S) = %v", Pointee(p), Pointee(s))
	}
	if StructOf(p) == nil || StructOf(types.Typ[types.Int]) != nil {
		t.Error("StructOf: want the struct of *S and nothing for int")
	}
	if FieldName(p, 1) != "B" || FieldName(s, 2) != "?" || FieldName(types.Typ[types.Int], 0) != "?" {
		t.Errorf("FieldName: got %q, %q, %q", FieldName(p, 1), FieldName(s, 2), FieldName(types.Typ[types.Int], 0))
	}
	if !IsNamed(p, "p", "S") || !IsNamed(s, "p", "S") || IsNamed(s, "q", "S") || IsNamed(types.Typ[types.Int], "", "int") {
		t.Error("IsNamed: want p.S and *p.S only")
	}
}

func TestValues(t *testing.T) {
	_, pkg := build(t)
	fn := pkg.Func("f")
	var used []ssa.Value
	var invoke *ssa.CallCommon
	for _, b := range fn.Blocks {
		for _, in := range b.Instrs {
			call, ok := in.(*ssa.Call)
			if !ok {
				continue
			}
			obj, callee := CalleeObj(&call.Call)
			switch {
			case call.Call.IsInvoke():
				invoke = &call.Call
			case obj == nil:
				if callee != nil {
					t.Errorf("CalleeObj(fv()) = nil, %v", callee)
				}
			case obj.Name() == "Free":
				if callee == nil || callee.Origin() != nil {
					t.Errorf("CalleeObj(Free(1)): SSA function %v, want the generic origin", callee)
				}
			case obj.Name() == "use":
				used = append(used, call.Call.Args[0])
			}
		}
	}
	if len(used) != 3 || invoke == nil {
		t.Fatalf("found %d uses and invoke %v", len(used), invoke)
	}
	if s, ok := ConstString(used[0]); !ok || s != "text" {
		t.Errorf("ConstString(use's first argument) = %q, %v", s, ok)
	}
	if _, ok := ConstString(used[1]); ok {
		t.Error("ConstString(an interface parameter): want no constant")
	}
	if _, ok := ConstString(nil); ok {
		t.Error("ConstString(nil): want no constant")
	}
	if _, ok := Unwrap(used[1]).(*ssa.Parameter); !ok {
		t.Errorf("Unwrap(use(i)) = %v, want the parameter", Unwrap(used[1]))
	}
	if call := ResultOf(used[2]); call == nil {
		t.Error("ResultOf(n from two()): want the call")
	} else if obj, _ := CalleeObj(&call.Call); obj == nil || obj.Name() != "two" {
		t.Errorf("ResultOf(n) calls %v, want two", obj)
	}
	if ResultOf(used[1]) != nil {
		t.Error("ResultOf(a parameter): want nil")
	}
	if obj, fn := CalleeObj(invoke); obj == nil || obj.Name() != "M" || fn != nil {
		t.Errorf("CalleeObj(i.M()) = %v, %v", obj, fn)
	}
	if args := CallArgs(invoke); len(args) != 1 || args[0] != invoke.Value {
		t.Errorf("CallArgs(i.M()) = %v, want the receiver", args)
	}
}
