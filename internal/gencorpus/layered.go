package main

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"text/template"
)

// pkgGen holds the state of generating one layered package.
type pkgGen struct {
	rng  *rand.Rand
	p    *pkg
	file *fileGen // the file snippets currently go to
	n    int      // last function number handed out
	once map[string]bool
}

// fileGen accumulates the declarations and imports of one file.
type fileGen struct {
	name    string
	imports map[string]bool
	decls   []string
	funcs   int
}

// use records that the current file imports the given paths.
func (g *pkgGen) use(paths ...string) {
	for _, p := range paths {
		g.file.imports[p] = true
	}
}

// next returns a fresh number for naming a function.
func (g *pkgGen) next() int {
	g.n++
	return g.n
}

func (g *pkgGen) pick(xs ...string) string { return xs[g.rng.IntN(len(xs))] }

func (g *pkgGen) chance(percent int) bool { return g.rng.IntN(100) < percent }

// customer returns core.Customer and imports core.
func (g *pkgGen) customer() *modelType {
	t := g.p.models[0].types[0]
	g.use(t.model.pkg.importPath())
	return t
}

// subject picks one of the model types the package imports, mostly the
// customer, and imports its package.
func (g *pkgGen) subject() *modelType {
	if len(g.p.models) == 1 || g.chance(60) {
		return g.customer()
	}
	m := g.p.models[1+g.rng.IntN(len(g.p.models)-1)]
	t := m.types[g.rng.IntN(len(m.types))]
	g.use(m.pkg.importPath())
	return t
}

// pickField picks one of the given fields.
func (g *pkgGen) pickField(fs []field) field { return fs[g.rng.IntN(len(fs))] }

func (g *pkgGen) pii(t *modelType) field   { return t.pii[g.rng.IntN(len(t.pii))] }
func (g *pkgGen) plain(t *modelType) field { return t.plain[g.rng.IntN(len(t.plain))] }

// twoPII picks two different personal fields of t.
func (g *pkgGen) twoPII(t *modelType) (field, field) {
	i := g.rng.IntN(len(t.pii))
	j := (i + 1 + g.rng.IntN(len(t.pii)-1)) % len(t.pii)
	return t.pii[i], t.pii[j]
}

// dep picks one of the layered packages p imports; ok is false when it
// imports none.
func (g *pkgGen) dep() (d *pkg, ok bool) {
	if len(g.p.deps) == 0 {
		return nil, false
	}
	d = g.p.deps[g.rng.IntN(len(g.p.deps))]
	g.use(d.importPath())
	return d, true
}

// emit adds a snippet's declarations to the current file.
func (g *pkgGen) emit(code string) {
	g.file.decls = append(g.file.decls, code)
	for _, l := range strings.Split(code, "\n") {
		if strings.HasPrefix(l, "func ") {
			g.file.funcs++
		}
	}
}

// genLayered generates the files of the layered package p.
func genLayered(rng *rand.Rand, p *pkg) ([]goFile, error) {
	g := &pkgGen{rng: rng, p: p, once: map[string]bool{}}
	main := &fileGen{name: p.name + ".go", imports: map[string]bool{}}
	ops := &fileGen{name: "ops.go", imports: map[string]bool{}}
	flows := &fileGen{name: "flows.go", imports: map[string]bool{}}

	// The package's exported surface, which the packages above it call.
	g.file = main
	g.emit(kindHeaders[p.kind](g))
	for _, s := range apiSnippets {
		g.emit(s(g))
	}

	// Every import is used at least once.
	g.file = flows
	for _, d := range p.deps {
		g.emit(crossCall(g, d))
	}
	for _, m := range p.models[1:] {
		t := m.types[g.rng.IntN(len(m.types))]
		g.use(m.pkg.importPath())
		g.emit(pickSnippet(g, true).gen(g, t))
	}

	// Fill up to the package's function budget, alternating files.
	budget := 13 + g.rng.IntN(9)
	files := []*fileGen{ops, flows}
	for i := 0; main.funcs+ops.funcs+flows.funcs < budget; i++ {
		g.file = files[i%2]
		s := pickSnippet(g, false)
		var t *modelType
		if s.generic {
			t = g.subject()
		}
		g.emit(s.gen(g, t))
	}

	var out []goFile
	for _, f := range []*fileGen{main, ops, flows} {
		if len(f.decls) == 0 {
			continue
		}
		path := p.dir + "/" + f.name
		src, err := gofmt(path, f.source(p))
		if err != nil {
			return nil, err
		}
		out = append(out, goFile{path: path, src: src})
	}
	return out, nil
}

// source renders the file: package doc (main file only), clause, imports
// grouped as standard library then module, declarations.
func (f *fileGen) source(p *pkg) string {
	var b strings.Builder
	if f.name == p.name+".go" {
		fmt.Fprintf(&b, "// Package %s %s\n", p.name, kindDocs[p.kind])
	}
	fmt.Fprintf(&b, "package %s\n\n", p.name)
	var std, local []string
	for path := range f.imports {
		if strings.HasPrefix(path, modulePath+"/") {
			local = append(local, path)
		} else {
			std = append(std, path)
		}
	}
	sort.Strings(std)
	sort.Strings(local)
	if len(std)+len(local) > 0 {
		b.WriteString("import (\n")
		for _, path := range std {
			fmt.Fprintf(&b, "\t%q\n", path)
		}
		if len(std) > 0 && len(local) > 0 {
			b.WriteString("\n")
		}
		for _, path := range local {
			fmt.Fprintf(&b, "\t%q\n", path)
		}
		b.WriteString(")\n\n")
	}
	b.WriteString(strings.Join(f.decls, "\n\n"))
	b.WriteString("\n")
	return b.String()
}

var kindDocs = map[string]string{
	"repo":  "stores and loads customer records.",
	"svc":   "applies business rules to customers.",
	"http":  "serves customer data over HTTP.",
	"job":   "runs background work over customers.",
	"audit": "records who did what to which customer.",
}

// mustTemplate parses a snippet template; snippets are fixed at build
// time, so a parse error is a bug.
func mustTemplate(name, text string) *template.Template {
	return template.Must(template.New(name).Option("missingkey=error").Parse(text))
}

// render executes a snippet template.
func render(t *template.Template, data any) string {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		panic(fmt.Sprintf("snippet %s: %v", t.Name(), err))
	}
	return strings.TrimSpace(b.String())
}

// tag returns a struct tag literal from key/value pairs.
func tag(kv ...string) string {
	var parts []string
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, fmt.Sprintf("%s:%q", kv[i], kv[i+1]))
	}
	return "`" + strings.Join(parts, " ") + "`"
}

// ident turns a field path such as Card.Number into CardNumber.
func ident(path string) string { return strings.ReplaceAll(path, ".", "") }
