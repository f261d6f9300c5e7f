package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/internal/report"
)

// Exit statuses, as in x/tools drivers.
const (
	exitClean    = 0
	exitError    = 1
	exitFindings = 3
)

const usage = `piilint reports personal data (PII) reaching logs, export files and
plaintext network channels.

Usage:
	piilint [flags] [packages]     (default packages: ./...)
	piilint inventory [flags] [packages]
	go vet -vettool=$(command -v piilint) [packages]

Flags:
`

// options are the standalone driver's flags.
type options struct {
	config string
	json   bool
	sarif  bool
	// sarifSuppressed lists silenced findings in the SARIF log.
	sarifSuppressed bool
	baseline        string
	writeBaseline   string
	fix             bool
	tests           bool
	strict          bool
	version         bool
	// pass are analyzer flags handed to the vet tool: -piilog=false,
	// -piifacts.config=FILE, ...
	pass []string
}

func parseFlags(args []string, stderr io.Writer) (*options, []string, error) {
	o := &options{tests: true}
	fs := flag.NewFlagSet("piilint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.config, "config", "", "configuration `file` (default: .piilint.yml found from the working directory upwards)")
	fs.BoolVar(&o.json, "json", false, "print findings as JSON (the x/tools analysis JSON tree)")
	fs.BoolVar(&o.sarif, "sarif", false, "print findings as SARIF 2.1.0, for code scanning")
	fs.BoolVar(&o.sarifSuppressed, "sarif-suppressed", false, "with -sarif: also list the findings silenced by //piilint:ignore, as suppressed results")
	fs.StringVar(&o.baseline, "baseline", "", "report only findings not in the baseline `file`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "write the findings to the baseline `file` instead of reporting them")
	fs.BoolVar(&o.fix, "fix", false, "apply suggested fixes")
	fs.BoolVar(&o.tests, "tests", true, "report findings in _test.go files, and what test helpers elsewhere give the test log")
	fs.BoolVar(&o.strict, "strict", false, "also report PII sent to URLs and requests not known at analysis time (same as -piitransport.strict)")
	fs.BoolVar(&o.version, "V", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nAnalyzer flags (-piilog=false, -piifacts=false) are passed to the vet tool.")
	}
	// Analyzer flags start with an analyzer name; keep them aside.
	var rest []string
	for _, a := range args {
		name := strings.TrimLeft(a, "-")
		if strings.HasPrefix(a, "-") && strings.HasPrefix(name, "pii") {
			o.pass = append(o.pass, untaggedFlags(a, name)...)
			continue
		}
		rest = append(rest, a)
	}
	if err := fs.Parse(rest); err != nil {
		return nil, nil, err
	}
	if o.strict {
		o.pass = append(o.pass, "-piitransport.strict")
	}
	err := o.check()
	if err == nil {
		err = checkAnalyzerFlags(o.pass)
	}
	if err != nil {
		fmt.Fprintf(stderr, "piilint: %v\n", err)
		return nil, nil, err
	}
	return o, fs.Args(), nil
}

// untaggedFlags translates the command's -piiuntagged into the vet tool's
// -piiuntagged.on: piiuntagged is off by default, and the vet protocol's
// -piiuntagged would run it alone. -piiuntagged.all implies it.
func untaggedFlags(arg, name string) []string {
	switch name {
	case "piiuntagged", "piiuntagged=true":
		return []string{"-piiuntagged.on"}
	case "piiuntagged=false":
		return nil
	case "piiuntagged.all", "piiuntagged.all=true":
		return []string{"-piiuntagged.on", "-piiuntagged.all"}
	}
	return []string{arg}
}

// check rejects combinations of flags that ask for two outputs.
func (o *options) check() error {
	switch {
	case o.json && o.sarif:
		return errors.New("-json and -sarif are exclusive")
	case o.sarifSuppressed && !o.sarif:
		return errors.New("-sarif-suppressed goes with -sarif")
	case o.fix && (o.json || o.sarif || o.baseline != "" || o.writeBaseline != ""):
		return errors.New("-fix cannot be combined with -json, -sarif, -baseline or -write-baseline")
	case o.writeBaseline != "" && (o.json || o.sarif || o.baseline != ""):
		return errors.New("-write-baseline prints nothing: it cannot be combined with -json, -sarif or -baseline")
	}
	return nil
}

// fingerprints reports whether the output needs fingerprints.
func (o *options) fingerprints() bool {
	return o.sarif || o.baseline != "" || o.writeBaseline != ""
}

// standalone runs piilint on packages through go vet and returns the exit
// status. The phases: the command line; the vet tool's arguments (the
// configuration, loaded and hashed); -fix's run; the analysis run; its
// output decoded, fingerprinted, filtered by the baseline; the report.
func standalone(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "help" {
		return help(args[1:], stdout, stderr)
	}
	if len(args) > 0 && args[0] == "inventory" {
		return inventoryCmd(args[1:], stdout, stderr)
	}
	o, pkgs, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	if o.version {
		fmt.Fprintln(stdout, "piilint", version())
		return exitClean
	}
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "piilint: %v\n", err)
		return exitError
	}
	var base baseline
	if o.baseline != "" {
		if base, err = readBaseline(o.baseline); err != nil {
			return fail(err)
		}
	}
	wd, _ := os.Getwd()
	vetArgs, err := o.vetArgs(wd)
	if err != nil {
		return fail(err)
	}
	if o.fix {
		// Apply the fixes that exist; the run below then reports the
		// findings that remain.
		if err := applyFixes(append(append(append(vetArgs, "-fix"), o.pass...), pkgs...), stderr); err != nil {
			return fail(err)
		}
	}
	vetArgs = append(vetArgs, "-json")
	vetArgs = append(vetArgs, o.pass...)
	if o.fingerprints() {
		// Silenced findings: SARIF lists them, and fingerprints count
		// them (see report.SuppressedPrefix). Last, so that it wins.
		vetArgs = append(vetArgs, "-piifacts.suppressed")
	}
	r, tree, errs, err := analyse(vetArgs, pkgs, wd, stderr)
	if err != nil {
		return fail(err)
	}
	status := exitClean
	if r.failed(errs, stderr) {
		status = exitError
	}
	root := srcRoot(wd)
	src := make(sources)
	all := tree.diagnostics(o.tests)
	if o.fingerprints() {
		setFingerprints(all, root, src)
	}
	if o.writeBaseline != "" {
		if status == exitError {
			return fail(fmt.Errorf("baseline %s not written: the analysis failed", o.writeBaseline))
		}
		if err := writeBaseline(o.writeBaseline, root, unsuppressed(all)); err != nil {
			return fail(err)
		}
		return exitClean
	}
	if base != nil {
		// Only new findings: silenced ones are not findings to report.
		all = base.filter(unsuppressed(all))
	}
	diags := unsuppressed(all)
	if o.sarif {
		runErrs := errs
		if r.err != nil && len(errs) == 0 {
			runErrs = []string{strings.TrimSpace("go vet failed: " + r.errOut.String())}
		}
		err = (&sarifWriter{root: root, src: src}).write(stdout, sarifReport{analyzers: analyzers.Command(), diags: all, baselined: base != nil, errors: runErrs, suppressed: o.sarifSuppressed})
	} else {
		err = writeDiagnostics(stdout, wd, o.json, diags)
	}
	if err != nil {
		return fail(err)
	}
	if status == exitClean && len(diags) > 0 {
		status = exitFindings
	}
	return status
}

