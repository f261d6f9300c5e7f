package piifacts

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"reflect"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/analysisdoc"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/stdlib"
	"github.com/piilint/piilint/internal/suppress"
	"github.com/piilint/piilint/internal/taint"
)

//go:embed doc.go
var doc string

// Analyzer computes PII sources and function summaries with the default
// configuration, or the one named by its -config flag.
var Analyzer = newAnalyzer(nil, Options{})

// Options tune an analyzer beyond the configuration file.
type Options struct {
	// SkipBodies reports packages whose function bodies are not analysed:
	// their markings are still read and exported, but no summaries are
	// computed. When nil, the standard library (packages outside any
	// module whose files are in a Go source tree, see internal/stdlib) is
	// skipped: the engine models it instead of analysing it.
	SkipBodies func(pkgPath string) bool
}

// New returns a piifacts analyzer for cfg (nil means the default
// configuration).
func New(cfg *config.Config, opts Options) *analysis.Analyzer {
	if cfg == nil {
		cfg = new(config.Config)
	}
	return newAnalyzer(cfg, opts)
}

// Analyzers is the list of analyzer names a //piilint:ignore directive
// may name.
var Analyzers = []string{"piifacts", "piilog", "piiexport", "piitransport", "piiuntagged"}

func newAnalyzer(cfg *config.Config, opts Options) *analysis.Analyzer {
	st := &state{cfg: cfg, opts: opts}
	a := &analysis.Analyzer{
		Name:       "piifacts",
		Doc:        analysisdoc.Extract(doc, "piifacts"),
		URL:        "https://github.com/piilint/piilint/blob/main/docs/rules.md#piifacts",
		Run:        st.run,
		ResultType: reflect.TypeFor[*Result](),
		FactTypes:  []analysis.Fact{new(FieldFact), new(TypeFact), new(FuncFact), new(VarFact), new(FailedFact)},
	}
	if cfg == nil {
		a.Flags.StringVar(&st.file, "config", "", "configuration file (.piilint.yml schema)")
	}
	a.Flags.BoolVar(&st.inventory, "inventory", false, "report the package's personal-data elements and flows as inventory records (the piilint inventory command)")
	a.Flags.BoolVar(&st.suppressed, "suppressed", false, "also report findings silenced by //piilint:ignore, marked for the piilint command's SARIF output (see report.SuppressedPrefix)")
	return a
}

// Result is what the flow analyzers report from.
type Result struct {
	Config   *config.Config
	Vocab    *pii.Vocabulary
	Findings []*taint.Finding
	// Ignores answers //piilint:ignore directives.
	Ignores *suppress.Index
	// Generated holds the names of generated files, whose findings are not
	// reported.
	Generated map[string]bool
	// ReportSuppressed asks the flow analyzers to report the findings
	// //piilint:ignore silences too, marked as such (-suppressed flag).
	ReportSuppressed bool
	// Marked reports whether a field of the package is marked, PII or
	// not (a tag, an alias tag, a directive, a configured field, pii:"-"),
	// or has a type marked PII, for piiuntagged.
	Marked func(*types.Var) bool
}

type state struct {
	cfg  *config.Config
	opts Options
	file string // -config flag of the default analyzer
	// suppressed is the -suppressed flag.
	suppressed bool
	// inventory is the -inventory flag (see reportInventory).
	inventory bool

	once    sync.Once
	loaded  *config.Config
	vocab   *pii.Vocabulary
	loadErr error
}

func (st *state) config() (*config.Config, *pii.Vocabulary, error) {
	st.once.Do(func() {
		c := st.cfg
		if c == nil {
			c = new(config.Config)
			if st.file != "" {
				c, st.loadErr = config.Load(st.file)
				if st.loadErr != nil {
					return
				}
			}
		}
		st.loaded = c
		st.vocab, st.loadErr = c.Vocabulary()
	})
	return st.loaded, st.vocab, st.loadErr
}

