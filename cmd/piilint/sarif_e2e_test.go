package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/piilint/piilint/internal/report"
)

// greetSrc has a finding after non-ASCII text on its line: é is one UTF-16
// unit in two bytes, ☕ one in three, 😀 two in four.
const greetSrc = `package app

import (
	"log"

	"example.com/stdmod/model"
)

// Greet greets in French.
func Greet(c *model.Customer) {
	log.Printf("café ☕ 😀 bonjour %s", c.Email) // want "Customer.Email (email) reaches log output via log.Printf"
}
`

// badTagSrc has a malformed marking, which piifacts reports.
const badTagSrc = "package model\n\n// Lead is a prospect.\ntype Lead struct {\n\tEmail string `pii:\"emial\"`\n}\n"

// sarifFixture copies the fixture into a repository of its own (a .git
// directory), with greetSrc and badTagSrc added.
func sarifFixture(t *testing.T) string {
	t.Helper()
	dir := copyFixture(t)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "app", "greet.go"), greetSrc)
	writeFile(t, filepath.Join(dir, "model", "lead.go"), badTagSrc)
	return dir
}

// utf16Col converts a byte column of a line of file with the standard
// library's UTF-16 encoder.
func utf16Col(t *testing.T, file string, line, col int) int {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Split(string(data), "\n")[line-1]
	return len(utf16.Encode([]rune(text[:col-1]))) + 1
}

