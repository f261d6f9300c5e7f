package report_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/report"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/suppress"
	"github.com/piilint/piilint/internal/taint"
)

var (
	email = taint.Source{Key: "example.com/crm.Customer.Email", Name: "Customer.Email", Kind: "email"}
	cvv   = taint.Source{Key: "example.com/crm.Customer.CVV", Name: "Customer.CVV", Kind: "cvv"}
	phone = taint.Source{Key: "example.com/crm.Customer.Phone", Name: "Customer.Phone", Kind: "phone"}
)

func TestDiagnostic(t *testing.T) {
	f := &taint.Finding{
		Pos: 100, End: 110, Call: 90,
		Source: email,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"},
	}
	d := report.Diagnostic(f, pii.Personal)
	if want := "Customer.Email (email) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	if d.Pos != 100 || d.End != 110 {
		t.Errorf("Pos, End = %d, %d, want 100, 110", d.Pos, d.End)
	}
	if d.Category != "personal" {
		t.Errorf("Category = %q, want %q", d.Category, "personal")
	}
	if len(d.Related) != 1 {
		t.Fatalf("Related = %+v, want the sink call only", d.Related)
	}
	last := d.Related[0]
	if last.Pos != 90 || last.End != 90 {
		t.Errorf("the sink call is at %d-%d, want 90-90", last.Pos, last.End)
	}
	if want := "log.Printf sends it to log output; "; !strings.HasPrefix(last.Message, want) {
		t.Errorf("sink call message %q does not start with %q", last.Message, want)
	}
	if !strings.Contains(last.Message, "//pii:sanitizer") {
		t.Errorf("sink call message %q gives no advice on masking", last.Message)
	}
	if len(d.SuggestedFixes) != 0 {
		t.Errorf("unexpected fixes %+v", d.SuggestedFixes)
	}
}

func TestDiagnosticSecret(t *testing.T) {
	f := &taint.Finding{
		Pos: 1, End: 2, Call: 1,
		Source: cvv,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"},
	}
	d := report.Diagnostic(f, pii.Secret)
	if want := "Customer.CVV (cvv, secret) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	if d.Category != "secret" {
		t.Errorf("Category = %q, want %q", d.Category, "secret")
	}
	// The class decides, not the kind: an unknown kind has no class.
	d = report.Diagnostic(f, "")
	if want := "Customer.CVV (cvv) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("without a class: Message = %q, want %q", d.Message, want)
	}
	if d.Category != "" {
		t.Errorf("without a class: Category = %q, want none", d.Category)
	}
}

func TestDiagnosticClasses(t *testing.T) {
	for _, tc := range []struct {
		class         sinks.Class
		dest          string
		callee        string
		message, hint string
		advice        string
	}{
		{sinks.Log, "", "log.Printf", "Customer.Email (email) reaches log output via log.Printf", "log.Printf sends it to log output; ", "sanitizer"},
		{sinks.Export, "", "(*encoding/csv.Writer).Write", "Customer.Email (email) is written to an export file via (*encoding/csv.Writer).Write", "(*encoding/csv.Writer).Write sends it to an export file; ", "allow rule"},
		{sinks.Export, sinks.DestCSV, "(*encoding/csv.Writer).Write", "Customer.Email (email) is written to a CSV file via (*encoding/csv.Writer).Write", "(*encoding/csv.Writer).Write sends it to a CSV file; ", "allow rule"},
		{sinks.Export, sinks.DestXLSX, "(*excelize.File).SetCellValue", "Customer.Email (email) is written to an xlsx workbook via (*excelize.File).SetCellValue", "(*excelize.File).SetCellValue sends it to an xlsx workbook; ", "leave the column out"},
		{sinks.Export, sinks.DestFile, "os.WriteFile", "Customer.Email (email) is written to a plain file via os.WriteFile", "os.WriteFile sends it to a plain file; ", "mask it"},
		{sinks.Transport, "", "net/http.Post", "Customer.Email (email) is sent over a plaintext channel via net/http.Post", "net/http.Post sends it to a plaintext channel; ", "TLS"},
	} {
		f := &taint.Finding{Pos: 1, End: 2, Call: 1, Source: email, Sink: taint.SinkRef{Class: tc.class, Dest: tc.dest, Callee: tc.callee}}
		d := report.Diagnostic(f, pii.Personal)
		if d.Message != tc.message {
			t.Errorf("%s: Message = %q, want %q", tc.class, d.Message, tc.message)
		}
		msg := d.Related[len(d.Related)-1].Message
		if !strings.HasPrefix(msg, tc.hint) {
			t.Errorf("%s: sink call message %q does not start with %q", tc.class, msg, tc.hint)
		}
		if !strings.Contains(msg, tc.advice) {
			t.Errorf("%s: sink call message %q does not mention %q", tc.class, msg, tc.advice)
		}
	}
}

