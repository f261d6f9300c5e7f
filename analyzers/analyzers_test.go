package analyzers_test

import (
	"flag"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piiexport"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
	"github.com/piilint/piilint/analyzers/piitransport"
	"github.com/piilint/piilint/analyzers/piiuntagged"
)

// exported are the Analyzer variables of the analyzer packages, by
// package name. A driver that takes packages rather than a list (Bazel
// nogo) uses these values.
var exported = map[string]*analysis.Analyzer{
	"piifacts":     piifacts.Analyzer,
	"piilog":       piilog.Analyzer,
	"piiexport":    piiexport.Analyzer,
	"piitransport": piitransport.Analyzer,
	"piiuntagged":  piiuntagged.Analyzer,
}

// analyzerPackages returns the names of the packages directly under
// analyzers/ that declare a package-level variable Analyzer.
func analyzerPackages(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() && declaresAnalyzer(t, e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names
}

// declaresAnalyzer reports whether the non-test files of the package in
// dir declare a package-level variable Analyzer, and checks that the
// package is named as its directory.
func declaresAnalyzer(t *testing.T, dir string) bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	fset := token.NewFileSet()
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name != filepath.Base(dir) {
			t.Errorf("%s: package %s, want %s (the directory's name)", file, f.Name.Name, filepath.Base(dir))
		}
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				for _, name := range spec.(*ast.ValueSpec).Names {
					if name.Name == "Analyzer" {
						found = true
					}
				}
			}
		}
	}
	return found
}

// closure returns the analyzers of list and those they require,
// transitively, each once, list first.
func closure(list []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if a == nil || slices.Contains(out, a) {
			return
		}
		out = append(out, a)
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range list {
		visit(a)
	}
	return out
}

// TestAllForDrivers checks what a driver that takes analyzer values (Bazel
// nogo, multichecker, unitchecker) relies on.
func TestAllForDrivers(t *testing.T) {
	all := analyzers.All()
	if err := analysis.Validate(all); err != nil {
		t.Fatalf("analysis.Validate(All()): %v", err)
	}

	// All returns the packages' Analyzer variables, one per analyzer
	// package, and the same values on every call.
	pkgs := analyzerPackages(t)
	if len(pkgs) == 0 {
		t.Fatal("no package under analyzers/ declares Analyzer")
	}
	var names []string
	for i, a := range all {
		names = append(names, a.Name)
		if again := analyzers.All()[i]; again != a {
			t.Errorf("All()[%d] (%s) is a new value on each call", i, a.Name)
		}
		if v, ok := exported[a.Name]; !ok || v != a {
			t.Errorf("All()[%d] is not the Analyzer variable of package %s", i, a.Name)
		}
	}
	// Command() adds piiuntagged, which drivers add by name when they
	// want it (it is off in the command until -piiuntagged).
	cmd := analyzers.Command()
	if !slices.Equal(cmd[:len(all)], all) || len(cmd) != len(all)+1 || cmd[len(all)] != piiuntagged.Analyzer {
		t.Errorf("Command() = %v, want All() and piiuntagged.Analyzer", cmd)
	}
	names = append(names, piiuntagged.Analyzer.Name)
	slices.Sort(names)
	if !slices.Equal(names, pkgs) {
		t.Errorf("Command() has analyzers %v; the packages under analyzers/ that export Analyzer are %v", names, pkgs)
	}
	for name := range exported {
		if !slices.Contains(pkgs, name) {
			t.Errorf("exported lists %s, which is not a package under analyzers/ exporting Analyzer", name)
		}
	}

	seen := make(map[string]*analysis.Analyzer)
	for _, a := range closure(all) {
		// Names are unique: a required analyzer named like a listed one
		// is that very value, so the engine runs once per package.
		if prev, ok := seen[a.Name]; ok && prev != a {
			t.Errorf("two distinct analyzers are named %s", a.Name)
		}
		seen[a.Name] = a
		if !slices.Contains(all, a) {
			t.Errorf("%s is required by an analyzer of All() but is not in the list", a.Name)
		}
		if a.Run == nil {
			t.Errorf("%s: nil Run", a.Name)
		}
		if a.URL == "" {
			t.Errorf("%s: no URL", a.Name)
		}
		for _, f := range a.FactTypes {
			rt := reflect.TypeOf(f)
			if rt == nil || rt.Kind() != reflect.Pointer || reflect.ValueOf(f).IsNil() || rt.Elem().Kind() != reflect.Struct {
				t.Errorf("%s: fact type %T is not a non-nil pointer to a struct", a.Name, f)
			}
		}
		checkFlags(t, a)
	}
	for _, name := range []string{"piilog", "piiexport", "piitransport"} {
		if a := seen[name]; a == nil || len(a.Requires) != 1 || a.Requires[0] != piifacts.Analyzer {
			t.Errorf("%s.Analyzer does not require piifacts.Analyzer itself", name)
		}
	}
}

// checkFlags checks that an analyzer's flags hold their defaults and
// accept them back, as a driver setting flags from configuration does
// (nogo's analyzer_flags call Flags.Set).
func checkFlags(t *testing.T, a *analysis.Analyzer) {
	t.Helper()
	if err := a.Flags.Parse(nil); err != nil {
		t.Errorf("%s: parsing no flags: %v", a.Name, err)
	}
	a.Flags.VisitAll(func(f *flag.Flag) {
		if got := f.Value.String(); got != f.DefValue {
			t.Errorf("%s: flag %s is %q, want its default %q", a.Name, f.Name, got, f.DefValue)
		}
		if f.Usage == "" {
			t.Errorf("%s: flag %s has no usage", a.Name, f.Name)
		}
		if err := a.Flags.Set(f.Name, f.DefValue); err != nil {
			t.Errorf("%s: setting flag %s to its default %q: %v", a.Name, f.Name, f.DefValue, err)
		}
	})
	// piifacts' configuration flag is what nogo's analyzer_flags set.
	if a.Name == "piifacts" {
		if f := a.Flags.Lookup("config"); f == nil || f.DefValue != "" {
			t.Errorf("piifacts.Analyzer has no -config flag defaulting to the built-in configuration")
		}
	}
}

// TestDirectiveNames keeps the analyzer names a //piilint:ignore directive
// may name (piifacts.Analyzers, which cannot import this package) equal to
// the analyzers that exist.
func TestDirectiveNames(t *testing.T) {
	var names []string
	for _, a := range analyzers.Command() {
		names = append(names, a.Name)
	}
	if !slices.Equal(names, piifacts.Analyzers) {
		t.Errorf("piifacts.Analyzers = %q, want the analyzers of Command(): %q", piifacts.Analyzers, names)
	}
}
