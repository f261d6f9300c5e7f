package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
)

// baselineVersion is the version of the baseline file format.
const baselineVersion = 2

// baselineFile is the baseline file: JSON, findings sorted by file,
// analyzer, message and fingerprint. Lines are left out so that
// rewriting the baseline after unrelated edits changes nothing; only the
// fingerprint is compared, the other fields help a reader.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Fingerprint string `json:"fingerprint"`
	Analyzer    string `json:"analyzer"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// baseline is the set of fingerprints of a baseline file.
type baseline map[string]bool

var fingerprintRE = regexp.MustCompile(`^[0-9a-f]{32}$`)

// readBaseline reads a baseline file written by writeBaseline.
func readBaseline(file string) (baseline, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	b, err := parseBaseline(data)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", file, err)
	}
	return b, nil
}

func parseBaseline(data []byte) (baseline, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var f baselineFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("not a piilint baseline: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("not a piilint baseline: data after the JSON object")
	}
	switch {
	case f.Version == 0:
		return nil, errors.New(`no "version"`)
	case f.Version != baselineVersion:
		return nil, fmt.Errorf("version %d, want %d (write it again with -write-baseline)", f.Version, baselineVersion)
	case f.Findings == nil:
		return nil, errors.New(`no "findings" list`)
	}
	b := make(baseline, len(f.Findings))
	for i, e := range f.Findings {
		if !fingerprintRE.MatchString(e.Fingerprint) {
			return nil, fmt.Errorf("finding %d: fingerprint %q is not 32 lowercase hexadecimal digits", i+1, e.Fingerprint)
		}
		b[e.Fingerprint] = true
	}
	return b, nil
}

// writeBaseline writes the baseline of diags, which are fingerprinted, with
// files relative to root.
func writeBaseline(file, root string, diags []jsonDiagnostic) error {
	f := baselineFile{Version: baselineVersion, Findings: []baselineEntry{}}
	for _, d := range diags {
		name, _, _ := splitPosn(d.Posn)
		rel, _ := relFile(root, name)
		f.Findings = append(f.Findings, baselineEntry{d.Fingerprint, d.Analyzer, rel, d.Message})
	}
	slices.SortFunc(f.Findings, func(a, b baselineEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
	var buf bytes.Buffer
	if err := encodeJSON(&buf, f); err != nil {
		return err
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o666); err != nil {
		return fmt.Errorf("writing baseline: %w", err)
	}
	return nil
}

// filter returns the diagnostics whose fingerprint is not in b.
func (b baseline) filter(diags []jsonDiagnostic) []jsonDiagnostic {
	var out []jsonDiagnostic
	for _, d := range diags {
		if !b[d.Fingerprint] {
			out = append(out, d)
		}
	}
	return out
}

// encodeJSON writes v indented by two spaces, with a final newline, and
// with <, > and & as they are.
func encodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
