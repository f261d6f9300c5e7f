package main

// SARIF 2.1.0 output, for code scanning.
//
// The types are the part of SARIF that piilint writes, written here rather
// than taken from a SARIF library: they are a score of small structs, the
// published binary gains no dependency, each field is omitted exactly
// where the schema allows its absence, and a test validates the output
// against the official schema. They live in the command, which is the
// only importer: the analyzers and the golangci-lint plugin do not see
// them.

import (
	"cmp"
	"go/doc/comment"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/report"
)

const (
	sarifVersion   = "2.1.0"
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// srcRootID is the uriBaseId of locations under the source root.
	srcRootID = "%SRCROOT%"
	// informationURI is the tool's home page.
	informationURI = "https://github.com/piilint/piilint"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags []string `json:"tags"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
	Properties          *sarifProperties   `json:"properties,omitempty"`
}

// sarifProperties are piilint's own properties of a result: every field
// of a finding whose message names only some (report.Group).
type sarifProperties struct {
	Fields []string `json:"piilint/fields,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion is in lines and UTF-16 code units, 1-based; the end column
// is the one after the region, as in go/token.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLocation `json:"locations"`
}

type sarifThreadFlowLocation struct {
	Location sarifLocation `json:"location"`
}

type sarifSuppression struct {
	Kind          string         `json:"kind"`
	Justification string         `json:"justification,omitempty"`
	Location      *sarifLocation `json:"location,omitempty"`
}

// sarifLevel is a finding's level, by the class of the PII it is about:
// secrets (passwords, tokens, card numbers...) are errors, other personal
// data warnings. piifacts' findings have no class: a malformed marking or
// a configuration entry that matches nothing leaves PII untracked, which
// is worth fixing but is not itself a leak, so they are warnings too.
func sarifLevel(category string) string {
	if category == "secret" {
		return "error"
	}
	return "warning"
}

// sarifWriter turns diagnostics into SARIF locations relative to root.
type sarifWriter struct {
	root string
	src  sources
}

// sarifReport is what one run of the command has to say.
type sarifReport struct {
	analyzers []*analysis.Analyzer // the rules
	diags     []jsonDiagnostic     // fingerprinted, silenced ones included
	baselined bool                 // a baseline filtered diags
	errors    []string             // errors of the run; none means success
}

// write writes the SARIF log of r.
func (w *sarifWriter) write(out io.Writer, r sarifReport) error {
	rules, index := sarifRules(r.analyzers, r.diags)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "piilint",
			Version:        version(),
			InformationURI: informationURI,
			Rules:          rules,
		}},
		Invocations:        []sarifInvocation{{ExecutionSuccessful: len(r.errors) == 0}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRootID: {URI: fileURI(w.root) + "/"}},
		ColumnKind:         "utf16CodeUnits",
		Results:            []sarifResult{},
	}
	for _, e := range r.errors {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications,
			sarifNotification{Level: "error", Message: sarifText{notification(e)}})
	}
	for _, d := range r.diags {
		run.Results = append(run.Results, w.result(d, index[d.Analyzer], r.baselined))
	}
	return encodeJSON(out, sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}})
}

// notification is an error for a code-scanning notification: without the
// goroutine stack of an internal error, which goes to standard error only
// (the command prints every error whole there).
func notification(err string) string {
	msg, stack, ok := strings.Cut(err, "\ngoroutine ")
	msg = strings.TrimSpace(msg)
	if ok && strings.TrimSpace(stack) != "" {
		msg += " (the goroutine stack is on piilint's standard error)"
	}
	return msg
}

func (w *sarifWriter) result(d jsonDiagnostic, rule int, baselined bool) sarifResult {
	res := sarifResult{
		RuleID:              d.Analyzer,
		RuleIndex:           rule,
		Level:               sarifLevel(d.Category),
		Message:             sarifText{d.Message},
		Locations:           []sarifLocation{w.location(d.Posn, d.End, "")},
		PartialFingerprints: map[string]string{fingerprintKey: d.Fingerprint},
	}
	var steps []sarifThreadFlowLocation
	for _, r := range d.Related {
		if list, ok := strings.CutPrefix(r.Message, report.FieldsPrefix); ok {
			res.Properties = &sarifProperties{Fields: strings.Split(list, ", ")}
			continue
		}
		steps = append(steps, sarifThreadFlowLocation{w.location(r.Posn, r.End, r.Message)})
	}
	if len(steps) > 0 {
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: steps}}}}
	}
	if s := d.Suppressed; s != nil {
		sup := sarifSuppression{Kind: "inSource", Justification: s.Reason}
		if s.Posn != "" {
			loc := w.location(s.Posn, s.End, "")
			sup.Location = &loc
		}
		res.Suppressions = []sarifSuppression{sup}
	}
	if baselined {
		// The baseline's findings are left out: what remains is new.
		res.BaselineState = "new"
	}
	return res
}