// vetArgs returns the go vet command line that runs this executable as
// the vet tool with the configuration (found from wd upwards unless
// -config names it), before the output flag, analyzer flags and packages.
func (o *options) vetArgs(wd string) ([]string, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("cannot find own executable: %v", err)
	}
	args := []string{"vet", "-vettool=" + exe, "-toolexec=" + quoteTool(exe)}
	cfgFile := o.config
	if cfgFile == "" {
		if cfgFile, err = configFind(wd); err != nil {
			return nil, err
		}
	}
	if cfgFile != "" {
		cfg, err := loadConfig(cfgFile, "")
		if err != nil {
			return nil, err
		}
		abs, _ := filepath.Abs(cfgFile)
		args = append(args, "-config="+abs, "-confighash="+cfg.Digest())
	}
	return args, nil
}

// quoteTool quotes a path for the go command's -toolexec, which splits
// its value into words.
func quoteTool(path string) string {
	switch {
	case !strings.ContainsAny(path, " \t'\""):
		return path
	case strings.Contains(path, "'"):
		return `"` + path + `"`
	}
	return "'" + path + "'"
}

// goVet is the go vet command of args, which runs the build tools
// through this executable (see toolexec).
func goVet(args []string) *exec.Cmd {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), toolexecEnv+"=1")
	return cmd
}

