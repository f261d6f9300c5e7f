package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/piilint/piilint/analyzers"
)

// sarifOut is the part of a SARIF log the tests read back.
type sarifOut struct {
	Schema  string        `json:"$schema"`
	Version string        `json:"version"`
	Runs    []sarifRunOut `json:"runs"`
}

// sarifRunOut is a run of a SARIF log as the tests read it.
type sarifRunOut struct {
	Tool struct {
		Driver struct {
			Name  string `json:"name"`
			Rules []struct {
				ID               string `json:"id"`
				ShortDescription struct {
					Text string `json:"text"`
				} `json:"shortDescription"`
				FullDescription struct {
					Text string `json:"text"`
				} `json:"fullDescription"`
				Help struct {
					Text     string `json:"text"`
					Markdown string `json:"markdown"`
				} `json:"help"`
				HelpURI              string `json:"helpUri"`
				Name                 string `json:"name"`
				DefaultConfiguration struct {
					Level string `json:"level"`
				} `json:"defaultConfiguration"`
				Properties struct {
					Tags             []string `json:"tags"`
					Precision        string   `json:"precision"`
					SecuritySeverity *string  `json:"security-severity"`
					ProblemSeverity  string   `json:"problem.severity"`
					Analyzer         string   `json:"piilint/analyzer"`
					Class            string   `json:"piilint/class"`
				} `json:"properties"`
			} `json:"rules"`
		} `json:"driver"`
	} `json:"tool"`
	Invocations []struct {
		ExecutionSuccessful bool `json:"executionSuccessful"`
		Notifications       []struct {
			Level   string   `json:"level"`
			Message sarifMsg `json:"message"`
		} `json:"toolExecutionNotifications"`
	} `json:"invocations"`
	OriginalURIBaseIDs map[string]struct {
		URI string `json:"uri"`
	} `json:"originalUriBaseIds"`
	ColumnKind string           `json:"columnKind"`
	Results    []sarifResultOut `json:"results"`
}

type sarifMsg struct {
	Text string `json:"text"`
}

type sarifLocOut struct {
	PhysicalLocation struct {
		ArtifactLocation struct {
			URI       string `json:"uri"`
			URIBaseID string `json:"uriBaseId"`
		} `json:"artifactLocation"`
		Region *sarifRegion `json:"region"`
	} `json:"physicalLocation"`
	Message *sarifMsg `json:"message"`
}