func TestDiagnosticChainAndSteps(t *testing.T) {
	f := &taint.Finding{
		Pos: 50, End: 57, Call: 40,
		Source: email,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf", Via: []string{"logx.Info"}},
		Steps: []taint.Step{
			{Pos: 10, Message: "Customer.Email is read here"},
			{Pos: 20, Message: "passed to logx.Info"},
			{Pos: 30, Message: "formatted into msg"},
		},
	}
	d := report.Diagnostic(f, pii.Personal)
	if want := "Customer.Email (email) reaches log output via logx.Info → log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	want := []analysis.RelatedInformation{
		{Pos: 10, End: 10, Message: "Customer.Email is read here"},
		{Pos: 20, End: 20, Message: "passed to logx.Info"},
		{Pos: 30, End: 30, Message: "formatted into msg"},
	}
	if len(d.Related) != len(want)+1 {
		t.Fatalf("Related has %d entries, want %d: %+v", len(d.Related), len(want)+1, d.Related)
	}
	if !reflect.DeepEqual(d.Related[:len(want)], want) {
		t.Errorf("steps:\n%+v\nwant\n%+v", d.Related[:len(want)], want)
	}
	last := d.Related[len(want)]
	if last.Pos != 40 || last.End != 40 {
		t.Errorf("the last entry is at %d-%d, want the call at 40", last.Pos, last.End)
	}
	if !strings.HasPrefix(last.Message, "logx.Info → log.Printf sends it to log output; ") {
		t.Errorf("last entry %q does not name the chain", last.Message)
	}
}

func TestChain(t *testing.T) {
	for _, tc := range []struct {
		ref  taint.SinkRef
		want string
	}{
		{taint.SinkRef{Callee: "log.Printf"}, "log.Printf"},
		{taint.SinkRef{Callee: "log.Printf", Via: []string{}}, "log.Printf"},
		{taint.SinkRef{Callee: "log.Printf", Via: []string{"logx.Info"}}, "logx.Info → log.Printf"},
		{taint.SinkRef{Callee: "(*log/slog.Logger).Info", Via: []string{"api.Audit", "(*logx.L).Info"}}, "api.Audit → (*logx.L).Info → (*log/slog.Logger).Info"},
	} {
		if got := report.Chain(tc.ref); got != tc.want {
			t.Errorf("Chain(%+v) = %q, want %q", tc.ref, got, tc.want)
		}
	}
}

// TestChainNoAlias: Chain does not write into the Via slice of a finding,
// which other findings may share.
func TestChainNoAlias(t *testing.T) {
	via := make([]string, 1, 8)
	via[0] = "logx.Info"
	a := taint.SinkRef{Callee: "log.Printf", Via: via}
	b := taint.SinkRef{Callee: "fmt.Println", Via: via}
	ca := report.Chain(a)
	cb := report.Chain(b)
	if ca != "logx.Info → log.Printf" || cb != "logx.Info → fmt.Println" {
		t.Errorf("Chain = %q, %q", ca, cb)
	}
	if extra := via[:2][1]; extra != "" {
		t.Errorf("Chain wrote %q past the end of Via", extra)
	}
}

// The package analysed by the Flows tests: line numbers matter.
const appSrc = `package app

import "log"

func f(c Customer) {
	log.Printf("%s", c.Email)
	//piilint:ignore piilog reviewed with the DPO
	log.Printf("%s", c.Email)
	log.Printf("%s", c.CVV) //piilint:ignore piiexport wrong analyzer
	log.Printf("%s", c.Phone)
}
`

const genSrc = `// Code generated by crmgen. DO NOT EDIT.

package app

import "log"

func g(c Customer) {
	log.Printf("%s", c.Email)
}
`

// env is a package of two files, app.go and gen.go, with the piifacts
// result a flow analyzer reads.
type env struct {
	fset     *token.FileSet
	app, gen *ast.File
	res      *piifacts.Result
}

