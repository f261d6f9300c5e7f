package main

// The code-scanning rules: what each finding is ranked, named and tagged
// as, and the documentation it links to.
//
// GitHub code scanning ranks a security alert by its rule's
// security-severity alone (Critical over 9.0, High from 7.0, Medium from
// 4.0, Low below), so one rule per analyzer would give a leaked CVV and a
// leaked first name the same rank. Each flow analyzer therefore has one
// rule per class of data its findings are about: the secret class
// (passwords, tokens, card numbers, CVVs), the special categories of
// personal data of GDPR Art. 9 (health, biometric data), and other
// personal data, in that order of severity. The analyzers that report no
// flows (piifacts: malformed markings; piiuntagged: fields that look like
// PII) keep one rule each, without a security-severity: they are not
// leaks.
//
// The tables below are the knowledge; sarifRules turns them into SARIF
// reporting descriptors, and rulesMarkdown into docs/rules.md, which the
// rules' helpUri point at.

import (
	"fmt"
	"go/format"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/report"
)

// rulesDocURL is the page of the rules' documentation, rendered by the
// repository host; a rule's helpUri adds its heading's anchor.
const rulesDocURL = informationURI + "/blob/main/docs/rules.md"

// dataClass is a class of data that a flow finding is about.
type dataClass struct {
	id    string // the rule ID's suffix: piilog/<id>
	name  string // the rule name's prefix
	title string // in a description: "secrets"
	// The examples' field: its name, and the kind it is tagged with.
	field, kind string
	level       string // SARIF level
}

// The classes, most severe first.
var (
	classSecret   = dataClass{id: "secret", name: "Secret", title: "secrets (passwords, tokens, card numbers, CVVs)", field: "Password", kind: "password", level: "error"}
	classSpecial  = dataClass{id: "special-category", name: "SpecialCategoryData", title: "special categories of personal data (GDPR Art. 9: health, biometric data)", field: "Diagnosis", kind: "health", level: "warning"}
	classPersonal = dataClass{id: "personal", name: "PersonalData", title: "personal data (names, emails, phone numbers, addresses, IDs)", field: "Email", kind: "email", level: "warning"}
	dataClasses   = []dataClass{classSecret, classSpecial, classPersonal}
)

// label is the kind as a finding's message shows it: "password, secret".
func (c dataClass) label() string {
	if c == classSecret {
		return c.kind + ", " + string(pii.Secret)
	}
	return c.kind
}

// flowRule describes the rules of a flow analyzer.
type flowRule struct {
	analyzer string
	name     string // the rule names' suffix: SecretInLogOutput
	dest     string // where the data goes, in a description
	why      string // why it matters, for the full description
	cwe      string // the CWE tag
	// severity is the security-severity of each class, in dataClasses'
	// order.
	severity [3]string
	// precision is what the real-service benchmark measured (see the
	// README's Precision on real services): how often a finding is true
	// or a policy violation.
	precision string
	// example is reported once (at the line ending in a comment) before,
	// and not after; {Field}, {kind} and {label} stand for the class's
	// example field.
	example example
}

// exampleType is the struct the examples declare.
const exampleType = `type User struct {
	ID       int64
	{Field} string ` + "`" + `pii:"{kind}"` + "`" + `
}`

var flowRules = []flowRule{
	{
		analyzer: "piilog", name: "InLogOutput", dest: "log output", cwe: "external/cwe/cwe-532",
		why:      "Logs are kept for months, shipped to other services and read by many people: data in them escapes every control on the database it came from.",
		severity: [3]string{"8.5", "7.0", "5.5"}, precision: "high",
		example: example{
			file: `package example

import "log"

` + exampleType + `

func LoginFailed(u *User) {
	{line}
}
`,
			before: `log.Printf("login failed for %s", u.{Field}) // User.{Field} ({label}) reaches log output via log.Printf`,
			after:  `log.Printf("login failed for user %d", u.ID)`,
		},
	},
	{
		analyzer: "piiexport", name: "InExportFile", dest: "a CSV, Excel or other file", cwe: "external/cwe/cwe-312",
		why:      "Customer data kept in export files is how it ends up on a lost laptop or a USB stick.",
		severity: [3]string{"8.0", "7.0", "5.0"}, precision: "high",
		example: example{
			file: `package example

import (
	"encoding/csv"
	"os"
	"strconv"
)

` + exampleType + `

func Export(users []User) error {
	f, err := os.Create("users.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	for _, u := range users {
		{line}
	}
	w.Flush()
	return w.Error()
}
`,
			before: `w.Write([]string{strconv.FormatInt(u.ID, 10), u.{Field}}) // User.{Field} ({label}) is written to a CSV file`,
			after:  `w.Write([]string{strconv.FormatInt(u.ID, 10)})`,
		},
	},
	{
		analyzer: "piitransport", name: "SentInCleartext", dest: "a network channel without working encryption", cwe: "external/cwe/cwe-319",
		why:      "Data sent without working encryption can be read and changed by anyone on the network path.",
		severity: [3]string{"9.0", "7.5", "6.5"}, precision: "high",
		example: example{
			file: `package example

import (
	"net/http"
	"net/url"
)

` + exampleType + `

func Sync(u *User) error {
	{line}
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
`,
			before: `resp, err := http.PostForm("http://crm.example.com/sync", url.Values{"value": {u.{Field}}}) // User.{Field} ({label}) is sent over plaintext HTTP via http.PostForm`,
			after:  `resp, err := http.PostForm("https://crm.example.com/sync", url.Values{"value": {u.{Field}}})`,
		},
	},
}