func TestSARIF(t *testing.T) {
	e2e(t)
	dir := sarifFixture(t)
	r := piilint(t, dir, "-sarif", "-sarif-suppressed", "./...")
	if r.code != exitFindings {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %s", r.stderr)
	}
	validateSARIF(t, []byte(r.stdout))
	githubRequirements(t, []byte(r.stdout))
	out := decodeSARIF(t, []byte(r.stdout))
	run := out.Runs[0]

	// The text output: the wants, and the malformed tag.
	text := piilint(t, dir, "./...")
	textFindings := parseText(t, text.stdout)
	wants := collectWants(t, dir)
	tagLine, tagCol := position(t, filepath.Join(dir, "model", "lead.go"), "emial", "`pii")
	var tag []finding
	for _, f := range textFindings {
		if f.analyzer == "piifacts" {
			tag = append(tag, f)
		}
	}
	if len(tag) != 1 || tag[0].file != "model/lead.go" || tag[0].line != tagLine || tag[0].col != tagCol {
		t.Fatalf("piifacts findings %v, want one at model/lead.go:%d:%d", tag, tagLine, tagCol)
	}
	wants[tag[0].want()] = true
	checkFindings(t, textFindings, wants)

	checkSARIFRun(t, out, dir)

	// The JSON output's related information, by finding.
	jr := piilint(t, dir, "-json", "./...")
	related := relatedSteps(t, dir, jr)

	greetLine, greetCol := position(t, filepath.Join(dir, "app", "greet.go"), "bonjour", "c.Email")
	var got []finding
	var suppressed []sarifResultOut
	fingerprints := make(map[string]bool)
	for _, res := range run.Results {
		if rule := run.Tool.Driver.Rules[res.RuleIndex]; rule.ID != res.RuleID {
			t.Errorf("%s: ruleIndex %d is rule %s, not %s", res.Message.Text, res.RuleIndex, rule.ID, res.RuleID)
		}
		if len(res.Locations) != 1 {
			t.Fatalf("%s: %d locations", res.Message.Text, len(res.Locations))
		}
		loc := res.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region == nil {
			t.Fatalf("%s: location %+v", res.Message.Text, loc)
		}
		reg := loc.Region
		analyzer, _, _ := strings.Cut(res.RuleID, "/")
		f := finding{loc.ArtifactLocation.URI, reg.StartLine, reg.StartColumn, res.Message.Text, analyzer}
		fp := res.PartialFingerprints["piilint/v2"]
		if !fingerprintRE.MatchString(fp) || fingerprints[fp] || len(res.PartialFingerprints) != 1 {
			t.Errorf("%s: partialFingerprints %v: want one piilint/v2, 32 hexadecimal digits, unique", f, res.PartialFingerprints)
		}
		fingerprints[fp] = true
		if res.BaselineState != "" {
			t.Errorf("%s: baselineState %q without a baseline", f, res.BaselineState)
		}

		// Levels by class.
		level := "warning"
		if strings.Contains(f.message, ", secret)") {
			level = "error"
		}
		if res.Level != level {
			t.Errorf("%s: level %q, want %q", f, res.Level, level)
		}

		if len(res.Suppressions) > 0 {
			suppressed = append(suppressed, res)
			continue
		}
		// The column in UTF-16 code units; the byte column is the text's.
		byteCol := reg.StartColumn
		if f.file == "app/greet.go" {
			if reg.StartLine != greetLine || reg.StartColumn != greetCol-5 {
				t.Errorf("%s: column %d, want %d (byte column %d less 5)", f, reg.StartColumn, greetCol-5, greetCol)
			}
			byteCol = greetCol
		}
		if f.analyzer == "piilog" && (reg.EndLine != reg.StartLine || reg.EndColumn <= reg.StartColumn) {
			t.Errorf("%s: region %+v has no extent", f, reg)
		}
		got = append(got, finding{f.file, f.line, byteCol, f.message, f.analyzer})

		// The code flow is the related information.
		steps := related[finding{f.file, f.line, byteCol, f.message, f.analyzer}.String()]
		if f.analyzer == "piilog" && len(steps) < 1 {
			t.Errorf("%s: no related information in -json output", f)
		}
		// A finding that counts fields lists them all as a property.
		if strings.Contains(f.message, " more fields") && len(res.Properties.Fields) < 4 {
			t.Errorf("%s: properties list fields %q, want every field", f, res.Properties.Fields)
		}
		if !slices.Equal(res.steps(), steps) {
			t.Errorf("%s: code flow\n%q\nwant the related information\n%q", f, res.steps(), steps)
		}
	}
	// Exactly the text output, columns included.
	slices.SortFunc(got, func(a, b finding) int { return strings.Compare(a.String(), b.String()) })
	slices.SortFunc(textFindings, func(a, b finding) int { return strings.Compare(a.String(), b.String()) })
	if !slices.Equal(got, textFindings) {
		t.Errorf("SARIF results differ from text findings:\nsarif:\n%v\ntext:\n%v", got, textFindings)
	}

	// The extent of one finding: c.Email.
	for _, res := range run.Results {
		if res.Message.Text == "Customer.Email (email) reaches log output via log.Printf" && res.Locations[0].PhysicalLocation.ArtifactLocation.URI == "app/greet.go" {
			if reg := res.Locations[0].PhysicalLocation.Region; reg.EndColumn-reg.StartColumn != len("c.Email") {
				t.Errorf("greet.go finding spans %+v, want c.Email", reg)
			}
		}
	}

	checkSuppressed(t, dir, suppressed)

	// By default, the silenced findings are left out, and a note says so.
	def := piilint(t, dir, "-sarif", "./...")
	validateSARIF(t, []byte(def.stdout))
	defRun := decodeSARIF(t, []byte(def.stdout)).Runs[0]
	if len(defRun.Results) != len(run.Results)-len(suppressed) {
		t.Errorf("%d results without -sarif-suppressed, want %d", len(defRun.Results), len(run.Results)-len(suppressed))
	}
	for _, res := range defRun.Results {
		if len(res.Suppressions) != 0 {
			t.Errorf("%s: a suppressed result without -sarif-suppressed", res.Message.Text)
		}
	}
	if n := defRun.Invocations[0].Notifications; len(n) != 1 || n[0].Level != "note" || n[0].Message.Text != fmt.Sprintf(silencedNote, len(suppressed)) {
		t.Errorf("notifications %+v, want a note on the %d silenced findings", n, len(suppressed))
	}

	checkSilencedHidden(t, dir, text, jr)

	inApp := 0
	for _, res := range defRun.Results {
		if strings.HasPrefix(res.Locations[0].PhysicalLocation.ArtifactLocation.URI, "app/") {
			inApp++
		}
	}
	checkFromSubdir(t, dir, inApp, fingerprints)
}

