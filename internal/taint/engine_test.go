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
func (o *tagOracle) VarSummary(*types.Var) *Summary         { return nil }

// The standard library is type-checked from source once for all tests:
// the importer caches the packages it has read, in one file set.
var (
	sharedFset     = token.NewFileSet()
	sharedImporter = importer.ForCompiler(sharedFset, "source", nil)
)

// prepare parses, type-checks and builds src (package p) for the engine.
func prepare(t testing.TB, src string) Input {
	t.Helper()
	fset := sharedFset
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	o := &tagOracle{tags: make(map[*types.Var]string), sanitizers: map[string]bool{"mask": true}}
	conf := &types.Config{Importer: sharedImporter}
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
	if init := ssapkg.Func("init"); init != nil {
		add(init) // as piifacts does: variables' initializers
	}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok {
			add(ssapkg.Prog.FuncValue(info.Defs[fd.Name].(*types.Func)))
		}
	}
	return Input{Fset: fset, Files: []*ast.File{f}, Funcs: funcs, Oracle: o}
}

// run analyses src (package p) and returns its findings as
// "line: Name" strings and its summaries by function name.
func run(t testing.TB, src string) ([]string, map[string]*Summary) {
	t.Helper()
	in := prepare(t, src)
	res := Run(in)
	fset := in.Fset
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

// checkFindings runs src and compares its findings with want, logging
// the summaries when they differ.
func checkFindings(t *testing.T, src string, want []string) {
	t.Helper()
	got, sums := run(t, src)
	if !reflect.DeepEqual(got, want) {
		for n, s := range sums {
			t.Logf("summary %s: %s", n, s)
		}
		t.Errorf("findings = %q, want %q", got, want)
	}
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
		{"field-sensitive memory", `package p
import "log"
type C struct { Email string ` + "`pii:\"email\"`" + ` }
type row struct { Label, Value string }
func use(c *C) {
	r := &row{}
	r.Value = c.Email
	log.Print(r.Label)
	log.Print(r.Value)
	x := *r
	log.Print(x.Label)
	log.Print(x.Value)
}`, []string{"9: Email", "12: Email"}},
		{"overwritten and non-data results", `package p
import ("log"; "strings")
type C struct { Email string ` + "`pii:\"email\"`" + ` }
func use(c *C) {
	s := c.Email
	s = "x"
	log.Print(s)
	log.Print(strings.Count(c.Email, "@"))
	log.Print(strings.Contains(c.Email, "@"))
	log.Print(strings.ToUpper(c.Email))
}`, []string{"10: Email"}},
		{"sanitizer", `package p
import "log"
type C struct { Email string ` + "`pii:\"email\"`" + ` }
func mask(s string) string { return "***" }
func use(c *C) { log.Print(mask(c.Email)) }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFindings(t, tc.src, tc.want) })
	}
}

func TestSummaries(t *testing.T) {
	_, sums := run(t, `package p
import "log"
type Row struct { ID int; Name string }
func name(r *Row) string { return r.Name }
func logIt(s string) { log.Print(s) }
func logName(r Row) { logIt(r.Name) }
func both(a, b string) (string, error) { return a + "!", nil }
func fill(r *Row, s string) { r.Name = s }
type B struct { buf []byte }
func (b *B) Str(v string) *B { b.buf = append(b.buf, v...); return b }
type Config struct { Name string }
type Response struct { Body string }
func body(v *Config) string {
	var x any = v
	if r, ok := x.(*Response); ok {
		return r.Body
	}
	return ""
}
type Item struct { Name string }
type Big struct { F0, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15 string; Items []Item }
func big(b *Big) string {
	s := b.F0 + b.F1 + b.F2 + b.F3 + b.F4 + b.F5 + b.F6 + b.F7 + b.F8 + b.F9 + b.F10 + b.F11 + b.F12 + b.F13 + b.F14 + b.F15
	log.Print(b.Items[0].Name)
	return s
}
func anyName(v any) string {
	if c, ok := v.(*Config); ok {
		return c.Name
	}
	return ""
}
`)
	want := map[string]string{
		"name":    "p0.Name->r0",
		"logIt":   "p0->log(log.Print)",
		"logName": "p0.Name->log(p.logIt>log.Print)",
		"both":    "p0->r0",
		"fill":    "p1->*p0",
		// The returned receiver's memory holds the argument too.
		"Str": "p0->r0 p0.buf->r0.buf p1->r0.buf p1->*p0",
		// A part of an interface parameter is any part; a part its
		// static type does not have is no flow.
		"anyName": "p0.Name->r0",
	}
	// Past maxPaths parts, a part is summarised as its top-level field,
	// not as the whole parameter.
	if s := sums["big"]; s == nil || !strings.Contains(s.String(), "p0.Items->log(log.Print)") || strings.Contains(s.String(), "p0->") {
		t.Errorf("big: summary %v, want p0.Items->log(log.Print) and no whole p0", s)
	}
	if s := sums["body"]; s != nil && !s.Empty() {
		t.Errorf("body: summary %s, want none: *Config has no field Body", s)
	}
	for name, w := range want {
		s := sums[name]
		if s == nil {
			t.Errorf("%s: no summary, want %s", name, w)
			continue
		}
		if got := s.String(); got != w {
			t.Errorf("%s: summary\n got %s\nwant %s", name, got, w)
		}
	}
}

// TestSummaryString covers every part of the rendering.
func TestSummaryString(t *testing.T) {
	src := Source{Key: "p.C.Email", Name: "C.Email", Kind: "email"}
	s := &Summary{
		Flows:   []Flow{{Param: 0, Path: ".Items[].Name", Result: 1}},
		Effects: []Effect{{Param: 2, Into: 0}},
		Writes:  []Write{{Into: 1, Source: src}},
		Sinks:   []ParamSink{{Param: 1, Path: "[]", Sink: SinkRef{Class: sinks.Export, Callee: "(*encoding/csv.Writer).Write", Via: []string{"p.save", "p.row"}}}},
		Results: [][]Source{nil, {src}},
		Stored:  []Stored{{Result: 0, Path: ".Claims.Email", Source: src}},
	}
	const want = "p0.Items[].Name->r1 p2->*p0 C.Email->*p1 p1[]->export(p.save>p.row>(*encoding/csv.Writer).Write) r1<-C.Email r0.Claims.Email<-C.Email"
	if got := s.String(); got != want {
		t.Errorf("String() =\n%s\nwant\n%s", got, want)
	}
	if got := (&Summary{}).String(); got != "" {
		t.Errorf("empty summary: String() = %q, want \"\"", got)
	}
}

// BenchmarkRun measures the engine alone on a package of helpers, getters
// and wrappers calling each other.
func BenchmarkRun(b *testing.B) {
	var src strings.Builder
	src.WriteString("package p\nimport (\"log\"; \"strings\")\n")
	src.WriteString("type C struct { ID int; Email string `pii:\"email\"`; Name string `pii:\"name\"`; Tags []string; Next *C }\n")
	for i := range 200 {
		fmt.Fprintf(&src, `func get%[1]d(c *C) string { return strings.ToLower(c.Email) + c.Name }
func wrap%[1]d(f string, a ...any) { log.Printf(f, a...) }
func use%[1]d(c *C) {
	s := get%[1]d(c)
	var sb strings.Builder
	sb.WriteString(s)
	for _, t := range c.Tags { sb.WriteString(t) }
	wrap%[1]d("%%s %%d", sb.String(), c.ID)
	if c.Next != nil { use%[2]d(c.Next) }
}
`, i, (i+1)%200)
	}
	in := prepare(b, src.String())
	for b.Loop() {
		Run(in)
	}
}

// largeSwitch is a function of one switch with n cases that alternately
// store PII in a variable, log the variable and overwrite it.
func largeSwitch(n int) string {
	var src strings.Builder
	src.WriteString("package p\nimport \"log\"\ntype C struct { Email string `pii:\"email\"` }\nfunc F(c *C, x int) string {\n\tvar s string\n\tswitch x {\n")
	for i := range n {
		switch i % 3 {
		case 0:
			fmt.Fprintf(&src, "\tcase %d:\n\t\ts = c.Email + \"%d\"\n", i, i)
		case 1:
			fmt.Fprintf(&src, "\tcase %d:\n\t\tlog.Printf(\"%%d %%s\", %d, s)\n", i, i)
		default:
			fmt.Fprintf(&src, "\tcase %d:\n\t\ts = \"x\"\n", i)
		}
	}
	src.WriteString("\t}\n\treturn s\n}\n")
	return src.String()
}

// BenchmarkLargeSwitch measures the engine on one function with a switch
// of 2,000 cases: time and memory must grow about linearly with it.
func BenchmarkLargeSwitch(b *testing.B) {
	in := prepare(b, largeSwitch(2000))
	b.ReportAllocs()
	for b.Loop() {
		Run(in)
	}
}

// TestVarSummaries: a package's variables of function type are summarised
// from what it assigns to them (its own variables only).
func TestVarSummaries(t *testing.T) {
	in := prepare(t, `package p
import ("log"; "flag")
type LogFunc func(msg string, fields ...any)
var Warn LogFunc = defaultLog
var Quiet LogFunc = func(string, ...any) {}
func defaultLog(msg string, fields ...any) { log.Println(msg, fields) }
func init() { flag.Usage = func() { log.Print("usage") } }
`)
	res := Run(in)
	got := make(map[string]string)
	for v, s := range res.Vars {
		got[v.Pkg().Path()+"."+v.Name()] = s.String()
	}
	want := map[string]string{"p.Warn": "p0->log(log.Println) p1->log(log.Println)"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("variable summaries %v, want %v", got, want)
	}
}

// TestIfaceSummaries: the methods of the package's interfaces are
// summarised from its implementations; methods of an embedded interface
// of another package are not the package's to summarise.
func TestIfaceSummaries(t *testing.T) {
	in := prepare(t, `package p
import "io"
type C struct { Email string `+"`pii:\"email\"`"+` }
type Namer interface {
	io.Writer
	Name(c *C) string
}
type a struct{}
func (a) Name(c *C) string { return c.Email }
func (a) Write(p []byte) (int, error) { return len(p), nil }
`)
	res := Run(in)
	var got []string
	for fn, s := range res.Summaries {
		if r := fn.Signature().Recv(); r != nil && types.IsInterface(r.Type()) {
			got = append(got, fn.Pkg().Path()+"."+fn.Name()+": "+s.String())
		}
	}
	if want := []string{"p.Name: p1.Email->r0 r0<-Email"}; !reflect.DeepEqual(got, want) {
		t.Errorf("interface method summaries %q, want %q", got, want)
	}
}