// example is a rule's before/after example: a Go file whose {line} is
// the line the analyzer reports (before) or its fix (after).
type example struct {
	file, before, after string
}

// expand returns the before and after files of e.
func (e example) expand() (before, after string) {
	return strings.Replace(e.file, "{line}", e.before, 1), strings.Replace(e.file, "{line}", e.after, 1)
}

// markingRule describes the rule of an analyzer that reports no flows.
type markingRule struct {
	analyzer      string
	name          string
	tags          []string
	problem       string // properties.problem.severity
	level         string // SARIF level
	precision     string
	before, after string // as for flowRule, without placeholders
}

var markingRules = []markingRule{
	{
		analyzer: "piifacts", name: "MalformedPIIMarking", tags: []string{"privacy", "correctness"},
		problem: "warning", level: "warning", precision: "very-high",
		before: `package example

type User struct {
	ID    int64
	Email string ` + "`" + `pii:"emial"` + "`" + ` // pii tag: unknown kind "emial" (did you mean "email"?)
}
`,
		after: `package example

type User struct {
	ID    int64
	Email string ` + "`" + `pii:"email"` + "`" + `
}
`,
	},
	{
		analyzer: "piiuntagged", name: "UnmarkedPersonalData", tags: []string{"privacy", "maintainability"},
		problem: "recommendation", level: "note", precision: "medium",
		before: `package example

type User struct {
	ID    int64
	Email string // User.Email looks like email but is not marked; add pii:"email"
}
`,
		after: `package example

type User struct {
	ID    int64
	Email string ` + "`" + `pii:"email"` + "`" + `
}
`,
	},
}

// expand fills a flow rule's example for a class, formatted as gofmt
// would (the field's name sets the struct's alignment).
func (c dataClass) expand(src string) string {
	src = strings.NewReplacer("{Field}", c.field, "{kind}", c.kind, "{label}", c.label()).Replace(src)
	if out, err := format.Source([]byte(src)); err == nil {
		return string(out)
	}
	return src // TestRuleExamples reports an example that does not parse
}

// ruleID is the rule of a finding: the analyzer's rule for the class of
// its data when the analyzer reports flows, else the analyzer's own.
func ruleID(d jsonDiagnostic) string {
	if _, ok := flowRuleOf(d.Analyzer); !ok {
		return d.Analyzer
	}
	return d.Analyzer + "/" + findingClass(d).id
}

// findingClass is the class of the data a flow finding is about: secret
// when any field is (the finding's category says so), else a special
// category when any field's kind is one, else personal.
func findingClass(d jsonDiagnostic) dataClass {
	if d.Category == string(pii.Secret) {
		return classSecret
	}
	fields := ""
	for _, r := range d.Related {
		if strings.HasPrefix(r.Message, report.FieldsPrefix) {
			fields = r.Message
		}
	}
	for _, k := range report.FieldKinds(d.Message, fields) {
		if pii.Special(k) {
			return classSpecial
		}
	}
	return classPersonal
}

// resultLevel is a finding's level: its class's for a flow finding, its
// rule's for the analyzers that report no flows.
func resultLevel(d jsonDiagnostic) string {
	if mr, ok := markingRuleOf(d.Analyzer); ok {
		return mr.level
	}
	return sarifLevel(d.Category)
}

func flowRuleOf(analyzer string) (flowRule, bool) {
	for _, r := range flowRules {
		if r.analyzer == analyzer {
			return r, true
		}
	}
	return flowRule{}, false
}

func markingRuleOf(analyzer string) (markingRule, bool) {
	for _, r := range markingRules {
		if r.analyzer == analyzer {
			return r, true
		}
	}
	return markingRule{}, false
}