type sarifResultOut struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMsg          `json:"message"`
	Locations           []sarifLocOut     `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	CodeFlows           []struct {
		ThreadFlows []struct {
			Locations []struct {
				Location sarifLocOut `json:"location"`
			} `json:"locations"`
		} `json:"threadFlows"`
	} `json:"codeFlows"`
	Suppressions []struct {
		Kind          string       `json:"kind"`
		Status        string       `json:"status"`
		Justification string       `json:"justification"`
		Location      *sarifLocOut `json:"location"`
	} `json:"suppressions"`
	BaselineState string `json:"baselineState"`
	Properties    struct {
		Fields []string `json:"piilint/fields"`
	} `json:"properties"`
}

// where is a location as "uri base line:col-line:col".
func (l sarifLocOut) where() string {
	s := l.PhysicalLocation.ArtifactLocation.URI + " " + l.PhysicalLocation.ArtifactLocation.URIBaseID
	if r := l.PhysicalLocation.Region; r != nil {
		s += " " + itoa(r.StartLine) + ":" + itoa(r.StartColumn)
		if r.EndLine != 0 {
			s += "-" + itoa(r.EndLine) + ":" + itoa(r.EndColumn)
		}
	}
	return s
}

// steps is the codeFlow of a result as "where: message" lines.
func (r sarifResultOut) steps() []string {
	var out []string
	for _, cf := range r.CodeFlows {
		for _, tf := range cf.ThreadFlows {
			for _, l := range tf.Locations {
				msg := ""
				if l.Location.Message != nil {
					msg = l.Location.Message.Text
				}
				out = append(out, l.Location.where()+": "+msg)
			}
		}
	}
	return out
}

func decodeSARIF(t *testing.T, data []byte) sarifOut {
	t.Helper()
	var out sarifOut
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("SARIF output does not decode: %v\n%s", err, data)
	}
	if len(out.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(out.Runs))
	}
	return out
}

// sarifWriteDiags are the diagnostics TestSARIFWrite writes: a secret
// through a helper, a silenced finding, a malformed tag, and a finding
// outside the repository.
func sarifWriteDiags(app, helper, model, outside string, card int) []jsonDiagnostic {
	return []jsonDiagnostic{
		{
			Analyzer: "piilog", Category: "secret",
			Posn: app + ":4:" + itoa(card), End: app + ":4:" + itoa(card+len("c.Card")),
			Message: "Customer.Card (card, secret) reaches log output via logx.Info → log.Print",
			Related: []jsonRelated{
				{Posn: app + ":4:" + itoa(card+2), End: app + ":4:" + itoa(card+2), Message: "Customer.Card (card) read here"},
				{Posn: helper + ":3:26", End: helper + ":3:26", Message: "logx.Info → log.Print sends it to log output"},
			},
			Fingerprint: strings.Repeat("1", 32),
		},
		{
			Analyzer: "piilog", Category: "personal",
			Posn: app + ":6:19", End: app + ":6:26",
			Message:     "Customer.Email (email) reaches log output via log.Printf",
			Related:     []jsonRelated{{Posn: app + ":6:5", End: app + ":6:5", Message: "sink"}},
			Suppressed:  &suppression{Reason: "reviewed: the shop's own address", Posn: app + ":5:2", End: app + ":5:59"},
			Fingerprint: strings.Repeat("2", 32),
		},
		{
			Analyzer: "piifacts",
			Posn:     model + ":4:11", End: "-",
			Message:     `unknown kind "emial"`,
			Fingerprint: strings.Repeat("3", 32),
		},
		{
			Analyzer: "piiother", Category: "personal",
			Posn: outside + ":2:5", End: outside + ":2:6",
			Message:     "elsewhere",
			Fingerprint: strings.Repeat("4", 32),
		},
	}
}

func TestSARIFWrite(t *testing.T) {
	root := t.TempDir()
	app := writeSource(t, root, "app/app.go",
		"package app",
		"",
		"func f(c Customer) {",
		"\tlog.Printf(\"café ☕ 😀 %s\", c.Card)",
		"\t//piilint:ignore piilog reviewed: the shop's own address",
		"\tlog.Printf(\"%s\", c.Email)",
		"}",
	)
	helper := writeSource(t, root, "logx/logx.go", "package logx", "", "func Info(args ...any) { log.Print(args...) }")
	model := writeSource(t, root, "model/model.go", "package model", "", "type C struct {", "\tE string `pii:\"emial\"`", "}")
	outside := filepath.Join(t.TempDir(), "dir with space", "x.go")
	writeSource(t, filepath.Dir(outside), "x.go", "package x", "var s = 1")

	card := strings.Index("\tlog.Printf(\"café ☕ 😀 %s\", c.Card)", "c.Card") + 1 // byte column
	diags := sarifWriteDiags(app, helper, model, outside, card)
	var buf bytes.Buffer
	w := &sarifWriter{root: root, src: make(sources)}
	r := sarifReport{analyzers: analyzers.Command(), diags: diags, baselined: true, suppressed: true, errors: []string{"example.com/x: piifacts: internal error: boom\ngoroutine 1 [running]:\nmain.main()"}}
	if err := w.write(&buf, r); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	out := decodeSARIF(t, buf.Bytes())
	if out.Version != "2.1.0" || out.Schema != sarifSchemaURI {
		t.Errorf("version %q, $schema %q", out.Version, out.Schema)
	}
	run := out.Runs[0]
	if run.Tool.Driver.Name != "piilint" || run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("driver %q, columnKind %q", run.Tool.Driver.Name, run.ColumnKind)
	}
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
	}
	rules := append(slices.Clone(suiteRuleIDs), "piiother")
	slices.Sort(rules)
	if !reflect.DeepEqual(ids, rules) {
		t.Errorf("rules %q, want %q", ids, rules)
	}
	ruleIndex := func(name string) int { return slices.Index(rules, name) }
	if got := run.OriginalURIBaseIDs[srcRootID].URI; got != "file://"+filepath.ToSlash(root)+"/" {
		t.Errorf("%%SRCROOT%% = %q, want the root's file URI", got)
	}
	inv := run.Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 ||
		inv[0].Notifications[0].Message.Text != "example.com/x: piifacts: internal error: boom (the goroutine stack is on piilint's standard error)" || inv[0].Notifications[0].Level != "error" {
		t.Errorf("invocations %+v, want one failed with the error's first line", inv)
	}

	res := run.Results
	if len(res) != 4 {
		t.Fatalf("%d results, want 4", len(res))
	}
	type row struct {
		rule        string
		index       int
		level, text string
		where       string
		fp          string
	}
	var got []row
	for _, r := range res {
		if len(r.Locations) != 1 {
			t.Fatalf("%s: %d locations", r.Message.Text, len(r.Locations))
		}
		got = append(got, row{r.RuleID, r.RuleIndex, r.Level, r.Message.Text, r.Locations[0].where(), r.PartialFingerprints["piilint/v2"]})
		if r.BaselineState != "new" {
			t.Errorf("%s: baselineState %q, want new", r.Message.Text, r.BaselineState)
		}
	}
	want := []row{
		// c.Card: byte columns 34-40; in UTF-16, less 1 for é, 2 for ☕
		// and 2 for 😀.
		{"piilog/secret", ruleIndex("piilog/secret"), "error", diags[0].Message, "app/app.go %SRCROOT% 4:29-4:35", strings.Repeat("1", 32)},
		{"piilog/personal", ruleIndex("piilog/personal"), "warning", diags[1].Message, "app/app.go %SRCROOT% 6:19-6:26", strings.Repeat("2", 32)},
		{"piifacts", ruleIndex("piifacts"), "warning", diags[2].Message, "model/model.go %SRCROOT% 4:11", strings.Repeat("3", 32)},
		{"piiother", ruleIndex("piiother"), "warning", "elsewhere", "file://" + filepath.ToSlash(filepath.Dir(filepath.Dir(outside))) + "/dir%20with%20space/x.go  2:5-2:6", strings.Repeat("4", 32)},
	}
	if card != 34 {
		t.Fatalf("the test's byte column is %d, want 34", card)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("results:\n%+v\nwant\n%+v", got, want)
	}
	if steps, want := res[0].steps(), []string{
		"app/app.go %SRCROOT% 4:31: Customer.Card (card) read here",
		"logx/logx.go %SRCROOT% 3:26: logx.Info → log.Print sends it to log output",
	}; !reflect.DeepEqual(steps, want) {
		t.Errorf("code flow\n%q\nwant\n%q", steps, want)
	}
	if len(res[2].CodeFlows) != 0 {
		t.Errorf("a piifacts finding has a code flow: %+v", res[2].CodeFlows)
	}
	for i, r := range res {
		if i == 1 {
			continue
		}
		if len(r.Suppressions) != 0 {
			t.Errorf("%s: suppressions %+v", r.Message.Text, r.Suppressions)
		}
	}
	sup := res[1].Suppressions
	if len(sup) != 1 || sup[0].Kind != "inSource" || sup[0].Status != "accepted" || sup[0].Justification != "reviewed: the shop's own address" ||
		sup[0].Location == nil || sup[0].Location.where() != "app/app.go %SRCROOT% 5:2-5:59" {
		t.Errorf("suppressions %+v, want one in source with the reason, at the directive", sup)
	}
}

