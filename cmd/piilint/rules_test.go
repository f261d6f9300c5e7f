package main

import (
	"bytes"
	"compress/gzip"
	"crypto/rand"
	"encoding/hex"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
)

var updateRules = flag.Bool("update-rules", false, "rewrite docs/rules.md from the rules")

// rulesDoc is the rules' documentation page, relative to this package.
const rulesDoc = "../../docs/rules.md"

// githubRequirements checks a SARIF log against what GitHub code scanning
// documents for uploads ("SARIF support for code scanning"): the
// properties it requires, the values it accepts, and its limits.
func githubRequirements(t *testing.T, data []byte) {
	t.Helper()
	var zipped bytes.Buffer
	zw := gzip.NewWriter(&zipped)
	zw.Write(data)
	zw.Close()
	if zipped.Len() > 10<<20 {
		t.Errorf("the log is %d bytes gzip-compressed; GitHub accepts 10 MB", zipped.Len())
	}
	out := decodeSARIF(t, data)
	if out.Schema == "" || out.Version != "2.1.0" {
		t.Errorf("$schema %q, version %q: both required, version 2.1.0", out.Schema, out.Version)
	}
	run := out.Runs[0]
	rules := run.Tool.Driver.Rules
	if run.Tool.Driver.Name == "" {
		t.Error("tool.driver.name is required")
	}
	if len(rules) > 25000 {
		t.Errorf("%d rules; GitHub accepts 25,000 per run", len(rules))
	}
	ids := make(map[string]int)
	for i, r := range rules {
		if _, dup := ids[r.ID]; dup || r.ID == "" {
			t.Errorf("rule %d: id %q empty or not unique", i, r.ID)
		}
		ids[r.ID] = i
		if len(r.Name) > 255 {
			t.Errorf("rule %s: name longer than 255 characters", r.ID)
		}
		for what, text := range map[string]string{"shortDescription": r.ShortDescription.Text, "fullDescription": r.FullDescription.Text} {
			if text == "" || len(text) > 1024 {
				t.Errorf("rule %s: %s.text has %d characters; required, at most 1,024", r.ID, what, len(text))
			}
		}
		if r.Help.Text == "" {
			t.Errorf("rule %s: help.text is required", r.ID)
		}
		if l := r.DefaultConfiguration.Level; !slices.Contains([]string{"note", "warning", "error"}, l) {
			t.Errorf("rule %s: defaultConfiguration.level %q, want note, warning or error", r.ID, l)
		}
		p := r.Properties
		if len(p.Tags) > 10 {
			t.Errorf("rule %s: %d tags; GitHub shows 10 (accepts 20)", r.ID, len(p.Tags))
		}
		if p.Precision != "" && !slices.Contains([]string{"very-high", "high", "medium", "low"}, p.Precision) {
			t.Errorf("rule %s: precision %q", r.ID, p.Precision)
		}
		if p.ProblemSeverity != "" && !slices.Contains([]string{"error", "warning", "recommendation"}, p.ProblemSeverity) {
			t.Errorf("rule %s: problem.severity %q", r.ID, p.ProblemSeverity)
		}
		if s := p.SecuritySeverity; s != nil {
			// A string holding a number above 0.0, up to 10.0; rules
			// with one are security rules, tagged so.
			v, err := strconv.ParseFloat(*s, 64)
			if err != nil || v <= 0 || v > 10 || !regexp.MustCompile(`^\d+\.\d$`).MatchString(*s) {
				t.Errorf("rule %s: security-severity %q, want a number string in (0.0, 10.0]", r.ID, *s)
			}
			if !slices.Contains(p.Tags, "security") {
				t.Errorf("rule %s: security-severity without the security tag", r.ID)
			}
		}
	}
	if len(run.Results) > 25000 {
		t.Errorf("%d results; GitHub accepts 25,000 per run", len(run.Results))
	}
	for _, res := range run.Results {
		i, ok := ids[res.RuleID]
		if !ok || i != res.RuleIndex {
			t.Errorf("result %q: ruleId %q, ruleIndex %d: not the index of that rule", res.Message.Text, res.RuleID, res.RuleIndex)
		}
		if res.Message.Text == "" {
			t.Error("a result without message.text")
		}
		if n := len(res.Locations); n < 1 || n > 1000 {
			t.Errorf("result %q: %d locations; GitHub needs one, accepts 1,000", res.Message.Text, n)
		}
		for _, l := range res.Locations {
			if l.PhysicalLocation.ArtifactLocation.URI == "" {
				t.Errorf("result %q: a location without artifactLocation.uri", res.Message.Text)
			}
		}
		if len(res.PartialFingerprints) == 0 {
			t.Errorf("result %q: no partialFingerprints", res.Message.Text)
		}
		for _, cf := range res.CodeFlows {
			for _, tf := range cf.ThreadFlows {
				if len(tf.Locations) > 1000 {
					t.Errorf("result %q: %d thread-flow locations; GitHub accepts 10,000 and shows 1,000", res.Message.Text, len(tf.Locations))
				}
			}
		}
	}
}