// applyFixes runs go vet with -fix (in args).
func applyFixes(args []string, stderr io.Writer) error {
	cmd := goVet(args)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Run(); err != nil {
		stderr.Write(errOut.Bytes())
		return fmt.Errorf("applying fixes: %v", err)
	}
	return nil
}

// vetOutcome is the outcome of the go vet run.
type vetOutcome struct {
	out, errOut bytes.Buffer
	err         error
}

// decode reads the JSON the vet tool printed. When the output is not
// JSON, go vet's standard error goes to stderr with the error.
func (r *vetOutcome) decode(stderr io.Writer) (jsonTree, []string, error) {
	tree, errs, err := decodeStream(r.out.Bytes())
	if err != nil {
		stderr.Write(r.errOut.Bytes())
		return nil, nil, fmt.Errorf("reading vet tool output: %v", err)
	}
	return tree, errs, nil
}

// failed reports whether go vet or the analysis of a package (errs)
// failed, and then writes go vet's standard error and errs to stderr.
func (r *vetOutcome) failed(errs []string, stderr io.Writer) bool {
	if r.err == nil && len(errs) == 0 {
		return false
	}
	stderr.Write(r.errOut.Bytes())
	for _, e := range errs {
		fmt.Fprintf(stderr, "piilint: %s\n", e)
	}
	return true
}

// analyse runs the analysis of pkgs through go vet with args (saying on
// stderr which files cgo being off leaves out) and decodes its output.
func analyse(args, pkgs []string, wd string, stderr io.Writer) (*vetOutcome, jsonTree, []string, error) {
	env := readGoEnv()
	warnCgo(env, pkgs, stderr)
	r := runVet(args, pkgs, wd, env)
	tree, errs, err := r.decode(stderr)
	return r, tree, errs, err
}

// runVet runs go vet with args on pkgs, or replays its output from the
// result cache (see resultcache.go).
func runVet(args, pkgs []string, wd string, env goEnv) *vetOutcome {
	r := new(vetOutcome)
	cache := openResultCache()
	configGiven := slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(a, "-config=") })
	var g *graph
	if cache != nil || !configGiven {
		// Errors are go vet's to report.
		g, _ = listGraph(pkgs, cache != nil)
	}
	if g == nil || !g.ok {
		cache = nil
	}
	if g != nil && !configGiven {
		if digest, err := packageConfigs(g.dirs); err == nil && digest != "" {
			args = append(slices.Clip(args), "-confighash="+digest)
		}
	}
	var key string
	if cache != nil {
		var err error
		if key, err = resultKey(args, g, wd, env.version); err != nil {
			cache = nil
		} else if run, ok := cache.get(key); ok {
			r.out.Write(run.Out)
			r.errOut.Write(run.ErrOut)
			return r
		}
	}
	cmd := goVet(append(slices.Clip(args), pkgs...))
	cmd.Stdout = &r.out
	cmd.Stderr = &r.errOut
	r.err = cmd.Run()
	if cache != nil && r.err == nil {
		if _, errs, err := decodeStream(r.out.Bytes()); err == nil && len(errs) == 0 {
			cache.put(key, &storedRun{Out: r.out.Bytes(), ErrOut: r.errOut.Bytes()})
		}
	}
	return r
}

// writeDiagnostics prints the findings as JSON or as text lines with
// positions relative to wd.
func writeDiagnostics(w io.Writer, wd string, asJSON bool, diags []jsonDiagnostic) error {
	if asJSON {
		return writeJSON(w, diags)
	}
	for _, d := range diags {
		if _, err := fmt.Fprintf(w, "%s: %s (%s)\n", relPosn(wd, d.Posn), d.Message, d.Analyzer); err != nil {
			return err
		}
	}
	return nil
}

func configFind(dir string) (string, error) {
	cfg, err := loadConfigPath(dir)
	return cfg, err
}

