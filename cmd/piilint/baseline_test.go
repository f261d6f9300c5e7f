package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestWriteBaseline(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(t.TempDir(), "baseline.json")
	fa := strings.Repeat("a", 32)
	fb := strings.Repeat("b", 32)
	fc := strings.Repeat("c", 32)
	fd := strings.Repeat("d", 32)
	diags := []jsonDiagnostic{
		{Posn: filepath.Join(root, "z.go") + ":1:1", Analyzer: "piilog", Message: "m <&>", Fingerprint: fa},
		{Posn: filepath.Join(root, "app", "app.go") + ":9:1", Analyzer: "piilog", Message: "b", Fingerprint: fc},
		{Posn: filepath.Join(root, "app", "app.go") + ":2:1", Analyzer: "piilog", Message: "b", Fingerprint: fb},
		{Posn: filepath.Join(root, "app", "app.go") + ":5:1", Analyzer: "piifacts", Message: "z", Fingerprint: fd},
	}
	if err := writeBaseline(file, root, diags); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "version": 2,
  "findings": [
    {
      "fingerprint": "` + fd + `",
      "analyzer": "piifacts",
      "file": "app/app.go",
      "message": "z"
    },
    {
      "fingerprint": "` + fb + `",
      "analyzer": "piilog",
      "file": "app/app.go",
      "message": "b"
    },
    {
      "fingerprint": "` + fc + `",
      "analyzer": "piilog",
      "file": "app/app.go",
      "message": "b"
    },
    {
      "fingerprint": "` + fa + `",
      "analyzer": "piilog",
      "file": "z.go",
      "message": "m <&>"
    }
  ]
}
`
	if string(data) != want {
		t.Errorf("baseline file:\n%s\nwant\n%s", data, want)
	}
	b, err := readBaseline(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := (baseline{fa: true, fb: true, fc: true, fd: true}); !reflect.DeepEqual(b, want) {
		t.Errorf("read back %v, want %v", b, want)
	}

	// Filtering keeps the order of what is not in the baseline.
	e1 := jsonDiagnostic{Posn: "e1", Fingerprint: strings.Repeat("e", 32)}
	e2 := jsonDiagnostic{Posn: "e2", Fingerprint: strings.Repeat("f", 32)}
	got := b.filter([]jsonDiagnostic{e2, diags[0], e1, diags[3]})
	if len(got) != 2 || got[0].Posn != "e2" || got[1].Posn != "e1" {
		t.Errorf("filter kept %+v, want e2 and e1", got)
	}

	// No findings: an empty list, not null.
	if err := writeBaseline(file, root, nil); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(file); string(data) != "{\n  \"version\": 2,\n  \"findings\": []\n}\n" {
		t.Errorf("empty baseline file:\n%s", data)
	}
	if b, err := readBaseline(file); err != nil || len(b) != 0 {
		t.Errorf("empty baseline read as %v, %v", b, err)
	}
}

func TestWriteBaselineError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "no", "such", "dir", "baseline.json")
	err := writeBaseline(file, "/", nil)
	if err == nil || !strings.Contains(err.Error(), "writing baseline") || !strings.Contains(err.Error(), file) {
		t.Errorf("writeBaseline to a missing directory: %v", err)
	}
}

func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	fp := strings.Repeat("0", 32)
	for _, tc := range []struct{ name, content, msg string }{
		{"empty", "", "not a piilint baseline"},
		{"text", "app/app.go:1:2: finding\n", "not a piilint baseline"},
		{"list", `[]`, "not a piilint baseline"},
		{"unknown key", `{"version": 2, "findings": [], "lines": []}`, `unknown field "lines"`},
		{"entry key", `{"version": 2, "findings": [{"fingerprint": "` + fp + `", "line": 3}]}`, `unknown field "line"`},
		{"no version", `{"findings": []}`, `no "version"`},
		{"old version", `{"version": 1, "findings": []}`, "version 1, want 2 (write it again with -write-baseline)"},
		{"no findings", `{"version": 2}`, `no "findings" list`},
		{"bad fingerprint", `{"version": 2, "findings": [{"fingerprint": "ABC"}]}`, `finding 1: fingerprint "ABC" is not 32 lowercase hexadecimal digits`},
		{"no fingerprint", `{"version": 2, "findings": [{"fingerprint": "` + fp + `"}, {"file": "a.go"}]}`, `finding 2: fingerprint ""`},
		{"two values", `{"version": 2, "findings": []} {}`, "data after the JSON object"},
		{"truncated", `{"version": 2, "findings": [`, "not a piilint baseline"},
	} {
		file := filepath.Join(dir, tc.name+".json")
		writeFile(t, file, tc.content)
		_, err := readBaseline(file)
		if err == nil {
			t.Errorf("%s: no error", tc.name)
			continue
		}
		if !strings.Contains(err.Error(), tc.msg) || !strings.HasPrefix(err.Error(), "baseline "+file+": ") {
			t.Errorf("%s: error %q, want one naming %s and saying %q", tc.name, err, file, tc.msg)
		}
	}
	missing := filepath.Join(dir, "missing.json")
	if _, err := readBaseline(missing); err == nil || !strings.Contains(err.Error(), "reading baseline") || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing baseline: %v", err)
	}
}
