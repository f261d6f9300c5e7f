package piifacts_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

const modulePath = "github.com/piilint/piilint"

// suiteFactTypes returns the fact types of the analyzers of
// analyzers.All() and of the analyzers they require, once each.
func suiteFactTypes(t *testing.T) []reflect.Type {
	t.Helper()
	var types []reflect.Type
	seen := make(map[*analysis.Analyzer]bool)
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, f := range a.FactTypes {
			rt := reflect.TypeOf(f)
			if rt == nil || rt.Kind() != reflect.Pointer || rt.Elem().Kind() != reflect.Struct {
				t.Errorf("%s: fact type %v is not a pointer to a struct", a.Name, rt)
				continue
			}
			if !slices.Contains(types, rt) {
				types = append(types, rt)
			}
		}
		for _, req := range a.Requires {
			visit(req)
		}
	}
	for _, a := range analyzers.All() {
		visit(a)
	}
	return types
}

// declaredFactTypes finds the types with an AFact method declared in the
// non-test files of the packages under analyzers/, as "import/path.Type".
func declaredFactTypes(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..")
	var names []string
	fset := token.NewFileSet()
	err := filepath.WalkDir(filepath.Join(root, "analyzers"), func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "testdata" {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, filepath.Dir(path))
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Name.Name != "AFact" || fd.Recv == nil || len(fd.Recv.List) != 1 {
				continue
			}
			recv := fd.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				names = append(names, modulePath+"/"+filepath.ToSlash(rel)+"."+id.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// TestFactTypesRegistered checks that every fact type declared under
// analyzers/ is among the fact types of the suite: drivers register for
// gob only the types the analyzers list.
func TestFactTypesRegistered(t *testing.T) {
	var registered []string
	for _, rt := range suiteFactTypes(t) {
		registered = append(registered, rt.Elem().PkgPath()+"."+rt.Elem().Name())
	}
	declared := declaredFactTypes(t)
	for _, want := range []string{"FieldFact", "TypeFact", "FuncFact"} {
		if !slices.Contains(declared, modulePath+"/analyzers/piifacts."+want) {
			t.Errorf("the scan of analyzers/ does not find piifacts.%s", want)
		}
	}
	for _, d := range declared {
		if !slices.Contains(registered, d) {
			t.Errorf("%s has an AFact method but is in the FactTypes of no analyzer of analyzers.All()", d)
		}
	}
	for _, r := range registered {
		if !slices.Contains(declared, r) {
			t.Errorf("fact type %s is not declared under analyzers/", r)
		}
	}
}

// fill sets every field reachable from v to a non-zero value that differs
// from the others, and reports what gob cannot carry: gob silently drops
// unexported fields, and interfaces, funcs and channels are not data.
func fill(t *testing.T, v reflect.Value, path string, n *int) {
	t.Helper()
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("%s#%d", path, *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(*n % 100))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		v.SetUint(uint64(*n % 100))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(*n) + 0.5)
	case reflect.Complex64, reflect.Complex128:
		v.SetComplex(complex(float64(*n), 1))
	case reflect.Array:
		for i := range v.Len() {
			fill(t, v.Index(i), fmt.Sprintf("%s[%d]", path, i), n)
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(t, s.Index(i), fmt.Sprintf("%s[%d]", path, i), n)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := range 2 {
			k := reflect.New(v.Type().Key()).Elem()
			e := reflect.New(v.Type().Elem()).Elem()
			fill(t, k, fmt.Sprintf("%s.key%d", path, i), n)
			fill(t, e, fmt.Sprintf("%s[key%d]", path, i), n)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		fill(t, p.Elem(), path, n)
		v.Set(p)
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				if v.CanAddr() && v.Addr().Type().Implements(reflect.TypeFor[gob.GobEncoder]()) {
					continue // the type encodes itself, this field too
				}
				t.Errorf("%s.%s: unexported field, which gob does not encode", path, f.Name)
				continue
			}
			fill(t, v.Field(i), path+"."+f.Name, n)
		}
	default:
		t.Errorf("%s: a %s cannot be encoded in a fact", path, v.Kind())
	}
}

// envelope holds a fact the way drivers store it: through the
// analysis.Fact interface, its concrete type registered with gob.
type envelope struct {
	Object string
	Fact   analysis.Fact
}

func encodeFacts(t *testing.T, facts []envelope) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(facts); err != nil {
		t.Fatalf("encoding facts: %v", err)
	}
	return buf.Bytes()
}