// location converts the x/tools positions posn and end ("file:line:col")
// into a SARIF location.
func (w *sarifWriter) location(posn, end, message string) sarifLocation {
	file, line, col := splitPosn(posn)
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: w.artifact(file)}}
	if message != "" {
		loc.Message = &sarifText{message}
	}
	if line < 1 {
		return loc
	}
	text, _ := w.src.line(file, line)
	r := &sarifRegion{StartLine: line}
	if col > 0 {
		r.StartColumn = utf16Column(text, col)
	}
	// An empty range (a flow step's point) is left open: the step is
	// shown on its line.
	if efile, eline, ecol := splitPosn(end); efile == file && col > 0 && ecol > 0 && (eline > line || eline == line && ecol > col) {
		etext, _ := w.src.line(file, eline)
		r.EndLine, r.EndColumn = eline, utf16Column(etext, ecol)
	}
	loc.PhysicalLocation.Region = r
	return loc
}

// artifact locates file relative to the source root, or by its absolute
// URI when it is elsewhere.
func (w *sarifWriter) artifact(file string) sarifArtifactLocation {
	if rel, ok := relFile(w.root, file); ok {
		return sarifArtifactLocation{URI: relURI(rel), URIBaseID: srcRootID}
	}
	return sarifArtifactLocation{URI: fileURI(file)}
}

// relURI escapes a slash-separated relative path as a URI reference.
func relURI(rel string) string {
	first, rest, more := strings.Cut(escapePath(rel), "/")
	// A colon in the first segment would read as a scheme.
	first = strings.ReplaceAll(first, ":", "%3A")
	if more {
		return first + "/" + rest
	}
	return first
}

// fileURI is the file URI of an absolute path.
func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter
	}
	return "file://" + escapePath(path)
}

// escapePath escapes each segment of a slash-separated path.
func escapePath(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}

// sarifRules returns one rule per analyzer, and per other analyzer named
// by a diagnostic, sorted by name, with the index of each.
func sarifRules(as []*analysis.Analyzer, diags []jsonDiagnostic) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := make(map[string]int)
	add := func(r sarifRule) {
		if _, ok := index[r.ID]; !ok {
			index[r.ID] = -1
			rules = append(rules, r)
		}
	}
	for _, a := range as {
		add(sarifRuleOf(a))
	}
	for _, d := range diags {
		add(sarifRuleOf(&analysis.Analyzer{Name: d.Analyzer, Doc: d.Analyzer}))
	}
	slices.SortFunc(rules, func(a, b sarifRule) int { return cmp.Compare(a.ID, b.ID) })
	for i, r := range rules {
		index[r.ID] = i
	}
	return rules, index
}

// sarifRuleOf describes an analyzer from its documentation: the first line
// of Doc is the short description, the first paragraph of the rest the
// full one, and all of the rest, a Go doc comment, the help, as text and
// as Markdown.
func sarifRuleOf(a *analysis.Analyzer) sarifRule {
	title, body, _ := strings.Cut(a.Doc, "\n")
	title = strings.TrimSpace(title)
	body = strings.TrimSpace(body)
	full, help, md := title, title, title
	if body != "" {
		var p comment.Parser
		doc := p.Parse(body)
		pr := comment.Printer{TextWidth: -1}
		help = strings.TrimSpace(string(pr.Text(doc)))
		md = strings.TrimSpace(string(pr.Markdown(doc)))
		if len(doc.Content) > 0 {
			full = strings.TrimSpace(string(pr.Text(&comment.Doc{Content: doc.Content[:1]})))
		}
	}
	return sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifText{title},
		FullDescription:      sarifText{full},
		Help:                 sarifHelp{Text: help, Markdown: md},
		HelpURI:              a.URL,
		DefaultConfiguration: sarifRuleConfig{Level: "warning"},
		Properties:           sarifRuleProperty{Tags: []string{"security", "privacy"}},
	}
}