// jsonDiagnostic is a diagnostic of the x/tools JSON output.
type jsonDiagnostic struct {
	Category       string            `json:"category,omitempty"`
	Posn           string            `json:"posn"`
	End            string            `json:"end"`
	Message        string            `json:"message"`
	SuggestedFixes []json.RawMessage `json:"suggested_fixes,omitempty"`
	Related        []jsonRelated     `json:"related,omitempty"`

	Analyzer string `json:"-"`
	Package  string `json:"-"`
	// Suppressed is the //piilint:ignore directive that silences the
	// finding, or nil.
	Suppressed *suppression `json:"-"`
	// Fingerprint identifies the finding across line moves.
	Fingerprint string `json:"-"`
}

// suppression is a //piilint:ignore directive: its reason and position.
type suppression struct {
	Reason    string
	Posn, End string
}

// unmark removes the marks of a finding silenced by //piilint:ignore,
// which the flow analyzers report under -piifacts.suppressed, and records
// the directive in d.Suppressed (see report.SuppressedPrefix).
func (d *jsonDiagnostic) unmark() {
	cls, ok := strings.CutPrefix(d.Category, report.SuppressedPrefix)
	if !ok {
		return
	}
	d.Category = cls
	d.Suppressed = new(suppression)
	if n := len(d.Related); n > 0 {
		dir := d.Related[n-1]
		d.Suppressed.Reason, d.Suppressed.Posn, d.Suppressed.End = dir.Message, dir.Posn, dir.End
		d.Related = d.Related[: n-1 : n-1]
	}
}

// unsuppressed returns the diagnostics no directive silences.
func unsuppressed(diags []jsonDiagnostic) []jsonDiagnostic {
	var out []jsonDiagnostic
	for _, d := range diags {
		if d.Suppressed == nil {
			out = append(out, d)
		}
	}
	return out
}

type jsonRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// jsonTree is package ID → analyzer → diagnostics.
type jsonTree map[string]map[string][]jsonDiagnostic

// decodeStream reads the JSON values the vet tool printed for each
// package and merges them. Analyzer errors come back separately.
func decodeStream(data []byte) (jsonTree, []string, error) {
	tree := make(jsonTree)
	var errs []string
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var unit map[string]map[string]json.RawMessage
		if err := dec.Decode(&unit); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, err
		}
		for pkg, byAnalyzer := range unit {
			for analyzer, raw := range byAnalyzer {
				if len(raw) > 0 && raw[0] == '{' {
					var e struct {
						Error string `json:"error"`
					}
					if err := json.Unmarshal(raw, &e); err != nil {
						return nil, nil, err
					}
					errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, analyzer, e.Error))
					continue
				}
				var diags []jsonDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, nil, err
				}
				if tree[pkg] == nil {
					tree[pkg] = make(map[string][]jsonDiagnostic)
				}
				tree[pkg][analyzer] = append(tree[pkg][analyzer], diags...)
			}
		}
	}
	sort.Strings(errs)
	return tree, errs, nil
}