func (st *state) run(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			res = nil
			err = fmt.Errorf("internal error analysing %s (please report it with this trace): %v\n%s", pass.Pkg.Path(), r, debug.Stack())
			pass.ExportPackageFact(&FailedFact{Error: fmt.Sprintf("internal error: %v", r)})
		}
	}()
	cfg, vocab, err := st.config()
	if err != nil {
		return nil, err
	}
	p := &pkgState{
		pass:         pass,
		cfg:          cfg,
		vocab:        vocab,
		fields:       make(map[*types.Var]*FieldFact),
		types:        make(map[*types.TypeName]*TypeFact),
		funcs:        make(map[*types.Func]*FuncFact),
		imported:     make(map[*types.Func]*FuncFact),
		importedVars: make(map[*types.Var]*VarFact),
		analysedPkgs: make(map[*types.Package]bool),
		names:        newNames(cfg),
	}
	p.mark()

	result := &Result{Config: cfg, Vocab: vocab, Generated: make(map[string]bool), ReportSuppressed: st.suppressed, Marked: p.marked}
	for _, f := range pass.Files {
		if generated(pass.Fset, f) {
			result.Generated[pass.Fset.File(f.Pos()).Name()] = true
		}
	}
	reportFailedImports(pass)
	var problems []suppress.Problem
	result.Ignores, problems = suppress.New(pass.Fset, pass.Files, Analyzers)
	for _, pr := range problems {
		pass.Reportf(pr.Pos, "%s", pr.Message)
	}

	var sanitized []taint.Sanitization
	if !st.skipBodies(pass) {
		out := taint.Run(taint.Input{
			Fset:      pass.Fset,
			Files:     pass.Files,
			Funcs:     buildSSA(pass),
			Oracle:    p,
			Module:    modulePath(pass),
			Sanitized: st.inventory,
		})
		result.Findings = out.Findings
		sanitized = out.Sanitized
		debugSummaries(pass, out.Summaries)
		for v, sum := range out.Vars {
			if v.Exported() {
				p.pass.ExportObjectFact(v, &VarFact{Summary: *sum})
			}
		}
		for fn, sum := range out.Summaries {
			ff := p.funcs[fn]
			if ff == nil {
				ff = new(FuncFact)
				p.funcs[fn] = ff
			}
			ff.Summary = *sum
		}
	}
	p.export()
	if st.inventory {
		p.reportInventory(result, sanitized)
	}
	return result, nil
}

// debugSummaries prints the summaries of the package's functions to
// standard error, sorted, when PIILINT_DEBUG_SUMMARIES is a part of its
// import path: what a triage of a real application needs to see why a
// call carries what it carries (see README, Development).
func debugSummaries(pass *analysis.Pass, sums map[*types.Func]*taint.Summary) {
	want := os.Getenv("PIILINT_DEBUG_SUMMARIES")
	if want == "" || !strings.Contains(pass.Pkg.Path(), want) {
		return
	}
	var lines []string
	for fn, sum := range sums {
		lines = append(lines, fmt.Sprintf("piilint: summary of %s: %s", fn.FullName(), sum))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Fprintln(os.Stderr, l)
	}
}

// modulePath is the path of the module of the package pass analyses, or
// "" when the driver does not say.
func modulePath(pass *analysis.Pass) string {
	if pass.Module == nil {
		return ""
	}
	return pass.Module.Path
}

// skipBodies reports whether the package's function bodies are left
// out: the standard library is modelled (sink tables, the engine's
// default rule for calls without summary) rather than analysed, which is
// both faster and more predictable than summarising its internals.
func (st *state) skipBodies(pass *analysis.Pass) bool {
	if st.opts.SkipBodies != nil {
		return st.opts.SkipBodies(pass.Pkg.Path())
	}
	if pass.Module != nil && pass.Module.Path != "" || len(pass.Files) == 0 {
		return false
	}
	return stdlib.File(pass.Pkg.Path(), pass.Fset.File(pass.Files[0].Pos()).Name())
}