func TestSARIFRules(t *testing.T) {
	rules, index := sarifRules(analyzers.Command(), nil)
	var buf bytes.Buffer
	if err := (&sarifWriter{root: t.TempDir(), src: make(sources)}).write(&buf, sarifReport{analyzers: analyzers.Command()}); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, buf.Bytes())
	githubRequirements(t, buf.Bytes())

	sev := func(id string) float64 {
		t.Helper()
		i, ok := index[id]
		if !ok {
			t.Fatalf("no rule %s", id)
		}
		v, _ := strconv.ParseFloat(rules[i].Properties.SecuritySeverity, 64)
		return v
	}
	for _, a := range []string{"piilog", "piiexport", "piitransport"} {
		secret, special, personal := sev(a+"/secret"), sev(a+"/special-category"), sev(a+"/personal")
		// Secrets High or Critical; special categories above other
		// personal data, which is Medium.
		if secret < 8 || secret > 9 || special <= personal || special >= secret || personal < 5 || personal > 6.5 {
			t.Errorf("%s: security-severity secret %.1f, special-category %.1f, personal %.1f", a, secret, special, personal)
		}
		for _, c := range []string{"secret", "special-category", "personal"} {
			r := rules[index[a+"/"+c]]
			if r.Properties.Analyzer != a || r.Properties.Class != c || r.Properties.Precision == "" || r.Name == "" {
				t.Errorf("%s/%s: properties %+v, name %q", a, c, r.Properties, r.Name)
			}
			if !strings.Contains(r.Help.Markdown, "**Before:**\n\n```go\n") || !strings.Contains(r.Help.Text, "\n\nAfter:\n\n    package example") {
				t.Errorf("%s/%s: help without a before/after example:\n%s", a, c, r.Help.Markdown)
			}
			if want := "https://github.com/piilint/piilint/blob/main/docs/rules.md#" + strings.ReplaceAll(a+c, "/", ""); r.HelpURI != want {
				t.Errorf("%s/%s: helpUri %q, want %q", a, c, r.HelpURI, want)
			}
		}
	}
	cwe := map[string]string{"piilog": "external/cwe/cwe-532", "piiexport": "external/cwe/cwe-312", "piitransport": "external/cwe/cwe-319"}
	for a, tag := range cwe {
		if tags := rules[index[a+"/personal"]].Properties.Tags; !slices.Contains(tags, tag) || !slices.Contains(tags, "privacy") {
			t.Errorf("%s: tags %q, want %s and privacy", a, tags, tag)
		}
	}
	if rules[index["piilog/secret"]].DefaultConfiguration.Level != "error" || rules[index["piilog/personal"]].DefaultConfiguration.Level != "warning" {
		t.Error("levels: want error for secrets, warning for personal data")
	}
	for _, a := range []string{"piifacts", "piiuntagged"} {
		r := rules[index[a]]
		if r.Properties.SecuritySeverity != "" || slices.Contains(r.Properties.Tags, "security") || r.Properties.ProblemSeverity == "" {
			t.Errorf("%s: not a leak, want no security-severity and a problem.severity: %+v", a, r.Properties)
		}
	}

	log := rules[index["piilog/secret"]]
	if !strings.HasPrefix(log.ShortDescription.Text, "piilog/secret: Secrets reaching log output") {
		t.Errorf("short description %q", log.ShortDescription.Text)
	}
	if !strings.HasPrefix(log.FullDescription.Text, "Secrets (passwords, tokens, card numbers, CVVs) reaching log output, reported by piilog. Logs are") || strings.Contains(log.FullDescription.Text, "\n") {
		t.Errorf("full description %q", log.FullDescription.Text)
	}
	if !strings.HasPrefix(log.Help.Text, "piilog reports values derived from PII fields") {
		t.Errorf("help does not start with the analyzer's documentation: %q", log.Help.Text)
	}
	// Markdown escapes what would be emphasis or HTML.
	for _, s := range []string{`fmt.Print\* and fmt.Fprint\*`, `//piilint:ignore piilog \<reason>.`, "\n\nFix by logging"} {
		if !strings.Contains(log.Help.Markdown, s) {
			t.Errorf("help markdown lacks %q:\n%s", s, log.Help.Markdown)
		}
	}
	// A rule from a one-line doc.
	r := sarifRuleOf(&analysis.Analyzer{Name: "x", Doc: "x: does x"})
	if r.ShortDescription.Text != "x: does x" || r.FullDescription.Text != "x: does x" || r.Help.Markdown != "x: does x" {
		t.Errorf("one-line rule %+v", r)
	}
}