// checkSARIFRun checks the run's rules (one per analyzer, from its
// documentation), its source root and its invocation.
func checkSARIFRun(t *testing.T, out sarifOut, dir string) {
	run := out.Runs[0]
	t.Helper()
	// Rules: one per analyzer, from its documentation.
	var ids []string
	for _, rule := range run.Tool.Driver.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || rule.Help.Text == "" || rule.Help.Markdown == "" {
			t.Errorf("rule %s lacks a description or help: %+v", rule.ID, rule)
		}
	}
	if want := suiteRuleIDs; !reflect.DeepEqual(ids, want) {
		t.Fatalf("rules %q, want %q", ids, want)
	}
	if got := run.Tool.Driver.Rules[slices.Index(ids, "piilog/personal")].ShortDescription.Text; got != "piilog/personal: Personal data reaching log output" {
		t.Errorf("piilog/personal's short description %q", got)
	}
	if got, want := run.OriginalURIBaseIDs["%SRCROOT%"].URI, "file://"+filepath.ToSlash(dir)+"/"; got != want {
		t.Errorf("%%SRCROOT%% is %q, want %q", got, want)
	}
	if inv := run.Invocations; len(inv) != 1 || !inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 0 {
		t.Errorf("invocations %+v", inv)
	}
}

// relatedSteps is the related information of the -json output jr, by
// finding, in SARIF's code-flow form.
func relatedSteps(t *testing.T, dir string, jr result) map[string][]string {
	t.Helper()
	related := make(map[string][]string)
	var tree map[string]map[string][]jsonDiag
	if err := json.Unmarshal([]byte(jr.stdout), &tree); err != nil {
		t.Fatalf("-json output: %v", err)
	}
	for _, byAnalyzer := range tree {
		for analyzer, diags := range byAnalyzer {
			for _, d := range diags {
				f, _ := relFinding(t, dir, d.Posn, d.Message, analyzer)
				var steps []string
				for _, rel := range d.Related {
					if strings.HasPrefix(rel.Message, report.FieldsPrefix) {
						continue // a property of the result, not a step
					}
					s, _ := relFinding(t, dir, rel.Posn, rel.Message, analyzer)
					col := utf16Col(t, filepath.Join(dir, s.file), s.line, s.col)
					steps = append(steps, s.file+" %SRCROOT% "+itoa(s.line)+":"+itoa(col)+": "+s.message)
				}
				related[f.String()] = steps
			}
		}
	}
	return related
}

// checkSilencedHidden checks that text and JSON never show silenced
// findings, even when asked for.
func checkSilencedHidden(t *testing.T, dir string, text, jr result) {
	t.Helper()
	if r := piilint(t, dir, "-piifacts.suppressed", "./..."); r != text {
		t.Errorf("-piifacts.suppressed changed the text output:\n%s\nwant\n%s", r.stdout, text.stdout)
	}
	if r := piilint(t, dir, "-json", "-piifacts.suppressed", "./..."); r != jr {
		t.Errorf("-piifacts.suppressed changed the JSON output:\n%s\nwant\n%s", r.stdout, jr.stdout)
	}
}

// checkSuppressed checks the two silenced findings of app.go, with their
// reasons.
func checkSuppressed(t *testing.T, dir string, suppressed []sarifResultOut) {
	t.Helper()
	// The two silenced findings of app.go, with their reasons.
	app := filepath.Join(dir, "app", "app.go")
	emailLine, _ := position(t, app, `log.Printf("seed %s", c.Email)`, "c.Email")
	ownLine, ownCol := position(t, app, "\t//piilint:ignore", "//piilint")
	nameLine, nameDir := position(t, app, `c.Name) //piilint:ignore`, "//piilint")
	const directive = "//piilint:ignore piilog reviewed: test data"
	wantSup := []string{
		"app/app.go " + itoa(emailLine) + " Customer.Email (email) reaches log output via log.Printf: inSource \"reviewed: test data\" at app/app.go %SRCROOT% " +
			itoa(ownLine) + ":" + itoa(ownCol) + "-" + itoa(ownLine) + ":" + itoa(ownCol+len(directive)),
		"app/app.go " + itoa(nameLine) + " Customer.Name (name) reaches log output via log.Printf: inSource \"reviewed: test data\" at app/app.go %SRCROOT% " +
			itoa(nameLine) + ":" + itoa(nameDir) + "-" + itoa(nameLine) + ":" + itoa(nameDir+len(directive)),
	}
	var gotSup []string
	for _, res := range suppressed {
		loc := res.Locations[0].PhysicalLocation
		for _, s := range res.Suppressions {
			at := "nowhere"
			if s.Location != nil {
				at = s.Location.where()
			}
			gotSup = append(gotSup, loc.ArtifactLocation.URI+" "+itoa(loc.Region.StartLine)+" "+res.Message.Text+": "+s.Kind+" "+strconv.Quote(s.Justification)+" at "+at)
		}
		if len(res.steps()) == 0 {
			t.Errorf("%s: a silenced finding lost its code flow", res.Message.Text)
		}
	}
	if !reflect.DeepEqual(gotSup, wantSup) {
		t.Errorf("suppressions:\n%q\nwant\n%q", gotSup, wantSup)
	}
}

