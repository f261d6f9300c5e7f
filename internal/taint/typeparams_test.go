package taint

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// The engine runs on the bodies of generic functions, where operands have
// type-parameter types: the constructs below used to abort the package with
// an interface-conversion panic. Each must be analysed, and the flow
// through the generic helper found.
func TestTypeParams(t *testing.T) {
	const header = `package p
import "log"
type C struct { Email string ` + "`pii:\"email\"`" + ` }
`
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"map update on M ~map[K]V", `
func Set[M ~map[K]V, K comparable, V any](m M, k K, v V) { m[k] = v }
func use(c *C) {
	m := map[string]string{}
	Set(m, "e", c.Email)
	log.Print(m)
}`, []string{"9: Email"}},
		{"map lookup on M ~map[K]V", `
func Get[M ~map[K]V, K comparable, V any](m M, k K) V { return m[k] }
func use(c *C) { log.Print(Get(map[int]string{1: c.Email}, 1)) }`, []string{"6: Email"}},
		{"chan send on C ~chan E", `
func Send[Ch ~chan E, E any](c Ch, e E) { c <- e }
func use(c *C) {
	ch := make(chan string, 1)
	Send(ch, c.Email)
	log.Print(<-ch)
}`, []string{"9: Email"}},
		{"chan receive on C ~chan E", `
func Recv[Ch ~chan E, E any](c Ch) E { return <-c }
func use(c *C) {
	ch := make(chan string, 1)
	ch <- c.Email
	log.Print(Recv(ch))
}`, []string{"9: Email"}},
		{"pointer store on P ~*E", `
func Store[P ~*E, E any](p P, e E) { *p = e }
func use(c *C) {
	var s string
	Store(&s, c.Email)
	log.Print(s)
}`, []string{"9: Email"}},
		{"pointer load on P ~*E", `
func Load[P ~*E, E any](p P) E { return *p }
func use(c *C) { log.Print(Load(&c.Email)) }`, []string{"6: Email"}},
		{"range over S ~[]E", `
func LogAll[S ~[]E, E any](s S) {
	for _, e := range s {
		log.Print(e)
	}
}
func use(c *C) { LogAll([]string{c.Email}) }`, []string{"10: Email"}},
		{"append to S ~[]E", `
func Push[S ~[]E, E any](s S, e E) S { return append(s, e) }
func use(c *C) { log.Print(Push([]string(nil), c.Email)) }`, []string{"6: Email"}},
		{"index array A ~[2]E", `
func First[A ~[2]E, E any](a A) E { return a[0] }
func use(c *C) { log.Print(First([2]string{c.Email, ""})) }`, []string{"6: Email"}},
		{"range over func Seq ~func(func(E) bool)", `
func Collect[Seq ~func(func(E) bool), E any](seq Seq) []E {
	var out []E
	for e := range seq {
		out = append(out, e)
	}
	return out
}
func use(c *C) {
	log.Print(Collect(func(yield func(string) bool) { yield(c.Email) }))
}`, nil}, // known gap: the flow goes through calls of function values (README, limitations)
		{"field of a struct type parameter argument", `
type Box[T any] struct{ V T }
func Unbox[T any](b *Box[T]) T { return b.V }
func use(c *C) { log.Print(Unbox(&Box[string]{V: c.Email})) }`, []string{"7: Email"}},
		{"clean twin: generic helper that drops its argument", `
func Count[M ~map[K]V, K comparable, V any](m M) int { return len(m) }
func use(c *C) { log.Print(Count(map[string]string{"e": c.Email})) }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFindings(t, header+tc.src, tc.want) })
	}
}

// shape is one kind of type parameter core type the generator uses: how
// it is declared, and statements that are valid on a value x of that type
// together with an element e (and a key k for maps).
type shape struct {
	tparams string   // type parameter list, without brackets
	params  string   // parameter list
	result  string   // the result type
	stmts   []string // statements over x, e (and k)
	args    string   // arguments of an instantiating call; c is a *C
}

var shapes = []shape{{
	tparams: "M ~map[K]V, K comparable, V any", params: "x M, k K, e V", result: "V",
	stmts: []string{"x[k] = e", "e = x[k]", "e, _ = x[k]", "delete(x, k)", "for kk, vv := range x { k, e = kk, vv }",
		"_ = len(x)", "clear(x)", "log.Print(x)", "y := x; y[k] = e"},
	args: `map[string]string{"a": c.Email}, "a", c.Email`,
}, {
	tparams: "Ch ~chan E, E any", params: "x Ch, e E", result: "E",
	stmts: []string{"x <- e", "e = <-x", "e, _ = <-x", "for ee := range x { e = ee; break }", "select { case x <- e: case e = <-x: default: }",
		"_ = cap(x)", "_ = len(x)", "go func() { x <- e }()", "log.Print(x)"},
	args: `make(chan string, 4), c.Email`,
}, {
	tparams: "S ~[]E, E any", params: "x S, e E", result: "E",
	stmts: []string{"x = append(x, e)", "if len(x) > 0 { x[0] = e }", "if len(x) > 0 { e = x[0] }", "for _, ee := range x { e = ee }",
		"for i := range x { x[i] = e }", "copy(x, x)", "x = x[:0]", "if len(x) > 0 { p := &x[0]; *p = e }", "x = append(x, x...)",
		"log.Print(x)", "clear(x)"},
	args: `[]string{c.Email}, c.Email`,
}, {
	tparams: "P ~*E, E any", params: "x P, e E", result: "E",
	stmts: []string{"*x = e", "e = *x", "log.Print(*x)", "y := x; *y = e", "if x != nil { e = *x }"},
	args:  `&c.Email, c.Email`,
}, {
	tparams: "A ~[3]E, E any", params: "x A, e E", result: "E",
	stmts: []string{"x[1] = e", "e = x[2]", "for _, ee := range x { e = ee }", "y := x; y[0] = e; e = y[1]", "_ = len(x)"},
	args:  `[3]string{c.Email}, c.Email`,
}, {
	tparams: "F ~func(E) E, E any", params: "x F, e E", result: "E",
	stmts: []string{"e = x(e)", "g := x; e = g(e)", "defer x(e)", "log.Print(x(e))"},
	args:  `func(s string) string { return s }, c.Email`,
}, {
	tparams: "Seq ~func(func(E) bool), E any", params: "x Seq, e E", result: "E",
	stmts: []string{"for ee := range x { e = ee }", "x(func(ee E) bool { e = ee; return true })", "for range x { break }"},
	args:  `func(yield func(string) bool) { yield(c.Email) }, c.Email`,
}, {
	tparams: "T ~string | ~[]byte, E any", params: "x T, e E", result: "E",
	stmts: []string{"_ = len(x)", "if len(x) > 0 { _ = x[0] }", "log.Print(string(x))", "_ = []byte(x)", "log.Print(x[:len(x)/2])"},
	args:  `c.Email, c.Email`,
}, {
	tparams: "T any, E any", params: "x T, e E", result: "E",
	stmts: []string{"log.Print(x)", "if v, ok := any(x).(E); ok { e = v }", "switch v := any(x).(type) { case string: log.Print(v) }",
		"y := &x; log.Print(*y)", "var z T; x = z", "e = any(x).(E)"},
	args: `c.Email, c.Email`,
}}

// genProgram builds a small program of generic functions from r: each
// function takes one of the shapes above and runs a few of its statements;
// later functions may call earlier ones of the same shape with their own
// type parameters, and use instantiates every function with a PII value.
func genProgram(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString("package p\nimport \"log\"\ntype C struct { Email string `pii:\"email\"` }\n")
	type fn struct {
		name string
		sh   int
	}
	var fns []fn
	n := 1 + r.IntN(5)
	for i := range n {
		sh := r.IntN(len(shapes))
		s := shapes[sh]
		name := fmt.Sprintf("f%d", i)
		fmt.Fprintf(&b, "func %s[%s](%s) %s {\n", name, s.tparams, s.params, s.result)
		for range 1 + r.IntN(5) {
			fmt.Fprintf(&b, "\t{ %s }\n", s.stmts[r.IntN(len(s.stmts))])
		}
		for _, g := range fns {
			if g.sh == sh && r.IntN(2) == 0 {
				// Same parameter list: forward the arguments.
				fmt.Fprintf(&b, "\te = %s(%s)\n", g.name, paramNames(s.params))
			}
		}
		if r.IntN(2) == 0 {
			b.WriteString("\tlog.Print(e)\n")
		}
		b.WriteString("\treturn e\n}\n")
		fns = append(fns, fn{name, sh})
	}
	b.WriteString("func use(c *C) {\n")
	for _, f := range fns {
		fmt.Fprintf(&b, "\tlog.Print(%s(%s))\n", f.name, shapes[f.sh].args)
	}
	b.WriteString("}\n")
	return b.String()
}