func newEnv(t *testing.T, cfg *config.Config) *env {
	t.Helper()
	e := &env{fset: token.NewFileSet()}
	var err error
	if e.app, err = parser.ParseFile(e.fset, "app.go", appSrc, parser.ParseComments); err != nil {
		t.Fatal(err)
	}
	if e.gen, err = parser.ParseFile(e.fset, "gen.go", genSrc, parser.ParseComments); err != nil {
		t.Fatal(err)
	}
	files := []*ast.File{e.app, e.gen}
	idx, problems := suppress.New(e.fset, files, piifacts.Analyzers)
	for _, p := range problems {
		t.Fatalf("suppress: %s", p.Message)
	}
	e.res = &piifacts.Result{Config: cfg, Vocab: pii.Default, Ignores: idx, Generated: map[string]bool{}}
	for _, f := range files {
		if ast.IsGenerated(f) {
			e.res.Generated[e.fset.File(f.Pos()).Name()] = true
		}
	}
	if !e.res.Generated["gen.go"] || e.res.Generated["app.go"] {
		t.Fatalf("generated files: %v", e.res.Generated)
	}
	return e
}

// finding returns a finding of src whose argument is the selector of its
// field (c.Email for Customer.Email) on line of file, and whose call is the
// log call on that line.
func (e *env) finding(t *testing.T, file *ast.File, line int, src taint.Source, class sinks.Class) *taint.Finding {
	t.Helper()
	tf := e.fset.File(file.Pos())
	start := tf.LineStart(line)
	end := tf.Pos(tf.Size())
	if line < tf.LineCount() {
		end = tf.LineStart(line + 1)
	}
	text := appSrc
	if file == e.gen {
		text = genSrc
	}
	lineText := text[tf.Offset(start):tf.Offset(end)]
	field := "c." + strings.TrimPrefix(src.Name, "Customer.")
	i := strings.Index(lineText, field)
	if i < 0 {
		t.Fatalf("%s:%d has no %s: %q", tf.Name(), line, field, lineText)
	}
	call := start + token.Pos(strings.Index(lineText, "log."))
	pos := start + token.Pos(i)
	return &taint.Finding{
		Pos: pos, End: pos + token.Pos(len(field)), Call: call,
		Source: src,
		Sink:   taint.SinkRef{Class: class, Callee: "log.Printf"},
	}
}

// flows runs report.Flows for class on a pass of package pkgPath and
// returns what it reports.
func (e *env) flows(t *testing.T, pkgPath string, class sinks.Class, findings ...*taint.Finding) []analysis.Diagnostic {
	t.Helper()
	e.res.Findings = findings
	var got []analysis.Diagnostic
	facts := &analysis.Analyzer{Name: "piifacts"}
	other := &analysis.Analyzer{Name: "inspect"}
	pass := &analysis.Pass{
		Analyzer: &analysis.Analyzer{Name: class.Analyzer()},
		Fset:     e.fset,
		Files:    []*ast.File{e.app, e.gen},
		Pkg:      types.NewPackage(pkgPath, "app"),
		ResultOf: map[*analysis.Analyzer]any{facts: e.res, other: "not a piifacts result"},
		Report:   func(d analysis.Diagnostic) { got = append(got, d) },
	}
	report.Flows(pass, class, nil)
	return got
}

func messages(ds []analysis.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Message)
	}
	return out
}

func TestFlows(t *testing.T) {
	e := newEnv(t, nil)
	logged := e.finding(t, e.app, 6, email, sinks.Log)
	exported := e.finding(t, e.app, 6, email, sinks.Export)
	got := e.flows(t, "example.com/app", sinks.Log, logged, exported)
	if len(got) != 1 {
		t.Fatalf("reported %q, want the log finding only", messages(got))
	}
	if want := report.Diagnostic(logged, pii.Personal); !reflect.DeepEqual(got[0], want) {
		t.Errorf("reported\n%+v\nwant\n%+v", got[0], want)
	}
	got = e.flows(t, "example.com/app", sinks.Export, logged, exported)
	if len(got) != 1 || got[0].Message != "Customer.Email (email) is written to an export file via log.Printf" {
		t.Errorf("export analyzer reported %q, want the export finding only", messages(got))
	}
	if got := e.flows(t, "example.com/app", sinks.Transport, logged, exported); len(got) != 0 {
		t.Errorf("transport analyzer reported %q", messages(got))
	}
}

