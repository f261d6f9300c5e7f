package taint

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/piilint/piilint/internal/sinks"
)

// tagOracle is an Oracle that reads pii struct tags directly, with no facts
// and no configuration: the engine tested on its own.
type tagOracle struct {
	tags       map[*types.Var]string
	sanitizers map[string]bool
}

func (o *tagOracle) Field(f *types.Var) (*Source, bool) {
	k, ok := o.tags[f]
	if !ok {
		return nil, false
	}
	if k == "-" {
		return nil, true
	}
	return &Source{Key: f.Pkg().Path() + "." + f.Name(), Name: f.Name(), Kind: k}, false
}
func (o *tagOracle) Type(*types.TypeName) *Source           { return nil }
func (o *tagOracle) Summary(*types.Func) *Summary           { return nil }
func (o *tagOracle) Sanitizer(fn *types.Func) bool          { return o.sanitizers[fn.Name()] }
func (o *tagOracle) Sink(fn *types.Func) (sinks.Sink, bool) { return sinks.Lookup(fn.FullName()) }

// run analyses src (package p) and returns its findings as
// "line: Name" strings and its summaries.
func run(t *testing.T, src string) ([]string, map[string]*Summary) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	o := &tagOracle{tags: make(map[*types.Var]string), sanitizers: map[string]bool{"mask": true}}
	conf := &types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	ssapkg, info, err := ssautil.BuildPackage(conf, fset, types.NewPackage("p", "p"), []*ast.File{f}, ssa.BuilderMode(0))
	if err != nil {
		t.Fatal(err)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if fl, ok := n.(*ast.Field); ok && fl.Tag != nil {
			tag := reflect.StructTag(strings.Trim(fl.Tag.Value, "`"))
			if k, ok := tag.Lookup("pii"); ok {
				for _, id := range fl.Names {
					o.tags[info.Defs[id].(*types.Var)] = k
				}
			}
		}
		return true
	})
	var funcs []*ssa.Function
	var add func(*ssa.Function)
	add = func(fn *ssa.Function) {
		funcs = append(funcs, fn)
		for _, a := range fn.AnonFuncs {
			add(a)
		}
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			add(ssapkg.Prog.FuncValue(info.Defs[fd.Name].(*types.Func)))
		}
	}
	res := Run(Input{Fset: fset, Files: []*ast.File{f}, Funcs: funcs, Oracle: o})
	var got []string
	for _, fd := range res.Findings {
		got = append(got, fmt.Sprintf("%d: %s", fset.Position(fd.Pos).Line, fd.Source.Name))
	}
	sums := make(map[string]*Summary)
	for fn, s := range res.Summaries {
		sums[fn.Name()] = s
	}
	return got, sums
}

func TestEngine(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"stringer drops stored fields", `package p
import "log"
import "fmt"
type User struct { ID int64; Email string ` + "`pii:\"email\"`" + ` }
type Redacted struct { ID int64; Email string ` + "`pii:\"email\"`" + ` }
func (r Redacted) String() string { return fmt.Sprintf("user#%d", r.ID) }
func use(u *User) {
	log.Print(Redacted{ID: u.ID, Email: u.Email})
	log.Print(u.Email)
}`, []string{"9: Email"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, sums := run(t, tc.src)
			if !reflect.DeepEqual(got, tc.want) {
				for n, s := range sums {
					t.Logf("summary %s: %+v", n, *s)
				}
				t.Errorf("findings = %q, want %q", got, tc.want)
			}
		})
	}
}
