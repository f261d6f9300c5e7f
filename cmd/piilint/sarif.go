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
	"bytes"
	"cmp"
	"compress/gzip"
	"fmt"
	"go/doc/comment"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
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
	Name                 string            `json:"name,omitempty"`
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

// sarifRuleProperty is a rule's property bag: what GitHub code scanning
// reads (tags, precision, security-severity, problem.severity), and the
// analyzer and data class of piilint's rule.
type sarifRuleProperty struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision,omitempty"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
	ProblemSeverity  string   `json:"problem.severity,omitempty"`
	Analyzer         string   `json:"piilint/analyzer,omitempty"`
	Class            string   `json:"piilint/class,omitempty"`
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
	Status        string         `json:"status,omitempty"`
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
	// suppressed lists the findings silenced by //piilint:ignore, as
	// suppressed results; without it they are left out (see
	// silencedNote).
	suppressed bool
}

// GitHub code scanning's limits on an uploaded SARIF file (its "SARIF
// support for code scanning" page): above them it rejects the file, or
// shows only part of it.
const (
	// maxResults is the most results a run may have.
	maxResults = 25000
	// maxFlowSteps is the most thread-flow locations of a result that
	// code scanning shows (it accepts 10,000).
	maxFlowSteps = 1000
	// maxGzipSize is the largest gzip-compressed file it accepts.
	maxGzipSize = 10 << 20
)

// silencedNote says why silenced findings are not in the log: GitHub
// code scanning cannot be relied on to read a result's suppressions as a
// dismissal (uploads of suppressed results are reported to open alerts),
// so a //piilint:ignore could open what the directive closes.
const silencedNote = "%d finding(s) silenced by //piilint:ignore are not listed (code scanning may open alerts for suppressed results); -sarif-suppressed lists them as suppressed results"

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
	inv := &run.Invocations[0]
	for _, e := range r.errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error", Message: sarifText{notification(e)}})
	}
	silenced := 0
	for _, d := range r.diags {
		if d.Suppressed != nil && !r.suppressed {
			silenced++
			continue
		}
		run.Results = append(run.Results, w.result(d, index[ruleID(d)], r.baselined))
	}
	if silenced > 0 {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "note", Message: sarifText{fmt.Sprintf(silencedNote, silenced)}})
	}
	for _, n := range fitLimits(&run) {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{n}})
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: sarifVersion, Runs: []sarifRun{run}}
	var buf bytes.Buffer
	if err := encodeJSON(&buf, log); err != nil {
		return err
	}
	if buf.Len() > maxGzipSize && gzipSize(buf.Bytes()) > maxGzipSize {
		// Code flows go first: every result keeps its location.
		for i := range run.Results {
			run.Results[i].CodeFlows = nil
		}
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "warning", Message: sarifText{
			"the log exceeded 10 MB compressed, the most GitHub code scanning accepts: the results' code flows are left out"}})
		log.Runs[0] = run
		buf.Reset()
		if err := encodeJSON(&buf, log); err != nil {
			return err
		}
	}
	_, err := out.Write(buf.Bytes())
	return err
}

// fitLimits keeps run within GitHub code scanning's limits on results
// and code flows, and returns what it changed, for the run's
// notifications. A code flow longer than maxFlowSteps keeps its first
// steps and its last (the sink). Results beyond maxResults, which would
// make GitHub reject the whole file, are left out from the least severe
// up.
func fitLimits(run *sarifRun) []string {
	var notes []string
	shortened := 0
	for i := range run.Results {
		for j := range run.Results[i].CodeFlows {
			for k := range run.Results[i].CodeFlows[j].ThreadFlows {
				tf := &run.Results[i].CodeFlows[j].ThreadFlows[k]
				if n := len(tf.Locations); n > maxFlowSteps {
					tf.Locations = append(tf.Locations[:maxFlowSteps-1:maxFlowSteps-1], tf.Locations[n-1])
					shortened++
				}
			}
		}
	}
	if shortened > 0 {
		notes = append(notes, fmt.Sprintf("%d code flow(s) longer than %d steps, the most GitHub code scanning shows, keep their first %d steps and the sink", shortened, maxFlowSteps, maxFlowSteps-1))
	}
	if n := len(run.Results); n > maxResults {
		rules := run.Tool.Driver.Rules
		order := make([]int, n)
		for i := range order {
			order[i] = i
		}
		// Most severe first; the position order among equals.
		slices.SortStableFunc(order, func(a, b int) int {
			return cmp.Compare(severity(rules, run.Results[b]), severity(rules, run.Results[a]))
		})
		keep := make([]bool, n)
		for _, i := range order[:maxResults] {
			keep[i] = true
		}
		kept := run.Results[:0]
		for i, res := range run.Results {
			if keep[i] {
				kept = append(kept, res)
			}
		}
		run.Results = kept
		notes = append(notes, fmt.Sprintf("%d results, more than the %d GitHub code scanning accepts in a run: the %d least severe are left out; a baseline (-write-baseline, -baseline) keeps known findings out of the log", n, maxResults, n-maxResults))
	}
	return notes
}

// severity ranks a result: its rule's security-severity, then its level.
func severity(rules []sarifRule, res sarifResult) float64 {
	sev := 0.0
	if res.RuleIndex >= 0 && res.RuleIndex < len(rules) {
		sev, _ = strconv.ParseFloat(rules[res.RuleIndex].Properties.SecuritySeverity, 64)
	}
	if res.Level == "error" {
		sev += 0.01
	}
	return sev
}

// gzipSize is the size of data compressed as an upload compresses it.
func gzipSize(data []byte) int {
	var n countWriter
	zw := gzip.NewWriter(&n)
	zw.Write(data)
	zw.Close()
	return int(n)
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
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
		RuleID:              ruleID(d),
		RuleIndex:           rule,
		Level:               resultLevel(d),
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
		sup := sarifSuppression{Kind: "inSource", Status: "accepted", Justification: s.Reason}
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

// sarifRules returns the rules of the analyzers (see rules.go), and one
// per other analyzer named by a diagnostic, sorted by ID, with the index
// of each.
func sarifRules(as []*analysis.Analyzer, diags []jsonDiagnostic) ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := make(map[string]int)
	add := func(rs ...sarifRule) {
		for _, r := range rs {
			if _, ok := index[r.ID]; !ok {
				index[r.ID] = -1
				rules = append(rules, r)
			}
		}
	}
	for _, a := range as {
		add(rulesFor(a)...)
	}
	for _, d := range diags {
		if _, ok := index[ruleID(d)]; !ok {
			add(rulesFor(&analysis.Analyzer{Name: d.Analyzer, Doc: d.Analyzer})...)
		}
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
