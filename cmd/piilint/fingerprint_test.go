package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
)

func TestUTF16Column(t *testing.T) {
	const line = "\tlog.Printf(\"café ☕ 😀 %s\", c.Email)"
	// The byte column of c.Email, and its column in UTF-16 code units:
	// é is 2 bytes and 1 unit, ☕ 3 bytes and 1 unit, 😀 4 bytes and 2
	// units.
	byteCol := strings.Index(line, "c.Email") + 1
	for _, tc := range []struct {
		line      string
		col, want int
	}{
		{"abc", 1, 1},
		{"abc", 3, 3},
		{"abc", 4, 4}, // the end of the line
		{"abc", 6, 6}, // past it
		{"", 1, 1},
		{"", 5, 5}, // an unreadable file: byte columns as they are
		{"abc", 0, 0},
		{line, byteCol, byteCol - 1 - 2 - 2},
		{line, len(line) + 1, len(utf16.Encode([]rune(line))) + 1},
		{"é", 2, 2},             // inside é: its first byte counts one
		{"x\xffy", 3, 3},        // an invalid byte counts one unit
		{"😀😀x", 9, 5},           // after two surrogate pairs
		{"😀😀x", 10, 6},          // after x
		{"\u00e9\u0301x", 5, 3}, // é then a combining acute: two code points
	} {
		if got := utf16Column(tc.line, tc.col); got != tc.want {
			t.Errorf("utf16Column(%q, %d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
	// Against the encoder: the column of every rune start.
	for i := range line {
		want := len(utf16.Encode([]rune(line[:i]))) + 1
		if got := utf16Column(line, i+1); got != want {
			t.Errorf("utf16Column(line, %d) = %d, want %d", i+1, got, want)
		}
	}
}

func TestCodeText(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`	log.Printf("signup %s", c.Email)     // want "x"`, `log . Printf ( "signup %s" , c . Email )`},
		{`log.Printf("signup %s",c.Email) //piilint:ignore piilog reason`, `log . Printf ( "signup %s" , c . Email )`},
		{`log.Printf("a  b // not a comment", c.Email)`, `log . Printf ( "a  b // not a comment" , c . Email )`},
		{`x := a /* c */ + b;`, `x := a + b ;`},
		{"\tEmail string `pii:\"emial\"`\r", "Email string `pii:\"emial\"`"},
		{"", ""},
		{"   // only a comment", ""},
		{"`raw string that goes on", "`raw string that goes on"},
	} {
		if got := codeText(tc.line); got != tc.want {
			t.Errorf("codeText(%q) = %q, want %q", tc.line, got, tc.want)
		}
	}
}

// TestFingerprintRecipe pins the recipe: baselines written by one version
// must match the next. Change fingerprintKey and the baseline version when
// it changes.
func TestFingerprintRecipe(t *testing.T) {
	got := fingerprint("piilog", "app/app.go", "Customer.Email (email) reaches log output via log.Printf", `log . Printf ( "signup %s" , c . Email )`, 0)
	if want := "7d45f34c33e284738a207a21500202e0"; got != want {
		t.Errorf("fingerprint = %s, want %s", got, want)
	}
	base := []string{"piilog", "app/app.go", "m", "code"}
	seen := map[string]string{}
	for i, fields := range [][]string{
		base,
		{"piiexport", "app/app.go", "m", "code"},
		{"piilog", "app/other.go", "m", "code"},
		{"piilog", "app/app.go", "m2", "code"},
		{"piilog", "app/app.go", "m", "code2"},
		// The separator keeps fields apart.
		{"piilo", "gapp/app.go", "m", "code"},
	} {
		for occ := range 2 {
			fp := fingerprint(fields[0], fields[1], fields[2], fields[3], occ)
			if !fingerprintRE.MatchString(fp) {
				t.Errorf("fingerprint %q is not 32 hexadecimal digits", fp)
			}
			if prev, ok := seen[fp]; ok {
				t.Errorf("case %d occurrence %d has the fingerprint of %s", i, occ, prev)
			}
			seen[fp] = strings.Join(fields, "|")
		}
	}
}

// writeSource writes a file of the given lines under dir.
func writeSource(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	file := filepath.Join(dir, filepath.FromSlash(name))
	writeFile(t, file, strings.Join(lines, "\n")+"\n")
	return file
}

func fingerprints(t *testing.T, root string, diags []jsonDiagnostic) []string {
	t.Helper()
	setFingerprints(diags, root, make(sources))
	var out []string
	for _, d := range diags {
		out = append(out, d.Fingerprint)
	}
	return out
}

func TestSetFingerprints(t *testing.T) {
	root := t.TempDir()
	const msg = "Customer.Email (email) reaches log output via log.Printf"
	file := writeSource(t, root, "app/app.go",
		"package app",
		"func f() {",
		`	log.Printf("%s", c.Email)`,
		`	log.Printf("%s", c.Email) // the same code`,
		`	log.Printf("%s: %s", "x", c.Email)`,
		"}",
	)
	d := func(line int, analyzer, msg string) jsonDiagnostic {
		return jsonDiagnostic{Posn: file + ":" + strconv.Itoa(line) + ":20", Analyzer: analyzer, Message: msg}
	}
	before := fingerprints(t, root, []jsonDiagnostic{d(3, "piilog", msg), d(4, "piilog", msg), d(5, "piilog", msg)})
	code := `log . Printf ( "%s" , c . Email )`
	want := []string{
		fingerprint("piilog", "app/app.go", messageKey(msg), code, 0),
		fingerprint("piilog", "app/app.go", messageKey(msg), code, 1), // the same code again
		fingerprint("piilog", "app/app.go", messageKey(msg), `log . Printf ( "%s: %s" , "x" , c . Email )`, 0),
	}
	if strings.Join(before, " ") != strings.Join(want, " ") {
		t.Errorf("fingerprints\n%q\nwant\n%q", before, want)
	}

	// Lines inserted above, a comment re-aligned: the same fingerprints.
	writeSource(t, root, "app/app.go",
		"package app",
		"",
		"// g is new.",
		"func g() {}",
		"",
		"func f() {",
		`	log.Printf("%s", c.Email)       // aligned`,
		`	log.Printf("%s", c.Email)`,
		`	log.Printf("%s: %s", "x", c.Email)`,
		"}",
	)
	after := fingerprints(t, root, []jsonDiagnostic{d(7, "piilog", msg), d(8, "piilog", msg), d(9, "piilog", msg)})
	if strings.Join(after, " ") != strings.Join(before, " ") {
		t.Errorf("fingerprints changed when lines moved:\n%q\nwere\n%q", after, before)
	}

	// A silenced twin (a trailing directive) still counts: the other
	// keeps its fingerprint whether or not silenced findings are shown.
	silenced := d(7, "piilog", msg)
	silenced.Suppressed = &suppression{Reason: "r"}
	got := fingerprints(t, root, []jsonDiagnostic{silenced, d(8, "piilog", msg)})
	if got[1] != before[1] {
		t.Errorf("the second twin's fingerprint is %s, want %s", got[1], before[1])
	}

	// Another root: the file's relative path changes, and so do they.
	other := fingerprints(t, filepath.Join(root, "app"), []jsonDiagnostic{d(7, "piilog", msg)})
	if other[0] != fingerprint("piilog", "app.go", messageKey(msg), code, 0) {
		t.Errorf("fingerprint under root app/: %s", other[0])
	}

	// Another chain of helpers to the same sink: the same finding.
	chained := fingerprints(t, root, []jsonDiagnostic{d(7, "piilog", "Customer.Email (email) reaches log output via crm.logf → log.Printf")})
	if chained[0] != before[0] {
		t.Errorf("a chain of helpers changed the fingerprint: %s, want %s", chained[0], before[0])
	}

	// An edit of the finding's line changes it.
	writeSource(t, root, "app/app.go", "package app", "func f() {", `	log.Printf("email %s", c.Email)`, "}")
	if got := fingerprints(t, root, []jsonDiagnostic{d(3, "piilog", msg)}); got[0] == before[0] {
		t.Error("the fingerprint did not change with the code of its line")
	}

	// A file that cannot be read: the fingerprint is made of the rest.
	gone := jsonDiagnostic{Posn: filepath.Join(root, "gone.go") + ":3:1", Analyzer: "piilog", Message: msg}
	if got := fingerprints(t, root, []jsonDiagnostic{gone}); got[0] != fingerprint("piilog", "gone.go", messageKey(msg), "", 0) {
		t.Errorf("fingerprint of a missing file: %s", got[0])
	}
}

func TestSrcRoot(t *testing.T) {
	top := t.TempDir()
	sub := filepath.Join(top, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := srcRoot(sub); got != sub {
		t.Errorf("srcRoot without .git = %s, want %s", got, sub)
	}
	// A worktree's .git is a file.
	writeFile(t, filepath.Join(top, ".git"), "gitdir: /elsewhere\n")
	if got := srcRoot(sub); got != top {
		t.Errorf("srcRoot = %s, want %s", got, top)
	}
	if err := os.Mkdir(filepath.Join(top, "a", ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if got, want := srcRoot(sub), filepath.Join(top, "a"); got != want {
		t.Errorf("srcRoot = %s, want the nearest, %s", got, want)
	}
}

func TestRelFile(t *testing.T) {
	root := filepath.FromSlash("/work/repo")
	for _, tc := range []struct {
		file, want string
		under      bool
	}{
		{"/work/repo/app/app.go", "app/app.go", true},
		{"/work/repo/..data/x.go", "..data/x.go", true},
		{"/work/repo2/x.go", "/work/repo2/x.go", false},
		{"/usr/lib/go/src/fmt/print.go", "/usr/lib/go/src/fmt/print.go", false},
	} {
		got, under := relFile(root, filepath.FromSlash(tc.file))
		if got != tc.want || under != tc.under {
			t.Errorf("relFile(%s) = %q, %v; want %q, %v", tc.file, got, under, tc.want, tc.under)
		}
	}
}