// reportFailedImports reports the imports piifacts failed on (see
// FailedFact), at their import declarations.
func reportFailedImports(pass *analysis.Pass) {
	for _, f := range pass.Files {
		for _, spec := range f.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				continue
			}
			for _, imp := range pass.Pkg.Imports() {
				var ff FailedFact
				if imp.Path() == path && pass.ImportPackageFact(imp, &ff) {
					pass.Reportf(spec.Pos(), "%s could not be analysed (%s): findings through it may be missing; please report it", path, ff.Error)
				}
			}
		}
	}
}

// generated reports whether f is a generated file, by its own header.
// cgo hands the analyzers a rewritten copy of each file that imports "C",
// headed "Code generated by cmd/cgo", with //line directives back to the
// original: such a copy is generated only if the original says so. cgo's
// own files (_cgo_gotypes.go), which map back to no source file, are
// generated.
func generated(fset *token.FileSet, f *ast.File) bool {
	if !ast.IsGenerated(f) {
		return false
	}
	if !cgoHeader(f) {
		return true
	}
	orig := fset.Position(f.Package).Filename
	if orig == "" || orig == fset.File(f.Pos()).Name() || !strings.HasSuffix(orig, ".go") {
		return true
	}
	of, err := parser.ParseFile(token.NewFileSet(), orig, nil, parser.PackageClauseOnly|parser.ParseComments)
	if err != nil {
		// The original is gone (a build cache moved): its findings are
		// better reported than lost.
		return false
	}
	return ast.IsGenerated(of)
}

// cgoHeader reports whether f starts with cgo's "Code generated" line.
func cgoHeader(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if strings.HasPrefix(c.Text, "// Code generated by cmd/cgo;") {
				return true
			}
		}
	}
	return false
}

// buildSSA builds the package's SSA form the way buildssa does, without
// requiring buildssa, so that packages whose bodies are skipped cost no
// SSA construction.
func buildSSA(pass *analysis.Pass) []*ssa.Function {
	mode := ssa.BuilderMode(0)
	if hasHugeFunction(pass.Files) {
		mode = ssa.NaiveForm
	}
	prog := ssa.NewProgram(pass.Fset, mode)
	for _, imp := range pass.Pkg.Imports() {
		prog.CreatePackage(imp, nil, nil, true)
	}
	pkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	pkg.Build()
	var funcs []*ssa.Function
	var add func(f *ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	if init := pkg.Func("init"); init != nil {
		add(init)
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			if f := prog.FuncValue(obj); f != nil {
				add(f)
			}
		}
	}
	return funcs
}

// maxBranches is the number of branch points (if, case, for, &&, ...)
// above which a function is huge. go/ssa's lifting of local variables
// into registers computes dominance frontiers in time and memory
// quadratic in the number of blocks of a function: a switch of 20,000
// cases (generated tables) takes 16 s and 3 GB. A package with a huge
// function is built without lifting (ssa.NaiveForm), where local
// variables stay memory cells: the flow is still followed, only an
// overwritten local variable is not known to be overwritten.
const maxBranches = 3000

// hasHugeFunction reports whether a function declared in files has more
// than maxBranches branch points.
func hasHugeFunction(files []*ast.File) bool {
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			n := 0
			ast.Inspect(fd.Body, func(node ast.Node) bool {
				switch node := node.(type) {
				case *ast.IfStmt, *ast.CaseClause, *ast.CommClause, *ast.ForStmt, *ast.RangeStmt:
					n++
				case *ast.BinaryExpr:
					if node.Op == token.LAND || node.Op == token.LOR {
						n++
					}
				}
				return n <= maxBranches
			})
			if n > maxBranches {
				return true
			}
		}
	}
	return false
}

// pkgState holds what one package marks and the oracle the engine asks.
type pkgState struct {
	pass  *analysis.Pass
	cfg   *config.Config
	vocab *pii.Vocabulary
	names *names

	fields map[*types.Var]*FieldFact
	types  map[*types.TypeName]*TypeFact
	funcs  map[*types.Func]*FuncFact
	// imported are the facts of other packages' functions read so far
	// (nil: none).
	imported     map[*types.Func]*FuncFact
	importedVars map[*types.Var]*VarFact
	analysedPkgs map[*types.Package]bool
}

