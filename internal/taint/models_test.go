package taint

import (
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/stdlib"
)

// TestModelTables checks that every name in the library tables of
// models.go is a function or type of the real library, and that the
// parameters errorInputs names exist: a misspelt key would silently make
// the rule apply to nothing.
func TestModelTables(t *testing.T) {
	funcs := map[string][]int{}
	for k, ps := range errorInputs {
		funcs[k] = ps
	}
	for k := range models {
		funcs[k] = nil
	}
	pkgPaths := map[string]bool{}
	for k := range funcs {
		pkgPaths[pkgOfKey(k)] = true
	}
	for k := range typeDescriptors {
		pkgPaths[k[:strings.LastIndex(k, ".")]] = true
	}
	// The standard library from this module; third-party packages from
	// the sinks table's pinned module.
	byDir := map[string][]string{}
	for p := range pkgPaths {
		dir := ""
		if stdlib.InModule(p) {
			dir = filepath.Join("..", "sinks", "testdata", "thirdparty")
		}
		byDir[dir] = append(byDir[dir], p)
	}
	var pkgs []*packages.Package
	for dir, paths := range byDir {
		sort.Strings(paths)
		loaded, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName, Dir: dir}, paths...)
		if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, loaded...)
	}
	found := map[string]*types.Func{}
	named := map[string]bool{}
	for _, p := range pkgs {
		scope := p.Types.Scope()
		for _, name := range scope.Names() {
			obj := scope.Lookup(name)
			if fn, ok := obj.(*types.Func); ok {
				found[sinks.Key(fn)] = fn
			}
			tn, ok := obj.(*types.TypeName)
			if !ok {
				continue
			}
			named[p.PkgPath+"."+name] = true
			for _, recv := range []types.Type{tn.Type(), types.NewPointer(tn.Type())} {
				ms := types.NewMethodSet(recv)
				for i := range ms.Len() {
					if fn, ok := ms.At(i).Obj().(*types.Func); ok {
						found[sinks.Key(fn)] = fn
					}
				}
			}
		}
	}
	for k, ps := range funcs {
		fn, ok := found[k]
		if !ok {
			t.Errorf("%s: no such function", k)
			continue
		}
		sig := fn.Signature()
		n := sig.Params().Len()
		if sig.Recv() != nil {
			n++
		}
		for _, p := range ps {
			if p != -1 && (p < 0 || p >= n) {
				t.Errorf("%s: no parameter %d", k, p)
			}
		}
	}
	for k := range typeDescriptors {
		if !named[k] {
			t.Errorf("%s: no such type", k)
		}
	}
}

// pkgOfKey is the package path of a full function name:
// "(*net/url.URL).Parse" → "net/url", "os.Open" → "os".
func pkgOfKey(k string) string {
	k = strings.TrimLeft(k, "(*")
	if i := strings.Index(k, ")"); i >= 0 {
		k = k[:i]
	}
	return k[:strings.LastIndex(k, ".")]
}
