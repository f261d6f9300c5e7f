package main

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestSplitPosn(t *testing.T) {
	for _, tc := range []struct {
		posn      string
		file      string
		line, col int
	}{
		{"a.go:1:2", "a.go", 1, 2},
		{"/src/app/app.go:10:25", "/src/app/app.go", 10, 25},
		{`C:\src\app.go:3:4`, `C:\src\app.go`, 3, 4},
		{"dir:with:colons/a.go:7:8", "dir:with:colons/a.go", 7, 8},
		{"a.go:7", "a.go", 7, 0},
		{"a.go", "a.go", 0, 0},
		{"-", "-", 0, 0},
		{"", "", 0, 0},
	} {
		file, line, col := splitPosn(tc.posn)
		if file != tc.file || line != tc.line || col != tc.col {
			t.Errorf("splitPosn(%q) = %q, %d, %d; want %q, %d, %d", tc.posn, file, line, col, tc.file, tc.line, tc.col)
		}
	}
}

func TestRelPosn(t *testing.T) {
	dir := filepath.FromSlash("/work/mod")
	abs := func(s string) string { return filepath.FromSlash(s) }
	for _, tc := range []struct {
		dir, posn, want string
	}{
		{dir, abs("/work/mod/app/app.go:3:4"), abs("app/app.go:3:4")},
		{dir, abs("/work/mod/main.go:1:1"), "main.go:1:1"},
		{dir, abs("/work/other/x.go:1:1"), abs("/work/other/x.go:1:1")},
		{dir, abs("/work/mod2/x.go:1:1"), abs("/work/mod2/x.go:1:1")},
		{dir, abs("/usr/lib/go/src/fmt/print.go:1:1"), abs("/usr/lib/go/src/fmt/print.go:1:1")},
		{dir, "app.go:1:1", "app.go:1:1"}, // already relative: Rel fails, kept
		{"", abs("/work/mod/app.go:1:1"), abs("/work/mod/app.go:1:1")},
	} {
		if got := relPosn(tc.dir, tc.posn); got != tc.want {
			t.Errorf("relPosn(%q, %q) = %q, want %q", tc.dir, tc.posn, got, tc.want)
		}
	}
}

// stream is what the vet tool prints for three packages: one clean, one
// with findings, one whose analysis failed in one analyzer.
const stream = `{}
{
	"example.com/m/app": {
		"piilog": [
			{
				"category": "personal",
				"posn": "/m/app/app.go:10:5",
				"end": "/m/app/app.go:10:12",
				"message": "Customer.Email (email) reaches log output via log.Printf",
				"related": [
					{"posn": "/m/app/app.go:10:7", "end": "/m/app/app.go:10:7", "message": "Customer.Email (email) read here"}
				]
			}
		],
		"piifacts": []
	}
}
{
	"example.com/m/lib": {
		"piifacts": {"error": "internal error: boom"},
		"piilog": [
			{"posn": "/m/lib/lib.go:2:1", "end": "/m/lib/lib.go:2:1", "message": "Customer.Name (name) reaches log output via log.Print"}
		]
	}
}
`