func TestFlowsOrder(t *testing.T) {
	e := newEnv(t, nil)
	a := e.finding(t, e.app, 6, email, sinks.Log)
	b := e.finding(t, e.app, 10, phone, sinks.Log)
	got := messages(e.flows(t, "example.com/app", sinks.Log, b, a))
	want := []string{
		"Customer.Phone (phone) reaches log output via log.Printf",
		"Customer.Email (email) reaches log output via log.Printf",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
}

func TestFlowsGenerated(t *testing.T) {
	e := newEnv(t, nil)
	gen := e.finding(t, e.gen, 8, email, sinks.Log)
	app := e.finding(t, e.app, 6, email, sinks.Log)
	got := e.flows(t, "example.com/app", sinks.Log, gen, app)
	if len(got) != 1 || got[0].Pos != app.Pos {
		t.Errorf("reported %q at %v, want only the finding of app.go", messages(got), positions(e.fset, got))
	}
}

func TestFlowsIgnored(t *testing.T) {
	e := newEnv(t, nil)
	// Line 8 is below an own-line directive for piilog.
	suppressed := e.finding(t, e.app, 8, email, sinks.Log)
	if got := e.flows(t, "example.com/app", sinks.Log, suppressed); len(got) != 0 {
		t.Errorf("a finding below //piilint:ignore piilog was reported: %q", messages(got))
	}
	// The directive names piilog, not piiexport.
	export := e.finding(t, e.app, 8, email, sinks.Export)
	if got := e.flows(t, "example.com/app", sinks.Export, export); len(got) != 1 {
		t.Errorf("piiexport reported %q, want the finding the piilog directive does not cover", messages(got))
	}
	// Line 9 trails a directive for piiexport only.
	secret := e.finding(t, e.app, 9, cvv, sinks.Log)
	if got := e.flows(t, "example.com/app", sinks.Log, secret); len(got) != 1 {
		t.Errorf("piilog reported %q on a line silenced for piiexport only", messages(got))
	}
	if got := e.flows(t, "example.com/app", sinks.Export, e.finding(t, e.app, 9, cvv, sinks.Export)); len(got) != 0 {
		t.Errorf("piiexport reported %q on a line it is silenced on", messages(got))
	}
	// Line 10 follows the trailing directive of line 9: not silenced.
	next := e.finding(t, e.app, 10, phone, sinks.Export)
	if got := e.flows(t, "example.com/app", sinks.Export, next); len(got) != 1 {
		t.Errorf("piiexport reported %q, want the finding below a trailing directive", messages(got))
	}
}

// TestFlowsIgnoredAtCall: a directive on the line of the call silences a
// finding whose argument is elsewhere, as when a helper reaches the sink.
func TestFlowsIgnoredAtCall(t *testing.T) {
	e := newEnv(t, nil)
	f := e.finding(t, e.app, 6, email, sinks.Log)
	f.Call = e.finding(t, e.app, 8, email, sinks.Log).Call
	if got := e.flows(t, "example.com/app", sinks.Log, f); len(got) != 0 {
		t.Errorf("a finding whose call is silenced was reported: %q", messages(got))
	}
	g := e.finding(t, e.app, 8, email, sinks.Log)
	g.Call = e.finding(t, e.app, 6, email, sinks.Log).Call
	if got := e.flows(t, "example.com/app", sinks.Log, g); len(got) != 0 {
		t.Errorf("a finding whose argument is silenced was reported: %q", messages(got))
	}
}

func TestFlowsAllow(t *testing.T) {
	for _, tc := range []struct {
		name  string
		rule  config.AllowRule
		email bool // whether the email finding is still reported
	}{
		{"any", config.AllowRule{Reason: "r"}, false},
		{"analyzer", config.AllowRule{Analyzer: "piilog", Reason: "r"}, false},
		{"other analyzer", config.AllowRule{Analyzer: "piiexport", Reason: "r"}, true},
		{"kind", config.AllowRule{Kinds: []string{"email"}, Reason: "r"}, false},
		{"other kind", config.AllowRule{Kinds: []string{"phone"}, Reason: "r"}, true},
		{"secret kind named", config.AllowRule{Kinds: []string{"email", "cvv"}, Reason: "r"}, false},
		{"package", config.AllowRule{Packages: []string{"example.com/app"}, Reason: "r"}, false},
		{"package tree", config.AllowRule{Packages: []string{"example.com/..."}, Reason: "r"}, false},
		{"other package", config.AllowRule{Packages: []string{"example.com/other"}, Reason: "r"}, true},
		{"package prefix", config.AllowRule{Packages: []string{"example.com/ap"}, Reason: "r"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t, &config.Config{Allow: []config.AllowRule{tc.rule}})
			personal := e.finding(t, e.app, 6, email, sinks.Log)
			secret := e.finding(t, e.app, 10, phone, sinks.Log)
			secret.Source = cvv
			got := messages(e.flows(t, "example.com/app", sinks.Log, personal, secret))
			want := []string{"Customer.CVV (cvv, secret) reaches log output via log.Printf"}
			if tc.email {
				want = append([]string{"Customer.Email (email) reaches log output via log.Printf"}, want...)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("reported %q, want %q", got, want)
			}
		})
	}
}