// rulesFor returns the rules of an analyzer: one per class for a flow
// analyzer, else one.
func rulesFor(a *analysis.Analyzer) []sarifRule {
	base := sarifRuleOf(a)
	if fr, ok := flowRuleOf(a.Name); ok {
		var rules []sarifRule
		for i, c := range dataClasses {
			r := base
			r.ID = a.Name + "/" + c.id
			r.Name = c.name + fr.name
			r.ShortDescription = sarifText{fmt.Sprintf("%s: %s reaching %s", r.ID, capitalize(strings.SplitN(c.title, " (", 2)[0]), fr.dest)}
			r.FullDescription = sarifText{fmt.Sprintf("%s reaching %s, reported by %s. %s", capitalize(c.title), fr.dest, a.Name, fr.why)}
			before, after := fr.example.expand()
			r.Help = exampleHelp(base.Help, c.expand(before), c.expand(after))
			r.HelpURI = rulesDocURL + "#" + anchor(r.ID)
			r.DefaultConfiguration = sarifRuleConfig{Level: c.level}
			r.Properties = sarifRuleProperty{
				Tags:             []string{"security", "privacy", fr.cwe},
				Precision:        fr.precision,
				SecuritySeverity: fr.severity[i],
				Analyzer:         a.Name,
				Class:            c.id,
			}
			rules = append(rules, r)
		}
		return rules
	}
	if mr, ok := markingRuleOf(a.Name); ok {
		base.Name = mr.name
		base.Help = exampleHelp(base.Help, mr.before, mr.after)
		base.HelpURI = rulesDocURL + "#" + anchor(a.Name)
		base.DefaultConfiguration = sarifRuleConfig{Level: mr.level}
		base.Properties = sarifRuleProperty{
			Tags:            mr.tags,
			Precision:       mr.precision,
			ProblemSeverity: mr.problem,
			Analyzer:        a.Name,
		}
	}
	return []sarifRule{base}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// exampleHelp adds a before/after example to a rule's help, as
// staticcheck's check documentation shows one.
func exampleHelp(h sarifHelp, before, after string) sarifHelp {
	indent := func(src string) string {
		return "    " + strings.ReplaceAll(strings.TrimRight(src, "\n"), "\n", "\n    ")
	}
	h.Text += "\n\nBefore:\n\n" + indent(before) + "\n\nAfter:\n\n" + indent(after)
	h.Markdown += "\n\n**Before:**\n\n```go\n" + before + "```\n\n**After:**\n\n```go\n" + after + "```"
	return h
}

// anchor is the anchor GitHub gives a Markdown heading: lower case,
// without punctuation other than hyphens and underscores, spaces as
// hyphens.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// rulesMarkdown renders docs/rules.md: per analyzer, its rules with
// their severity, tags and help.
func rulesMarkdown(as []*analysis.Analyzer) string {
	var b strings.Builder
	b.WriteString(`# piilint's rules

This page is generated from the analyzers' documentation and
` + "`cmd/piilint/rules.go`" + ` (` + "`go test ./cmd/piilint -run TestRulesDoc -update-rules`" + `);
code-scanning alerts link here. Each flow analyzer has one rule per class
of data, so that GitHub ranks a leaked secret above a leaked name: the
security-severity is what code scanning shows as Critical (over 9.0), High
(7.0 to 8.9), Medium (4.0 to 6.9) or Low.

| rule | name | level | security-severity | precision | tags |
|---|---|---|---|---|---|
`)
	var all []sarifRule
	for _, a := range as {
		all = append(all, rulesFor(a)...)
	}
	for _, r := range all {
		sev := r.Properties.SecuritySeverity
		if sev == "" {
			sev = "—"
		}
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s | %s |\n", r.ID, anchor(r.ID), r.Name, r.DefaultConfiguration.Level, sev, r.Properties.Precision, strings.Join(r.Properties.Tags, ", "))
	}
	for _, a := range as {
		rules := rulesFor(a)
		fmt.Fprintf(&b, "\n## %s\n\n", a.Name)
		if len(rules) == 1 && rules[0].ID == a.Name {
			b.WriteString(rules[0].Help.Markdown + "\n")
			continue
		}
		fmt.Fprintf(&b, "%s\n\nRules: %s.\n", sarifRuleOf(a).Help.Markdown, ruleList(rules))
		for _, r := range rules {
			fmt.Fprintf(&b, "\n### %s\n\n%s. Level `%s`, security-severity %s, precision %s; tags %s.\n",
				r.ID, r.ShortDescription.Text[len(r.ID)+2:], r.DefaultConfiguration.Level, r.Properties.SecuritySeverity, r.Properties.Precision, "`"+strings.Join(r.Properties.Tags, "`, `")+"`")
			_, example, _ := strings.Cut(r.Help.Markdown, "\n\n**Before:**")
			b.WriteString("\n**Before:**" + example + "\n")
		}
	}
	return b.String()
}

func ruleList(rules []sarifRule) string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = fmt.Sprintf("[`%s`](#%s)", r.ID, anchor(r.ID))
	}
	return strings.Join(ids, ", ")
}