func TestDecodeStream(t *testing.T) {
	tree, errs, err := decodeStream([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"example.com/m/lib: piifacts: internal error: boom"}; !reflect.DeepEqual(errs, want) {
		t.Errorf("errors = %q, want %q", errs, want)
	}
	app := tree["example.com/m/app"]["piilog"]
	if len(app) != 1 {
		t.Fatalf("app piilog diagnostics: %+v", app)
	}
	d := app[0]
	if d.Posn != "/m/app/app.go:10:5" || d.End != "/m/app/app.go:10:12" || d.Category != "personal" ||
		d.Message != "Customer.Email (email) reaches log output via log.Printf" {
		t.Errorf("decoded diagnostic: %+v", d)
	}
	if len(d.Related) != 1 || d.Related[0].Message != "Customer.Email (email) read here" || d.Related[0].Posn != "/m/app/app.go:10:7" {
		t.Errorf("related: %+v", d.Related)
	}
	if got := tree["example.com/m/lib"]["piilog"]; len(got) != 1 {
		t.Errorf("the failing analyzer hid the other analyzer's findings of the package: %+v", tree["example.com/m/lib"])
	}
	if _, ok := tree["example.com/m/lib"]["piifacts"]; ok {
		t.Errorf("an analyzer error is in the tree: %+v", tree["example.com/m/lib"])
	}
	if diags := tree.diagnostics(true); len(diags) != 2 {
		t.Errorf("diagnostics: %+v", diags)
	}
}

func TestDecodeStreamMerges(t *testing.T) {
	// The same package ID in two units: the diagnostics are merged.
	unit := `{"p": {"piilog": [{"posn": "/p/a.go:1:1", "end": "", "message": "m"}]}}`
	tree, errs, err := decodeStream([]byte(unit + "\n" + strings.Replace(unit, "a.go", "b.go", 1)))
	if err != nil || len(errs) != 0 {
		t.Fatalf("decodeStream: %v, %q", err, errs)
	}
	if got := len(tree["p"]["piilog"]); got != 2 {
		t.Errorf("%d diagnostics after merging, want 2", got)
	}
}

func TestDecodeStreamEmpty(t *testing.T) {
	tree, errs, err := decodeStream(nil)
	if err != nil || len(errs) != 0 || len(tree) != 0 {
		t.Errorf("decodeStream(nil) = %v, %q, %v; want an empty tree", tree, errs, err)
	}
}

func TestDecodeStreamMalformed(t *testing.T) {
	for _, s := range []string{
		`{"p": {"piilog": [`,                  // truncated
		`{"p": {"piilog": "text"}}`,           // neither a list nor an error
		`{"p": {"piilog": [{"posn": 3}]}}`,    // wrong field type
		`{"p": {"piilog": {"error": false}}}`, // wrong error type
		"# example.com/p\nx.go:1:1: message",  // text output
	} {
		if _, _, err := decodeStream([]byte(s)); err == nil {
			t.Errorf("decodeStream(%q): no error", s)
		}
	}
}

func diag(posn, msg string) jsonDiagnostic {
	return jsonDiagnostic{Posn: posn, End: posn, Message: msg}
}

func TestDiagnosticsOrder(t *testing.T) {
	tree := jsonTree{
		"m/b": {
			"piilog": {
				diag("/m/b/b.go:10:2", "z"),
				diag("/m/b/b.go:9:30", "y"),
				diag("/m/b/b.go:10:2", "a"),
				diag("/m/b/b_test.go:1:1", "t"),
			},
			"piifacts": {
				diag("/m/b/b.go:10:2", "z"),
			},
		},
		"m/a": {
			"piilog": {
				diag("/m/a/a.go:2:10", "q"),
				diag("/m/a/a.go:2:9", "q"),
				diag("/m/a/a.go:100:1", "r"),
			},
		},
		// The test variant of m/b repeats a finding of m/b.
		"m/b [m/b.test]": {
			"piilog": {
				diag("/m/b/b.go:10:2", "z"),
				diag("/m/b/b_test.go:1:1", "t"),
			},
		},
	}
	type row struct{ posn, analyzer, msg string }
	var got []row
	for _, d := range tree.diagnostics(true) {
		got = append(got, row{d.Posn, d.Analyzer, d.Message})
		if d.Package == "" || tree[d.Package] == nil {
			t.Errorf("%s: package %q", d.Posn, d.Package)
		}
	}
	want := []row{
		{"/m/a/a.go:2:9", "piilog", "q"},
		{"/m/a/a.go:2:10", "piilog", "q"},
		{"/m/a/a.go:100:1", "piilog", "r"},
		{"/m/b/b.go:9:30", "piilog", "y"},
		{"/m/b/b.go:10:2", "piifacts", "z"},
		{"/m/b/b.go:10:2", "piilog", "a"},
		{"/m/b/b.go:10:2", "piilog", "z"},
		{"/m/b/b_test.go:1:1", "piilog", "t"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diagnostics(true):\ngot  %q\nwant %q", got, want)
	}

	got = nil
	for _, d := range tree.diagnostics(false) {
		got = append(got, row{d.Posn, d.Analyzer, d.Message})
	}
	if !reflect.DeepEqual(got, want[:len(want)-1]) {
		t.Errorf("diagnostics(false):\ngot  %q\nwant %q", got, want[:len(want)-1])
	}
}

func TestWriteJSON(t *testing.T) {
	tree, _, err := decodeStream([]byte(stream))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tree.write(&buf, true); err != nil {
		t.Fatal(err)
	}
	var back map[string]map[string][]jsonDiagnostic
	dec := json.NewDecoder(&buf)
	if err := dec.Decode(&back); err != nil {
		t.Fatalf("write output does not decode: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Errorf("more than one JSON value: %v", err)
	}
	if len(back) != 2 || len(back["example.com/m/app"]["piilog"]) != 1 || len(back["example.com/m/lib"]["piilog"]) != 1 {
		t.Errorf("write: %+v", back)
	}
	if len(back["example.com/m/app"]["piilog"][0].Related) != 1 {
		t.Errorf("related information lost: %+v", back["example.com/m/app"])
	}

	// Filtering test files drops packages left without findings.
	tree = jsonTree{"p": {"piilog": {diag("/p/p_test.go:1:1", "m")}}}
	buf.Reset()
	if err := tree.write(&buf, false); err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(buf.String()); got != "{}" {
		t.Errorf("write(tests=false) = %s, want {}", got)
	}
}

func TestFlagValue(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		value string
		ok    bool
	}{
		{[]string{"-config=/a/.piilint.yml", "unit.cfg"}, "/a/.piilint.yml", true},
		{[]string{"--config=x.yml"}, "x.yml", true},
		{[]string{"-json", "-config", "x.yml", "unit.cfg"}, "x.yml", true},
		{[]string{"--config", "x.yml"}, "x.yml", true},
		{[]string{"-config="}, "", true},
		{[]string{"-confighash=abc", "unit.cfg"}, "", false},
		{[]string{"-piifacts.config=x.yml"}, "", false},
		{[]string{"config", "x.yml"}, "", false},
		{[]string{"-config"}, "", false},
		{nil, "", false},
	} {
		value, ok := flagValue(tc.args, "config")
		if value != tc.value || ok != tc.ok {
			t.Errorf("flagValue(%q, config) = %q, %v; want %q, %v", tc.args, value, ok, tc.value, tc.ok)
		}
	}
}

func TestParseFlags(t *testing.T) {
	var stderr bytes.Buffer
	o, pkgs, err := parseFlags([]string{"-json", "-piilog=false", "-tests=false", "--piifacts", "-config", "c.yml", "./a/...", "./b"}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if !o.json || o.tests || o.config != "c.yml" || o.fix {
		t.Errorf("options: %+v", o)
	}
	if want := []string{"-piilog=false", "--piifacts"}; !reflect.DeepEqual(o.pass, want) {
		t.Errorf("analyzer flags %q, want %q", o.pass, want)
	}
	if want := []string{"./a/...", "./b"}; !reflect.DeepEqual(pkgs, want) {
		t.Errorf("packages %q, want %q", pkgs, want)
	}
	if _, _, err := parseFlags([]string{"-nosuchflag"}, &stderr); err == nil {
		t.Error("parseFlags accepted an unknown flag")
	}
	// -strict is piitransport's flag, handed to the vet tool.
	o, _, err = parseFlags([]string{"-strict", "-piilog=false", "./..."}, &stderr)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"-piilog=false", "-piitransport.strict"}; !reflect.DeepEqual(o.pass, want) {
		t.Errorf("with -strict: analyzer flags %q, want %q", o.pass, want)
	}
}

func TestIsVetTool(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-json", "-config=x", "/tmp/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"-json", "./..."}, false},
		{nil, false},
	} {
		if got := isVetTool(tc.args); got != tc.want {
			t.Errorf("isVetTool(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestRelPosnDotDotNames(t *testing.T) {
	if got, want := relPosn("/work/mod", "/work/mod/..data/x.go:1:2"), "..data/x.go:1:2"; got != want {
		t.Errorf("relPosn = %q, want %q", got, want)
	}
	if got, want := relPosn("/work/mod", "/work/other/x.go:1:2"), "/work/other/x.go:1:2"; got != want {
		t.Errorf("relPosn = %q, want %q", got, want)
	}
}

func TestFlagValueLastWins(t *testing.T) {
	if v, ok := flagValue([]string{"-config=a", "-config=b", "x.cfg"}, "config"); !ok || v != "b" {
		t.Errorf("flagValue = %q, %v; want b, true", v, ok)
	}
}

func TestDiagnosticsPackageDeterministic(t *testing.T) {
	d := jsonDiagnostic{Posn: "/m/b/b.go:1:2", Message: "m"}
	tree := jsonTree{
		"m/b [m/b.test]": {"piilog": {d}},
		"m/b":            {"piilog": {d}},
	}
	for range 20 {
		got := tree.diagnostics(true)
		if len(got) != 1 || got[0].Package != "m/b" {
			t.Fatalf("diagnostics = %+v, want one under m/b", got)
		}
	}
}

func TestIsTestLog(t *testing.T) {
	for msg, want := range map[string]bool{
		"Customer.Name (name) reaches log output via (*testing.T).Logf":                      true,
		"Customer.Email (email) reaches log output via (testing.TB).Logf":                    true,
		"User.Email (email) reaches log output via storetest.check → (*testing.B).Fatal":     true,
		"User.Email (email) reaches log output via api.Check → … → (*testing.F).Skipf":       true,
		"Customer.Email (email) reaches log output via log.Printf":                           false,
		"Customer.Email (email) reaches log output via (*testing.T).helper → log.Printf":     false,
		"Customer.Email (email) reaches log output via (*log.Logger).Printf":                 false,
		"User.Token (token, secret) is sent over plaintext HTTP via http.Post":               false,
		`pii tag: unknown kind "emial" (did you mean "email"?); tracked as the generic kind`: false,
	} {
		if got := isTestLog(msg); got != want {
			t.Errorf("isTestLog(%q) = %v, want %v", msg, got, want)
		}
	}
}