func TestFlowsNoResult(t *testing.T) {
	fset := token.NewFileSet()
	for _, resultOf := range []map[*analysis.Analyzer]any{
		nil,
		{&analysis.Analyzer{Name: "inspect"}: "something else"},
		{&analysis.Analyzer{Name: "piifacts"}: (*piifacts.Result)(nil)},
		{&analysis.Analyzer{Name: "piifacts"}: "not a result"},
	} {
		pass := &analysis.Pass{
			Fset:     fset,
			Pkg:      types.NewPackage("example.com/app", "app"),
			ResultOf: resultOf,
			Report:   func(d analysis.Diagnostic) { t.Errorf("reported %q without a piifacts result", d.Message) },
		}
		report.Flows(pass, sinks.Log, nil)
	}
}

func positions(fset *token.FileSet, ds []analysis.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fset.Position(d.Pos).String())
	}
	return out
}

// TestFlowsSuppressed: with ReportSuppressed, a silenced finding is
// reported with the marks the piilint command reads: the Category prefix
// and a last related entry at the directive, whose message is the reason.
func TestFlowsSuppressed(t *testing.T) {
	e := newEnv(t, nil)
	e.res.ReportSuppressed = true
	silenced := e.finding(t, e.app, 8, email, sinks.Log)
	plain := e.finding(t, e.app, 10, phone, sinks.Log)
	got := e.flows(t, "example.com/app", sinks.Log, plain, silenced)
	if len(got) != 2 {
		t.Fatalf("reported %q, want both findings", messages(got))
	}
	if want := report.Diagnostic(plain, pii.Personal); !reflect.DeepEqual(got[0], want) {
		t.Errorf("an unsilenced finding is marked:\n%+v\nwant\n%+v", got[0], want)
	}
	d := got[1]
	want := report.Diagnostic(silenced, pii.Personal)
	if d.Category != "piilint-suppressed:personal" || d.Message != want.Message {
		t.Errorf("silenced finding: category %q, message %q; want %q, %q", d.Category, d.Message, "piilint-suppressed:personal", want.Message)
	}
	if len(d.Related) != len(want.Related)+1 || !reflect.DeepEqual(d.Related[:len(want.Related)], want.Related) {
		t.Fatalf("related %+v, want the flow %+v and the directive", d.Related, want.Related)
	}
	dir := d.Related[len(d.Related)-1]
	if p := e.fset.Position(dir.Pos); p.Line != 7 || p.Column != 2 {
		t.Errorf("directive at %v, want app.go:7:2", p)
	}
	if p := e.fset.Position(dir.End); p.Line != 7 || p.Column != len("\t//piilint:ignore piilog reviewed with the DPO")+1 {
		t.Errorf("directive ends at %v, want the end of line 7", p)
	}
	if dir.Message != "reviewed with the DPO" {
		t.Errorf("directive message %q, want the reason", dir.Message)
	}
	// Marking does not write into the unmarked diagnostic's Related.
	if !reflect.DeepEqual(report.Diagnostic(silenced, pii.Personal), want) {
		t.Error("Diagnostic changed after marking")
	}

	// A silenced finding that an allow rule covers is not reported at all.
	cfg := &config.Config{Allow: []config.AllowRule{{Analyzer: "piilog", Kinds: []string{"email"}, Reason: "r"}}}
	e = newEnv(t, cfg)
	e.res.ReportSuppressed = true
	if got := e.flows(t, "example.com/app", sinks.Log, e.finding(t, e.app, 8, email, sinks.Log)); len(got) != 0 {
		t.Errorf("an allowed silenced finding was reported: %q", messages(got))
	}
}