func (p *pkgState) export() {
	for v, f := range p.fields {
		p.pass.ExportObjectFact(v, f)
	}
	for tn, f := range p.types {
		p.pass.ExportObjectFact(tn, f)
	}
	for fn, f := range p.funcs {
		if fn.Pkg() != p.pass.Pkg {
			continue // facts are set on the package's own objects only
		}
		if !fn.Exported() {
			// Other packages call only exported names; facts travel to
			// every importer, directly or not, so keep them few.
			continue
		}
		if f.Sanitizer || f.Sink != "" || !f.Summary.Empty() {
			p.pass.ExportObjectFact(fn, f)
		}
	}
}

// marked reports whether field v is marked, or has a marked named type
// (through the elements of pointers, slices, arrays, maps and channels).
func (p *pkgState) marked(v *types.Var) bool {
	if p.fields[v] != nil {
		return true
	}
	t := v.Type()
	for {
		switch u := types.Unalias(t).(type) {
		case interface{ Elem() types.Type }: // pointers, slices, arrays, maps, channels
			t = u.Elem()
		case *types.Named:
			return p.Type(u.Obj()) != nil
		default:
			return false
		}
	}
}

// ---- oracle ----

func (p *pkgState) Field(f *types.Var) (*taint.Source, bool) {
	ff := p.fields[f]
	if ff == nil && f.Pkg() != nil && f.Pkg() != p.pass.Pkg {
		var fact FieldFact
		if p.pass.ImportObjectFact(f, &fact) {
			ff = &fact
		}
	}
	if ff == nil {
		return nil, false
	}
	if ff.NotPII {
		return nil, true
	}
	return &taint.Source{Key: ff.Key, Name: ff.Name, Kind: ff.Kind}, false
}

func (p *pkgState) Type(tn *types.TypeName) *taint.Source {
	tf := p.types[tn]
	if tf == nil && tn.Pkg() != nil && tn.Pkg() != p.pass.Pkg {
		var fact TypeFact
		if p.pass.ImportObjectFact(tn, &fact) {
			tf = &fact
		} else if kind, ok := p.names.types[tn.Pkg().Path()+"."+tn.Name()]; ok {
			// A configured type of a package whose facts are not computed
			// (the standard library).
			tf = &TypeFact{Key: tn.Pkg().Path() + "." + tn.Name(), Name: tn.Name(), Kind: kind, How: "config"}
		}
	}
	if tf == nil {
		return nil
	}
	return &taint.Source{Key: tf.Key, Name: tf.Name, Kind: tf.Kind}
}

func (p *pkgState) funcFact(fn *types.Func) *FuncFact {
	if ff := p.funcs[fn]; ff != nil {
		return ff
	}
	if fn.Pkg() == nil || fn.Pkg() == p.pass.Pkg {
		return nil
	}
	// Imported once: the engine keys its caches (imported summaries as
	// its module sees them, applications) by the summary's address.
	if ff, ok := p.imported[fn]; ok {
		return ff
	}
	var ff *FuncFact
	if fact := new(FuncFact); p.pass.ImportObjectFact(fn, fact) {
		fact.decode()
		ff = fact
	}
	p.imported[fn] = ff
	return ff
}

func (p *pkgState) Summary(fn *types.Func) *taint.Summary {
	if ff := p.funcFact(fn); ff != nil {
		return &ff.Summary
	}
	if fn.Pkg() == nil || fn.Pkg() == p.pass.Pkg {
		return nil
	}
	if r := fn.Signature().Recv(); r != nil && types.IsInterface(r.Type()) {
		return nil // an interface's method: its implementations may be elsewhere
	}
	if p.analysed(fn.Pkg()) {
		return &noSummary
	}
	return nil
}

// noSummary is the summary of a function of an analysed package that
// exports no fact: it does nothing with personal data, which its callers
// apply instead of guessing with the engine's default rule (a keyed-hash
// helper's result is not its argument). One value: the engine keys its
// caches by address.
var noSummary taint.Summary