// realisticFacts are facts as piifacts exports them, with a summary that
// uses every part: flows, sinks through helpers, effects, and results
// carrying sources (the first result none).
func realisticFacts() []envelope {
	email := taint.Source{Key: "example.com/crm/model.Customer.Email", Name: "Customer.Email", Kind: "email"}
	card := taint.Source{Key: "example.com/crm/model.Customer.Card", Name: "Customer.Card", Kind: "card"}
	token := taint.Source{Key: "example.com/crm/model.Token", Name: "Token", Kind: "token"}
	return []envelope{
		{"Customer.Email", &piifacts.FieldFact{Key: email.Key, Name: email.Name, Kind: "email", How: `tag pii:"email"`}},
		{"Customer.Nick", &piifacts.FieldFact{Key: "example.com/crm/model.Customer.Nick", Name: "Customer.Nick", How: `tag pii:"-"`, NotPII: true}},
		{"Token", &piifacts.TypeFact{Key: token.Key, Name: token.Name, Kind: token.Kind, How: "directive"}},
		{"MaskEmail", &piifacts.FuncFact{Sanitizer: true}},
		{"Logger.Debugf", &piifacts.FuncFact{Sink: string(sinks.Log)}},
		{"Service.Charge", &piifacts.FuncFact{Summary: taint.Summary{
			Flows: []taint.Flow{
				{Param: 0, Path: "", Result: 1},
				{Param: 1, Path: ".Items[].Name", Result: 0},
			},
			Sinks: []taint.ParamSink{
				{Param: 1, Path: ".Email", Sink: taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"}},
				{Param: 2, Path: "[]", Sink: taint.SinkRef{Class: sinks.Log, Callee: "log.Printf", Via: []string{"logx.Infof", "logx.output"}}},
			},
			Effects: []taint.Effect{
				{Param: 1, Path: ".Card", Into: 0},
				{Param: 2, Path: "", Into: 0},
			},
			Results: [][]taint.Source{nil, {email, card, token}},
		}}},
	}
}

// TestFactsGob round-trips every fact type of the suite through gob as
// the drivers do (go vet's facts files, nogo's fact archives): the
// decoded facts must equal the encoded ones, and the encoding must be
// deterministic, since the go command keys the cache entries of a
// package's importers on the hash of its facts.
func TestFactsGob(t *testing.T) {
	types := suiteFactTypes(t)
	if len(types) < 3 {
		t.Fatalf("the suite has %d fact types, want at least piifacts' three", len(types))
	}
	var facts []envelope
	for _, rt := range types {
		gob.Register(reflect.New(rt.Elem()).Interface())
		v := reflect.New(rt.Elem())
		n := 0
		fill(t, v.Elem(), rt.Elem().Name(), &n)
		if v.Elem().IsZero() {
			t.Errorf("%v: no field to fill", rt)
		}
		facts = append(facts, envelope{Object: "filled " + rt.String(), Fact: v.Interface().(analysis.Fact)})
	}
	facts = append(facts, realisticFacts()...)

	data := encodeFacts(t, facts)
	var got []envelope
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&got); err != nil {
		t.Fatalf("decoding facts: %v", err)
	}
	if len(got) != len(facts) {
		t.Fatalf("decoded %d facts, want %d", len(got), len(facts))
	}
	// A package writes out the facts it imported with its own: unused,
	// they are written as they came.
	if again := encodeFacts(t, got); !bytes.Equal(again, data) {
		t.Error("decoded facts, encoded again unused, differ from the encoding they came from")
	}
	for i, want := range facts {
		// Facts with a summary keep it encoded until it is used;
		// String uses it.
		if s, ok := got[i].Fact.(fmt.Stringer); ok {
			_ = s.String()
		}
		if !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s: after the round trip\n got %#v\nwant %#v", want.Object, got[i].Fact, want.Fact)
		}
	}
	// The String method renders decoded function facts as the analyzer
	// tests expect them.
	ff, ok := got[len(got)-1].Fact.(*piifacts.FuncFact)
	if !ok {
		t.Fatalf("last fact decoded as %T, want *piifacts.FuncFact", got[len(got)-1].Fact)
	}
	const wantString = "p0->r1 p1.Items[].Name->r0 p1.Card->*p0 p2->*p0 p1.Email->log(log.Printf) p2[]->log(logx.Infof>logx.output>log.Printf) r1<-Customer.Email r1<-Customer.Card r1<-Token"
	if s := ff.String(); s != wantString {
		t.Errorf("decoded summary renders as\n%s\nwant\n%s", s, wantString)
	}

	for range 20 {
		if again := encodeFacts(t, facts); !bytes.Equal(again, data) {
			t.Fatal("encoding the same facts twice gives different bytes")
		}
	}
}