// checkFromSubdir checks that from a subdirectory, locations and
// fingerprints stay relative to the repository.
func checkFromSubdir(t *testing.T, dir string, results int, fingerprints map[string]bool) {
	// results: how many results the run at the root has in app/.
	t.Helper()
	// From a subdirectory, locations and fingerprints stay relative to the
	// repository. (The go command may replay cached findings of the
	// packages app imports: those are relative to the repository too.)
	sub := piilint(t, filepath.Join(dir, "app"), "-sarif", ".")
	validateSARIF(t, []byte(sub.stdout))
	subOut := decodeSARIF(t, []byte(sub.stdout))
	inApp := 0
	for _, res := range subOut.Runs[0].Results {
		uri := res.Locations[0].PhysicalLocation.ArtifactLocation.URI
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(uri))); err != nil {
			t.Errorf("%s: uri %q is not relative to the repository", res.Message.Text, uri)
		}
		if strings.HasPrefix(uri, "app/") {
			inApp++
		}
		if !fingerprints[res.PartialFingerprints["piilint/v2"]] {
			t.Errorf("%s at %s: fingerprint %s differs from the run at the root", res.Message.Text, uri, res.PartialFingerprints["piilint/v2"])
		}
	}
	if inApp != results {
		t.Errorf("%d results in app/ from the app directory, want %d, as from the root", inApp, results)
	}
}

// TestSARIFClean: no findings is a valid log with no results, and exit 0.
func TestSARIFClean(t *testing.T) {
	e2e(t)
	r := piilint(t, absFixture(t), "-sarif", "./model/...")
	if r.code != exitClean || r.stderr != "" {
		t.Fatalf("exit status %d, want 0; stderr:\n%s", r.code, r.stderr)
	}
	validateSARIF(t, []byte(r.stdout))
	if !strings.Contains(r.stdout, `"results": []`) {
		t.Errorf("no empty results list:\n%s", r.stdout)
	}
	out := decodeSARIF(t, []byte(r.stdout))
	if len(out.Runs[0].Results) != 0 || len(out.Runs[0].Tool.Driver.Rules) != len(suiteRuleIDs) {
		t.Errorf("run %+v", out.Runs[0])
	}
}

// TestSARIFError: packages that fail to type-check give exit status 1 and
// a log whose invocation failed, with the go command's error.
func TestSARIFError(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "broken", map[string]string{
		"ok/ok.go":   "package ok\n\nimport \"log\"\n\ntype C struct{ E string `pii:\"email\"` }\n\nfunc F(c C) { log.Print(c.E) }\n",
		"bad/bad.go": "package bad\n\nvar X int = \"s\"\n",
	})
	r := piilint(t, dir, "-sarif", "./...")
	if r.code != exitError {
		t.Errorf("exit status %d, want %d", r.code, exitError)
	}
	validateSARIF(t, []byte(r.stdout))
	inv := decodeSARIF(t, []byte(r.stdout)).Runs[0].Invocations
	if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 ||
		!strings.Contains(inv[0].Notifications[0].Message.Text, "cannot use \"s\"") {
		t.Errorf("invocations %+v, want a failed one with the compiler's error", inv)
	}
	if !strings.Contains(r.stderr, "cannot use \"s\"") {
		t.Errorf("stderr lacks the compiler's error:\n%s", r.stderr)
	}
}