func TestSARIFLevel(t *testing.T) {
	for cat, want := range map[string]string{"secret": "error", "personal": "warning", "": "warning", "other": "warning"} {
		if got := sarifLevel(cat); got != want {
			t.Errorf("sarifLevel(%q) = %q, want %q", cat, got, want)
		}
	}
}

func TestURIs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"app/app.go", "app/app.go"},
		{"dir with space/a#b?.go", "dir%20with%20space/a%23b%3F.go"},
		{"café/x.go", "caf%C3%A9/x.go"},
		{"c:d/e:f.go", "c%3Ad/e:f.go"},
		{"100%/x.go", "100%25/x.go"},
		{"a:b.go", "a%3Ab.go"},
	} {
		if got := relURI(tc.in); got != tc.want {
			t.Errorf("relURI(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got, want := fileURI("/work/a b/x.go"), "file:///work/a%20b/x.go"; got != want {
		t.Errorf("fileURI = %q, want %q", got, want)
	}
	if got, want := fileURI("/"), "file:///"; got != want {
		t.Errorf("fileURI(/) = %q, want %q", got, want)
	}
}

func TestUnmark(t *testing.T) {
	related := []jsonRelated{{Posn: "a.go:1:2", Message: "read here"}, {Posn: "a.go:3:1", End: "a.go:3:20", Message: "reviewed"}}
	d := jsonDiagnostic{Category: "piilint-suppressed:secret", Message: "m", Related: related}
	d.unmark()
	if d.Category != "secret" || len(d.Related) != 1 || d.Related[0].Message != "read here" {
		t.Errorf("unmarked %+v", d)
	}
	if s := d.Suppressed; s == nil || *s != (suppression{Reason: "reviewed", Posn: "a.go:3:1", End: "a.go:3:20"}) {
		t.Errorf("suppression %+v", s)
	}
	if related[1].Message != "reviewed" || len(related) != 2 {
		t.Error("unmark changed the tree's related list")
	}
	plain := jsonDiagnostic{Category: "personal", Related: related}
	plain.unmark()
	if plain.Suppressed != nil || len(plain.Related) != 2 || plain.Category != "personal" {
		t.Errorf("unmark changed an unmarked diagnostic: %+v", plain)
	}
	// The marks in the vet tool's output are removed by diagnostics, and
	// write leaves the silenced finding out.
	tree := jsonTree{"p": {"piilog": {
		{Posn: "/p/a.go:3:1", End: "/p/a.go:3:2", Category: "piilint-suppressed:personal", Message: "m", Related: related},
		{Posn: "/p/a.go:4:1", End: "/p/a.go:4:2", Category: "personal", Message: "m"},
	}}}
	all := tree.diagnostics(true)
	if len(all) != 2 || all[0].Suppressed == nil || all[0].Category != "personal" || all[1].Suppressed != nil {
		t.Errorf("diagnostics %+v", all)
	}
	if got := unsuppressed(all); len(got) != 1 || got[0].Posn != "/p/a.go:4:1" {
		t.Errorf("unsuppressed %+v", got)
	}
	var buf bytes.Buffer
	if err := tree.write(&buf, true); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "a.go:3:1") || strings.Contains(buf.String(), "suppressed") || !strings.Contains(buf.String(), "a.go:4:1") {
		t.Errorf("JSON output:\n%s", buf.String())
	}
}