// analysed reports whether pkg's function bodies were analysed: a package
// of a module (its path starts with a domain; the standard library's do
// not, and is modelled, not analysed) on which piifacts did not fail.
func (p *pkgState) analysed(pkg *types.Package) bool {
	if v, ok := p.analysedPkgs[pkg]; ok {
		return v
	}
	v := stdlib.InModule(pkg.Path()) && !p.pass.ImportPackageFact(pkg, new(FailedFact))
	p.analysedPkgs[pkg] = v
	return v
}

func (p *pkgState) VarSummary(v *types.Var) *taint.Summary {
	if v.Pkg() == nil || v.Pkg() == p.pass.Pkg {
		return nil
	}
	if vf, ok := p.importedVars[v]; ok {
		if vf == nil {
			return nil
		}
		return &vf.Summary
	}
	var vf *VarFact
	if fact := new(VarFact); p.pass.ImportObjectFact(v, fact) {
		fact.decode()
		vf = fact
	}
	p.importedVars[v] = vf
	if vf == nil {
		return nil
	}
	return &vf.Summary
}

func (p *pkgState) Sanitizer(fn *types.Func) bool {
	if ff := p.funcFact(fn); ff != nil && ff.Sanitizer {
		return true
	}
	return p.names.sanitizer(fn)
}

func (p *pkgState) Sink(fn *types.Func) (sinks.Sink, bool) {
	if ff := p.funcFact(fn); ff != nil && ff.Sink != "" {
		return sinks.Sink{Class: sinks.Class(ff.Sink), Data: sinks.Arg(0)}, true
	}
	if class, ok := p.names.sink(fn); ok {
		return sinks.Sink{Class: class, Data: sinks.Arg(0)}, true
	}
	return sinks.Lookup(sinks.Key(fn))
}

// names holds the configured functions and types, by name.
type names struct {
	sanitizers map[string]bool
	sinks      map[string]sinks.Class
	types      map[string]string
}

// unkeyedHashes are the plain hash functions that become sanitizers with
// unkeyed-hash-sanitizes.
var unkeyedHashes = []string{
	"crypto/sha256.Sum256", "crypto/sha256.Sum224", "crypto/sha512.Sum512",
	"crypto/sha1.Sum", "crypto/md5.Sum", "crypto/sha3.Sum256", "crypto/sha3.Sum512",
}

func newNames(cfg *config.Config) *names {
	n := &names{sanitizers: make(map[string]bool), sinks: make(map[string]sinks.Class), types: make(map[string]string)}
	for _, s := range cfg.Sanitizers {
		if k, err := config.NormalizeFuncName(s); err == nil {
			n.sanitizers[k] = true
		}
	}
	if cfg.UnkeyedHashSanitizes {
		for _, s := range unkeyedHashes {
			n.sanitizers[s] = true
		}
	}
	for class, list := range map[sinks.Class][]string{sinks.Log: cfg.Sinks.Log, sinks.Export: cfg.Sinks.Export, sinks.Transport: cfg.Sinks.Transport} {
		for _, s := range list {
			if k, err := config.NormalizeFuncName(s); err == nil {
				n.sinks[k] = class
			}
		}
	}
	for _, t := range cfg.Types {
		n.types[t.Type] = t.Kind
	}
	return n
}

func (n *names) key(fn *types.Func) string {
	k, err := config.NormalizeFuncName(sinks.Key(fn))
	if err != nil {
		return sinks.Key(fn)
	}
	return k
}

func (n *names) sanitizer(fn *types.Func) bool {
	return len(n.sanitizers) > 0 && n.sanitizers[n.key(fn)]
}

func (n *names) sink(fn *types.Func) (sinks.Class, bool) {
	if len(n.sinks) == 0 {
		return "", false
	}
	c, ok := n.sinks[n.key(fn)]
	return c, ok
}

// quote renders a tag the way a message shows it.
func quote(key, value string) string { return key + ":" + strconv.Quote(value) }
