package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const sample = `{
 "example.com/app": {
  "piilog": [
   {"category": "personal", "posn": "/app/a.go:4:42", "message": "U.Email (email) reaches log output via log.Printf"},
   {"category": "personal", "posn": "/app/a.go:4:42", "message": "U.Name (name) reaches log output via log.Printf"},
   {"category": "personal", "posn": "/app/b.go:7:3", "message": "U.Email (email) reaches log output via log.Println"},
   {"category": "personal", "posn": "/app/c.go:9:1", "message": "U.Name (name) reaches log output via log.Println"}
  ],
  "piiexport": []
 }
}`

func TestScore(t *testing.T) {
	dir := t.TempDir()
	tri := filepath.Join(dir, "triage.tsv")
	os.WriteFile(tri, []byte("# comment\n"+
		"a.go:4:42\tpiilog\ttrue\tlogs the user\n"+
		"b.go:7:3\tpiilog\tfalse\tan error of db.Exec\n"+
		"d.go:1:1\tpiilog\ttrue\tno longer reported\n"), 0o644)
	var out bytes.Buffer
	if err := run(strings.NewReader(sample), &out, "/app", tri, "app", false, true); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"findings     4  sites    3  true   1  policy   0  false    1  untriaged    1  lost   1  precision 50.0%",
		"c.go:9:1\tpiilog\t?\tU.Name (name) reaches log output via log.Println (1 findings)",
		"lost\td.go:1:1\tpiilog\tno longer reported",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestTriageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct{ text, want string }{
		{"a.go:1:1\tpiilog\n", "want site<TAB>analyzer<TAB>verdict<TAB>reason"},
		{"a.go:1:1\tpiilog\tmaybe\tx\n", `verdict "maybe"`},
		{"a.go:1:1\tpiilog\ttrue\tx\na.go:1:1\tpiilog\tfalse\ty\n", "triaged twice"},
	} {
		f := filepath.Join(dir, "t.tsv")
		os.WriteFile(f, []byte(c.text), 0o644)
		if _, err := readTriage(f); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("readTriage(%q) = %v, want error with %q", c.text, err, c.want)
		}
	}
}