// TestRuleOfFinding checks which rule a finding goes to: by the class of
// its data, a special category when any field's kind is one, also among
// the fields a long message counts.
func TestRuleOfFinding(t *testing.T) {
	for _, tc := range []struct {
		d    jsonDiagnostic
		want string
	}{
		{jsonDiagnostic{Analyzer: "piilog", Category: "secret", Message: "User.Token (token, secret) reaches log output via log.Print"}, "piilog/secret"},
		{jsonDiagnostic{Analyzer: "piilog", Category: "secret", Message: "User.Allergies (health) and User.Token (token, secret) reach log output via log.Print"}, "piilog/secret"},
		{jsonDiagnostic{Analyzer: "piiexport", Category: "personal", Message: "User.Allergies (health) is written to a CSV file"}, "piiexport/special-category"},
		{jsonDiagnostic{Analyzer: "piitransport", Category: "personal", Message: "User.Face (biometric) is sent over plaintext HTTP via http.Post"}, "piitransport/special-category"},
		{jsonDiagnostic{Analyzer: "piilog", Category: "personal", Message: "User.Email (email) reaches log output via (*log.Logger).Printf"}, "piilog/personal"},
		{jsonDiagnostic{Analyzer: "piilog", Category: "personal", Message: "User.Email (email), User.Name (name) and 2 more fields of User reach log output via log.Print",
			Related: []jsonRelated{{Message: "fields: User.Email (email), User.Name (name), User.Phone (phone), User.Allergies (health)"}}}, "piilog/special-category"},
		{jsonDiagnostic{Analyzer: "piilog", Category: "personal", Message: "User.Email (email), User.Name (name) and 2 more fields of User reach log output via log.Print",
			Related: []jsonRelated{{Message: "fields: User.Email (email), User.Name (name), User.Phone (phone), User.Address (address)"}}}, "piilog/personal"},
		{jsonDiagnostic{Analyzer: "piifacts", Message: `unknown kind "emial"`}, "piifacts"},
		{jsonDiagnostic{Analyzer: "piiother", Category: "personal", Message: "elsewhere"}, "piiother"},
	} {
		if got := ruleID(tc.d); got != tc.want {
			t.Errorf("%s %q: rule %q, want %q", tc.d.Analyzer, tc.d.Message, got, tc.want)
		}
	}
}