// paramNames returns the names of a parameter list "x M, k K, e V".
func paramNames(params string) string {
	var names []string
	for p := range strings.SplitSeq(params, ",") {
		names = append(names, strings.Fields(p)[0])
	}
	return strings.Join(names, ", ")
}

// FuzzGenericPrograms runs the engine on random small generic programs:
// it must neither panic nor give different findings on the same input.
// The generator's programs always type-check (prepare fails the test
// otherwise).
func FuzzGenericPrograms(f *testing.F) {
	for seed := range uint64(16) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		src := genProgram(rand.New(rand.NewPCG(seed, seed>>32|1)))
		t.Log(src)
		first, _ := run(t, src)
		again, _ := run(t, src)
		if !reflect.DeepEqual(first, again) {
			t.Fatalf("findings differ between runs: %q then %q", first, again)
		}
	})
}

// TestGenericProgramsFind checks that the generator's programs exercise
// the engine: over many seeds, the PII passed to the generic functions is
// found reaching a log at least once, and a program with a logging helper
// is reported.
func TestGenericProgramsFind(t *testing.T) {
	found := 0
	for seed := range uint64(64) {
		src := genProgram(rand.New(rand.NewPCG(seed, seed>>32|1)))
		got, _ := run(t, src)
		if len(got) > 0 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no generated program reported a finding")
	}
}