func TestOptionsCheck(t *testing.T) {
	for _, tc := range []struct {
		args []string
		err  string
	}{
		{[]string{"-json", "-sarif"}, "-json and -sarif are exclusive"},
		{[]string{"-fix", "-sarif"}, "-fix cannot be combined"},
		{[]string{"-fix", "-json"}, "-fix cannot be combined"},
		{[]string{"-piilogs=false"}, "unknown analyzer in flag -piilogs=false (analyzers: piifacts, piilog, piiexport, piitransport, piiuntagged)"},
		{[]string{"-piifacts.config"}, "bad analyzer flag -piifacts.config"},
		{[]string{"-piitransport.strict", "-piilog=false", "-piifacts.config=x.yml"}, ""},
		{[]string{"-fix", "-baseline", "b.json"}, "-fix cannot be combined"},
		{[]string{"-write-baseline", "b.json", "-sarif"}, "-write-baseline prints nothing"},
		{[]string{"-write-baseline", "b.json", "-baseline", "a.json"}, "-write-baseline prints nothing"},
		{[]string{"-sarif", "-baseline", "b.json"}, ""},
		{[]string{"-json", "-baseline", "b.json"}, ""},
		{[]string{"-write-baseline", "b.json", "-tests=false"}, ""},
	} {
		var stderr bytes.Buffer
		o, _, err := parseFlags(tc.args, &stderr)
		if tc.err == "" {
			if err != nil {
				t.Errorf("%q: %v", tc.args, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.Contains(stderr.String(), tc.err) {
			t.Errorf("%q: error %v, stderr %q; want %q", tc.args, err, stderr.String(), tc.err)
		}
		_ = o
	}
	o, _, err := parseFlags([]string{"-sarif", "-baseline", "b.json", "-write-baseline", "", "./..."}, new(bytes.Buffer))
	if err != nil || !o.sarif || o.baseline != "b.json" || !o.fingerprints() {
		t.Errorf("options %+v, %v", o, err)
	}
	o, _, _ = parseFlags([]string{"-json"}, new(bytes.Buffer))
	if o.fingerprints() {
		t.Error("-json needs no fingerprints")
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// suiteRuleIDs are the rules of every SARIF log: a rule per class of
// each flow analyzer, one for each other analyzer, sorted.
var suiteRuleIDs = []string{
	"piiexport/personal", "piiexport/secret", "piiexport/special-category",
	"piifacts",
	"piilog/personal", "piilog/secret", "piilog/special-category",
	"piitransport/personal", "piitransport/secret", "piitransport/special-category",
	"piiuntagged",
}
