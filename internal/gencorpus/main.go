// Command gencorpus writes a synthetic Go module shaped like the backend of
// a CRM system, for benchmarking piilint against other analyzers on a code
// base of realistic size.
//
// Usage:
//
//	go run ./internal/gencorpus -out DIR [-pkgs N] [-seed S]
//
// The module (path example.com/corpus, standard library only) holds N
// packages: a few model packages under model/ whose struct fields carry
// pii:"..." tags, and layered packages (repoNNN, svcNNN, httpNNN, jobNNN,
// auditNNN) that each import two to five packages generated before them.
// Their functions read, transform, log, format, export and sanitize
// personal data in the ways real services do. The output depends only on
// N and the seed, and go vet ./... passes on it.
//
// DIR must not exist or be empty.
package main

import (
	"flag"
	"fmt"
	"go/format"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// modulePath is the module path of the generated corpus.
const modulePath = "example.com/corpus"

func main() {
	out := flag.String("out", "", "directory to write the module into (must not exist or be empty)")
	pkgs := flag.Int("pkgs", 300, "number of packages to generate")
	seed := flag.Uint64("seed", 1, "random seed; the same seed and -pkgs give the same tree")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gencorpus -out DIR [-pkgs N] [-seed S]\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if *out == "" || flag.NArg() != 0 || *pkgs < 1 {
		flag.Usage()
		os.Exit(2)
	}
	c, err := generate(*pkgs, *seed)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
	if err := c.write(*out); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: wrote %d packages, %d files, %d lines (import depth %d) to %s\n",
		len(c.pkgs), len(c.files), c.lines(), c.depth(), *out)
}

// pkg is one package of the corpus.
type pkg struct {
	index  int
	name   string   // package name: core, svc012, ...
	dir    string   // directory relative to the module root
	kind   string   // "model", or a layer kind such as "svc"
	deps   []*pkg   // imported layered packages
	models []*model // imported model packages; the first is always core
	level  int      // length of the longest import chain below this package
}

func (p *pkg) importPath() string { return modulePath + "/" + p.dir }

// goFile is a generated source file.
type goFile struct {
	path string // relative to the module root
	src  []byte
}

// corpus is a whole generated module.
type corpus struct {
	pkgs  []*pkg
	files []goFile
}

// layerKinds are the kinds of layered packages, in the proportions they
// are drawn.
var layerKinds = []string{"repo", "repo", "svc", "svc", "svc", "http", "http", "job", "audit"}

// generate builds the corpus for n packages from seed.
func generate(n int, seed uint64) (*corpus, error) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	c := &corpus{}
	c.addFile("go.mod", []byte("module "+modulePath+"\n\ngo 1.26\n"))

	models := modelsFor(n)
	for i, m := range models {
		p := &pkg{index: i, name: m.name, dir: "model/" + m.name, kind: "model"}
		for _, d := range m.imports {
			p.models = append(p.models, d)
			p.level = max(p.level, d.pkg.level+1)
		}
		m.pkg = p
		c.pkgs = append(c.pkgs, p)
		src, err := gofmt(p.dir+"/"+m.name+".go", m.source())
		if err != nil {
			return nil, err
		}
		c.addFile(p.dir+"/"+m.name+".go", src)
	}

	var layered []*pkg
	for i := len(models); i < n; i++ {
		kind := layerKinds[rng.IntN(len(layerKinds))]
		name := fmt.Sprintf("%s%03d", kind, i)
		p := &pkg{index: i, name: name, dir: name, kind: kind}
		chooseDeps(rng, p, models, layered)
		layered = append(layered, p)
		c.pkgs = append(c.pkgs, p)
		files, err := genLayered(rng, p)
		if err != nil {
			return nil, err
		}
		c.files = append(c.files, files...)
	}
	return c, nil
}

// chooseDeps picks the imports of p: always the core model, sometimes one
// more model, and layered packages generated earlier, two to five imports
// in all when that many exist.
func chooseDeps(rng *rand.Rand, p *pkg, models []*model, layered []*pkg) {
	p.models = []*model{models[0]}
	if len(models) > 1 && rng.IntN(2) == 0 {
		p.models = append(p.models, models[1+rng.IntN(len(models)-1)])
	}
	want := 2 + rng.IntN(4) - len(p.models)
	// Prefer recent packages so that import chains grow deep, but also
	// reach back to old ones as real code bases do.
	picked := map[int]bool{}
	for len(p.deps) < min(want, len(layered)) {
		var j int
		if rng.IntN(3) > 0 {
			window := min(len(layered), 40)
			j = len(layered) - 1 - rng.IntN(window)
		} else {
			j = rng.IntN(len(layered))
		}
		if picked[j] {
			continue
		}
		picked[j] = true
		p.deps = append(p.deps, layered[j])
	}
	sort.Slice(p.deps, func(a, b int) bool { return p.deps[a].index < p.deps[b].index })
	for _, m := range p.models {
		p.level = max(p.level, m.pkg.level+1)
	}
	for _, d := range p.deps {
		p.level = max(p.level, d.level+1)
	}
}

func (c *corpus) addFile(path string, src []byte) {
	c.files = append(c.files, goFile{path: path, src: src})
}

func (c *corpus) lines() int {
	n := 0
	for _, f := range c.files {
		if strings.HasSuffix(f.path, ".go") {
			n += strings.Count(string(f.src), "\n")
		}
	}
	return n
}

func (c *corpus) depth() int {
	d := 0
	for _, p := range c.pkgs {
		d = max(d, p.level+1)
	}
	return d
}

// write creates dir and writes every file of c below it.
func (c *corpus) write(dir string) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s exists and is not empty", dir)
	}
	for _, f := range c.files {
		path := filepath.Join(dir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, f.src, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// gofmt formats generated source, reporting the file name and the
// offending source on failure.
func gofmt(name, src string) ([]byte, error) {
	out, err := format.Source([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("generated %s does not parse: %v\n%s", name, err, numbered(src))
	}
	return out, nil
}

func numbered(src string) string {
	var b strings.Builder
	for i, l := range strings.Split(src, "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, l)
	}
	return b.String()
}