// diagnostics returns every diagnostic once, in file, line, column,
// analyzer and message order, silenced ones included but unmarked.
func (t jsonTree) diagnostics(tests bool) []jsonDiagnostic {
	seen := make(map[string]bool)
	var out []jsonDiagnostic
	// Packages in order, so that a finding seen under two package IDs is
	// always kept under the same one.
	pkgs := make([]string, 0, len(t))
	for pkg := range t {
		pkgs = append(pkgs, pkg)
	}
	sort.Strings(pkgs)
	for _, pkg := range pkgs {
		byAnalyzer := t[pkg]
		for analyzer, diags := range byAnalyzer {
			for _, d := range diags {
				if !tests && (isTestPosn(d.Posn) || isTestLog(d.Message)) {
					continue
				}
				key := d.Posn + "\x00" + analyzer + "\x00" + d.Message
				if seen[key] {
					continue
				}
				seen[key] = true
				d.Analyzer, d.Package = analyzer, pkg
				d.unmark()
				out = append(out, d)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		af, al, ac := splitPosn(a.Posn)
		bf, bl, bc := splitPosn(b.Posn)
		switch {
		case af != bf:
			return af < bf
		case al != bl:
			return al < bl
		case ac != bc:
			return ac < bc
		case a.Analyzer != b.Analyzer:
			return a.Analyzer < b.Analyzer
		}
		return a.Message < b.Message
	})
	return out
}

// write prints the tree in the x/tools JSON format, filtered and with
// duplicates and silenced findings removed.
func (t jsonTree) write(w io.Writer, tests bool) error {
	return writeJSON(w, unsuppressed(t.diagnostics(tests)))
}

// writeJSON prints diags as an x/tools JSON tree.
func writeJSON(w io.Writer, diags []jsonDiagnostic) error {
	out := make(map[string]map[string][]jsonDiagnostic)
	for _, d := range diags {
		if out[d.Package] == nil {
			out[d.Package] = make(map[string][]jsonDiagnostic)
		}
		out[d.Package][d.Analyzer] = append(out[d.Package][d.Analyzer], d)
	}
	data, err := json.MarshalIndent(out, "", "\t")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

func isTestPosn(posn string) bool {
	file, _, _ := splitPosn(posn)
	return strings.HasSuffix(file, "_test.go")
}

// isTestLog reports whether a finding's message names the test log as
// its sink ("... via helper → (*testing.T).Logf"): a method of testing's
// T, B, F or TB, which test helpers outside _test.go files (a
// conformance suite, a test store) call too. What reaches it is printed
// when tests run, so -tests=false leaves it out with the findings in
// test files.
func isTestLog(message string) bool {
	i := strings.LastIndex(message, " via ")
	if i < 0 {
		return false
	}
	sink := message[i+len(" via "):]
	if j := strings.LastIndex(sink, " → "); j >= 0 {
		sink = sink[j+len(" → "):]
	}
	return strings.HasPrefix(sink, "(*testing.") || strings.HasPrefix(sink, "(testing.")
}

// splitPosn splits "file:line:col".
func splitPosn(posn string) (string, int, int) {
	i := strings.LastIndexByte(posn, ':')
	if i < 0 {
		return posn, 0, 0
	}
	j := strings.LastIndexByte(posn[:i], ':')
	if j < 0 {
		line, _ := strconv.Atoi(posn[i+1:])
		return posn[:i], line, 0
	}
	line, _ := strconv.Atoi(posn[j+1 : i])
	col, _ := strconv.Atoi(posn[i+1:])
	return posn[:j], line, col
}

// relPosn shortens a position under dir to a relative one.
func relPosn(dir, posn string) string {
	if dir == "" {
		return posn
	}
	if rel, ok := relUnder(dir, posn); ok {
		return rel
	}
	return posn
}

// goEnv holds the go command's variables that the standalone command
// reads, from one go env run.
type goEnv struct {
	cgo     string // CGO_ENABLED
	version string // GOVERSION
}

func readGoEnv() goEnv {
	out, err := exec.Command("go", "env", "CGO_ENABLED", "GOVERSION").Output()
	if err != nil {
		return goEnv{} // go vet reports what is wrong with the go command
	}
	cgo, version, _ := strings.Cut(string(out), "\n")
	return goEnv{cgo: strings.TrimSpace(cgo), version: strings.TrimSpace(version)}
}

// warnCgo says on stderr which files go unanalysed because cgo is off:
// with CGO_ENABLED=0, the go command's default where it finds no C
// compiler, files that import "C" are left out of their packages.
func warnCgo(env goEnv, pkgs []string, stderr io.Writer) {
	if env.cgo != "0" {
		return
	}
	cmd := exec.Command("go", append([]string{"list", "-e", "-f", "{{.ImportPath}}{{range .CgoFiles}} {{.}}{{end}}"}, pkgs...)...)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		return // go vet reports the packages that do not load
	}
	var skipped []string
	for l := range strings.Lines(string(out)) {
		if pkg, files, ok := strings.Cut(strings.TrimSpace(l), " "); ok {
			skipped = append(skipped, fmt.Sprintf("%s (%s)", pkg, strings.ReplaceAll(files, " ", ", ")))
		}
	}
	if len(skipped) > 0 {
		fmt.Fprintf(stderr, "piilint: cgo is disabled (CGO_ENABLED=0, the go command's default without a C compiler): files that import \"C\" are not analysed: %s\n", strings.Join(skipped, "; "))
	}
}