// TestRulesDoc checks that docs/rules.md is what the rules render, and
// that every link into it (the rules' helpUri, the analyzers' URL) names
// one of its headings.
func TestRulesDoc(t *testing.T) {
	got := rulesMarkdown(analyzers.Command())
	if *updateRules {
		if err := os.WriteFile(rulesDoc, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(rulesDoc)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != got {
		t.Errorf("docs/rules.md is out of date: go test ./cmd/piilint -run TestRulesDoc -update-rules")
	}
	anchors := make(map[string]bool)
	for _, l := range strings.Split(string(data), "\n") {
		if h, ok := strings.CutPrefix(l, "#"); ok {
			anchors[anchor(strings.TrimSpace(strings.TrimLeft(h, "#")))] = true
		}
	}
	rules, _ := sarifRules(analyzers.Command(), nil)
	links := make(map[string]string)
	for _, r := range rules {
		links["rule "+r.ID] = r.HelpURI
	}
	for _, a := range analyzers.Command() {
		links["analyzer "+a.Name] = a.URL
	}
	for what, link := range links {
		page, frag, _ := strings.Cut(link, "#")
		if page != rulesDocURL || !anchors[frag] {
			t.Errorf("%s links to %q: not a heading of docs/rules.md", what, link)
		}
	}
	if anchor("piilog/special-category") != "piilogspecial-category" || anchor("Adopting piilint on an untagged codebase") != "adopting-piilint-on-an-untagged-codebase" {
		t.Error("anchor does not follow GitHub's heading anchors")
	}
}

// TestSARIFSilenced checks what becomes of findings silenced by
// //piilint:ignore: left out, and said so, unless -sarif-suppressed.
func TestSARIFSilenced(t *testing.T) {
	root := t.TempDir()
	app := writeSource(t, root, "app/app.go", "package app", "", "func f() {", "\tprintln()", "\t//piilint:ignore piilog reviewed", "\tprintln()", "}")
	diags := []jsonDiagnostic{
		{Analyzer: "piilog", Category: "personal", Posn: app + ":4:2", End: app + ":4:3", Message: "User.Email (email) reaches log output via println", Fingerprint: "a"},
		{Analyzer: "piilog", Category: "personal", Posn: app + ":6:2", End: app + ":6:3", Message: "User.Email (email) reaches log output via println", Fingerprint: "b",
			Suppressed: &suppression{Reason: "reviewed", Posn: app + ":5:2", End: app + ":5:34"}},
	}
	for _, listed := range []bool{false, true} {
		var buf bytes.Buffer
		if err := (&sarifWriter{root: root, src: make(sources)}).write(&buf, sarifReport{analyzers: analyzers.Command(), diags: diags, suppressed: listed}); err != nil {
			t.Fatal(err)
		}
		validateSARIF(t, buf.Bytes())
		githubRequirements(t, buf.Bytes())
		run := decodeSARIF(t, buf.Bytes()).Runs[0]
		notes := run.Invocations[0].Notifications
		switch {
		case !listed && (len(run.Results) != 1 || len(notes) != 1 || notes[0].Level != "note" || notes[0].Message.Text != fmt.Sprintf(silencedNote, 1)):
			t.Errorf("default: %d results, notifications %+v; want the unsilenced one, and a note", len(run.Results), notes)
		case listed && (len(run.Results) != 2 || len(notes) != 0 || len(run.Results[1].Suppressions) != 1 || run.Results[1].Suppressions[0].Status != "accepted"):
			t.Errorf("-sarif-suppressed: %d results, notifications %+v; want both, the silenced one suppressed (accepted)", len(run.Results), notes)
		}
		if !run.Invocations[0].ExecutionSuccessful {
			t.Error("a note made the run unsuccessful")
		}
	}
}

// TestSARIFLimits checks that a log stays within GitHub's limits on
// results and code flows, and says what it left out.
func TestSARIFLimits(t *testing.T) {
	root := t.TempDir()
	app := writeSource(t, root, "app/app.go", "package app")
	var diags []jsonDiagnostic
	long := jsonDiagnostic{Analyzer: "piilog", Category: "secret", Posn: app + ":1:1", End: app + ":1:2", Message: "User.Token (token, secret) reaches log output via log.Print", Fingerprint: "long"}
	for i := range 1500 {
		long.Related = append(long.Related, jsonRelated{Posn: app + ":1:1", End: app + ":1:1", Message: "step " + strconv.Itoa(i)})
	}
	diags = append(diags, long)
	for i := range maxResults + 10 {
		d := jsonDiagnostic{Analyzer: "piilog", Category: "secret", Posn: app + ":1:1", End: app + ":1:2", Message: "User.Token (token, secret) reaches log output via log.Print", Fingerprint: strconv.Itoa(i)}
		if i%1000 == 7 {
			// The least severe: these go.
			d.Category, d.Message = "personal", "User.Email (email) reaches log output via log.Print"
		}
		diags = append(diags, d)
	}
	run := writeRun(t, root, diags)
	if len(run.Results) != maxResults {
		t.Fatalf("%d results, want %d", len(run.Results), maxResults)
	}
	personal := 0
	for _, r := range run.Results {
		if r.RuleID == "piilog/personal" {
			personal++
		}
	}
	if personal != 26-11 {
		t.Errorf("%d personal results kept, want the 11 least severe left out (26-11)", personal)
	}
	steps := run.Results[0].steps()
	if len(steps) != maxFlowSteps || !strings.HasSuffix(steps[maxFlowSteps-2], "step 998") || !strings.HasSuffix(steps[maxFlowSteps-1], "step 1499") {
		t.Errorf("the long flow has %d steps, ending %q; want %d, the first %d and the last", len(steps), steps[len(steps)-2:], maxFlowSteps, maxFlowSteps-1)
	}
	var notes []string
	for _, n := range run.Invocations[0].Notifications {
		notes = append(notes, n.Level+": "+n.Message.Text)
	}
	want := []string{
		"warning: 1 code flow(s) longer than 1000 steps, the most GitHub code scanning shows, keep their first 999 steps and the sink",
		"warning: 25011 results, more than the 25000 GitHub code scanning accepts in a run: the 11 least severe are left out; a baseline (-write-baseline, -baseline) keeps known findings out of the log",
	}
	if !slices.Equal(notes, want) {
		t.Errorf("notifications\n%q\nwant\n%q", notes, want)
	}
}

// TestSARIFSizeLimit checks that a log that would exceed 10 MB gzipped
// drops its code flows, not its results.
func TestSARIFSizeLimit(t *testing.T) {
	root := t.TempDir()
	app := writeSource(t, root, "app/app.go", "package app")
	random := make([]byte, 6000)
	var diags []jsonDiagnostic
	for i := range 300 {
		d := jsonDiagnostic{Analyzer: "piilog", Category: "personal", Posn: app + ":1:1", End: app + ":1:2", Message: "User.Email (email) reaches log output via log.Print", Fingerprint: strconv.Itoa(i)}
		for range 10 {
			rand.Read(random) // incompressible: 12 KB of hex per step
			d.Related = append(d.Related, jsonRelated{Posn: app + ":1:1", End: app + ":1:1", Message: hex.EncodeToString(random)})
		}
		diags = append(diags, d)
	}
	run := writeRun(t, root, diags)
	if len(run.Results) != 300 {
		t.Errorf("%d results, want all 300", len(run.Results))
	}
	for _, r := range run.Results {
		if len(r.CodeFlows) != 0 {
			t.Fatal("code flows kept in a log over the size limit")
		}
	}
	notes := run.Invocations[0].Notifications
	if len(notes) != 1 || !strings.Contains(notes[0].Message.Text, "code flows are left out") {
		t.Errorf("notifications %+v, want one on the dropped code flows", notes)
	}
}

// TestRuleExamples runs piilint on every rule's before and after
// examples: each before is reported once, under its rule and at the
// line its comment marks, and each after is clean.
func TestRuleExamples(t *testing.T) {
	e2e(t)
	files := map[string]string{}
	type want struct{ rule, pkg string }
	var wants []want
	add := func(rule, before, after string) {
		pkg := strings.NewReplacer("/", "_", "-", "_").Replace(rule)
		files["before_"+pkg+"/example.go"] = before
		files["after_"+pkg+"/example.go"] = after
		wants = append(wants, want{rule, "before_" + pkg})
	}
	for _, fr := range flowRules {
		before, after := fr.example.expand()
		for _, c := range dataClasses {
			add(fr.analyzer+"/"+c.id, c.expand(before), c.expand(after))
		}
	}
	for _, mr := range markingRules {
		for _, src := range []string{mr.before, mr.after} {
			if out, err := format.Source([]byte(src)); err != nil || string(out) != src {
				t.Errorf("%s's example is not gofmt'd (%v):\n%s", mr.analyzer, err, src)
			}
		}
		add(mr.analyzer, mr.before, mr.after)
	}
	dir := writeModule(t, "examples", files)
	writeFile(t, filepath.Join(dir, ".piilint.yml"), "version: 1\n")
	r := piilint(t, dir, "-sarif", "-piiuntagged", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit %d, want %d:\n%s", r.code, exitFindings, r.stderr)
	}
	out := decodeSARIF(t, []byte(r.stdout))
	got := make(map[string][]string) // package → rules
	for _, res := range out.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		pkg, _, _ := strings.Cut(uri, "/")
		got[pkg] = append(got[pkg], res.RuleID)
		src := files[uri]
		line := strings.Split(src, "\n")[res.Locations[0].PhysicalLocation.Region.StartLine-1]
		if !strings.Contains(line, "// ") {
			t.Errorf("%s: reported at %q, not at the line the example's comment marks", res.RuleID, line)
		}
	}
	for _, w := range wants {
		if rules := got[w.pkg]; len(rules) != 1 || rules[0] != w.rule {
			t.Errorf("%s's example: reported as %q, want once as %s", w.rule, rules, w.rule)
		}
		delete(got, w.pkg)
	}
	for pkg, rules := range got {
		t.Errorf("%s: reported %q, want nothing (the fix)", pkg, rules)
	}
}

// writeRun writes the SARIF log of diags under root, checks it against
// GitHub's requirements and returns its run.
func writeRun(t *testing.T, root string, diags []jsonDiagnostic) sarifRunOut {
	t.Helper()
	var buf bytes.Buffer
	if err := (&sarifWriter{root: root, src: make(sources)}).write(&buf, sarifReport{analyzers: analyzers.Command(), diags: diags}); err != nil {
		t.Fatal(err)
	}
	githubRequirements(t, buf.Bytes())
	return decodeSARIF(t, buf.Bytes()).Runs[0]
}
