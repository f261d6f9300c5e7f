package taint

import (
	"go/types"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/stdlib"
	"github.com/piilint/piilint/internal/taint/origin"
)

// TestOriginRulesKeys checks that every key of the library tables of the
// engine (models, keyedHashes) and of package origin (origin.Keys: its
// rules, plain wrappers, URL and request functions, gRPC options and the
// functions it names) names a real function or method: a misspelt key is
// a rule that never applies. The
// standard library loads from this module, the other libraries from the
// sinks table's pinned module (internal/sinks/testdata/thirdparty).
func TestOriginRulesKeys(t *testing.T) {
	type name struct{ pkg, recv, method string }
	parse := func(key string) name {
		if rest, ok := strings.CutPrefix(key, "("); ok {
			recv, method, _ := strings.Cut(rest, ").")
			recv = strings.TrimPrefix(recv, "*")
			i := strings.LastIndex(recv, ".")
			return name{recv[:i], recv[i+1:], method}
		}
		i := strings.LastIndex(key, ".")
		return name{key[:i], "", key[i+1:]}
	}
	byDir := map[string][]string{}
	keys := origin.Keys()
	for k := range models {
		keys = append(keys, k)
	}
	for k := range keyedHashes {
		keys = append(keys, k[0]+"."+k[1])
	}
	slices.Sort(keys)
	for _, k := range keys {
		p := parse(k).pkg
		dir := ""
		if stdlib.InModule(p) {
			dir = filepath.Join("..", "sinks", "testdata", "thirdparty")
		}
		if !slices.Contains(byDir[dir], p) {
			byDir[dir] = append(byDir[dir], p)
		}
	}
	funcs := map[string]bool{}
	for dir, paths := range byDir {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName, Dir: dir}, paths...)
		if err != nil {
			t.Fatal(err)
		}
		for _, pkg := range pkgs {
			if len(pkg.Errors) > 0 || pkg.Types == nil {
				t.Fatalf("loading %s: %v", pkg.PkgPath, pkg.Errors)
			}
			scope := pkg.Types.Scope()
			for _, n := range scope.Names() {
				switch obj := scope.Lookup(n).(type) {
				case *types.Func:
					funcs[sinks.Key(obj)] = true
				case *types.TypeName:
					for _, recv := range []types.Type{obj.Type(), types.NewPointer(obj.Type())} {
						ms := types.NewMethodSet(recv)
						for m := range ms.Methods() {
							if f, ok := m.Obj().(*types.Func); ok {
								funcs[sinks.Key(f)] = true
							}
						}
					}
				}
			}
		}
	}
	if len(funcs) == 0 {
		t.Fatal("no function loaded")
	}
	for _, k := range keys {
		if !funcs[k] {
			t.Errorf("%q: no such function or method", k)
		}
	}
}
