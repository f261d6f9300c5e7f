package suppress_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/suppress"
)

var known = []string{"piilog", "piiexport"}

// parse parses sources named a.go, b.go... in one file set.
func parse(t *testing.T, srcs ...string) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	for i, src := range srcs {
		f, err := parser.ParseFile(fset, string(rune('a'+i))+".go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

// pos returns the position of the first token of a line of f, or of its
// start for an empty line.
func pos(fset *token.FileSet, f *ast.File, line int) token.Pos {
	return fset.File(f.Pos()).LineStart(line)
}

// lineOf returns the line of the first occurrence of marker in src.
func lineOf(t *testing.T, src, marker string) int {
	t.Helper()
	i := strings.Index(src, marker)
	if i < 0 {
		t.Fatalf("no %q in source", marker)
	}
	return strings.Count(src[:i], "\n") + 1
}

// ignoredLines returns the lines of f in [1, last] that Ignored reports
// for analyzer.
func ignoredLines(idx *suppress.Index, fset *token.FileSet, f *ast.File, analyzer string) []int {
	var out []int
	tf := fset.File(f.Pos())
	for l := 1; l <= tf.LineCount(); l++ {
		if idx.Ignored(analyzer, tf.LineStart(l)) {
			out = append(out, l)
		}
	}
	return out
}

func equal(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func noProblems(t *testing.T, problems []suppress.Problem) {
	t.Helper()
	for _, p := range problems {
		t.Errorf("unexpected problem: %s", p.Message)
	}
}

func TestOwnLine(t *testing.T) {
	src := `package p

import "log"

func f(email string) {
	log.Print(email)
	//piilint:ignore piilog reviewed: the address is the user's own
	log.Print(email) // target
	log.Print(email) // after
}
`
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	target := lineOf(t, src, "// target")
	for _, l := range ignoredLines(idx, fset, files[0], "piilog") {
		if l == target-1 {
			continue // the directive's own line holds no code
		}
		if l != target {
			t.Errorf("line %d is ignored; only line %d should be", l, target)
		}
	}
	if !idx.Ignored("piilog", pos(fset, files[0], target)) {
		t.Errorf("line %d below the directive is not ignored", target)
	}
	if idx.Ignored("piilog", pos(fset, files[0], target+1)) {
		t.Errorf("line %d, two below the directive, is ignored", target+1)
	}
	if idx.Ignored("piilog", pos(fset, files[0], target-2)) {
		t.Errorf("line %d, above the directive, is ignored", target-2)
	}
}

// TestOwnLineIndented: a directive indented deeper than the code around it
// is still on a line of its own.
func TestOwnLineIndented(t *testing.T) {
	src := `package p

import "log"

func f(email string) {
	if email != "" {
				//piilint:ignore piilog reviewed
		log.Print(email) // target
	}
}
`
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	target := lineOf(t, src, "// target")
	if !idx.Ignored("piilog", pos(fset, files[0], target)) {
		t.Errorf("line %d below the directive is not ignored", target)
	}
	for _, l := range []int{target - 2, target + 1} {
		if idx.Ignored("piilog", pos(fset, files[0], l)) {
			t.Errorf("line %d is ignored", l)
		}
	}
}

func TestTrailing(t *testing.T) {
	src := `package p

import "log"

func f(email string) {
	log.Print(email) //piilint:ignore piilog reviewed
	log.Print(email) // next
}

var x = 1 //piilint:ignore piiexport trailing a declaration
var y = 2
`
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	next := lineOf(t, src, "// next")
	if got := ignoredLines(idx, fset, files[0], "piilog"); !equal(got, []int{next - 1}) {
		t.Errorf("piilog: ignored lines %v, want %v", got, []int{next - 1})
	}
	x := lineOf(t, src, "var x")
	if got := ignoredLines(idx, fset, files[0], "piiexport"); !equal(got, []int{x}) {
		t.Errorf("piiexport: ignored lines %v, want %v", got, []int{x})
	}
	// A position in the middle of the line counts as the line.
	tf := fset.File(files[0].Pos())
	mid := tf.LineStart(next-1) + token.Pos(len("\tlog.Print("))
	if !idx.Ignored("piilog", mid) {
		t.Error("a position inside the line of a trailing directive is not ignored")
	}
}

func TestAnalyzerList(t *testing.T) {
	src := `package p

import "log"

func f(email string) {
	//piilint:ignore piilog,piiexport exported and logged on purpose
	log.Print(email) // both
	log.Print(email) //piilint:ignore piiexport only the export
}
`
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	both := lineOf(t, src, "// both")
	only := lineOf(t, src, "only the export")
	p := func(l int) token.Pos { return pos(fset, files[0], l) }
	for _, tc := range []struct {
		analyzer string
		line     int
		want     bool
	}{
		{"piilog", both, true},
		{"piiexport", both, true},
		{"piilog", only, false},
		{"piiexport", only, true},
		{"piitransport", both, false},
		{"", both, false},
		{"piilog,piiexport", both, false},
	} {
		if got := idx.Ignored(tc.analyzer, p(tc.line)); got != tc.want {
			t.Errorf("Ignored(%q, line %d) = %v, want %v", tc.analyzer, tc.line, got, tc.want)
		}
	}
}

func TestProblems(t *testing.T) {
	for _, tc := range []struct {
		name      string
		directive string
		want      []string // substrings of the problems, in order
		silences  []string // analyzers silenced on the line below
	}{
		{"unknown", "//piilint:ignore piilogg typo", []string{`unknown analyzer "piilogg" (known: piilog, piiexport)`}, nil},
		{"unknown in list", "//piilint:ignore piilog,piitransport reason", []string{`unknown analyzer "piitransport"`}, []string{"piilog"}},
		{"two unknown", "//piilint:ignore a,b reason", []string{`"a"`, `"b"`}, nil},
		{"no reason", "//piilint:ignore piilog", []string{"needs a reason"}, nil},
		{"no reason, tab", "//piilint:ignore\tpiilog", []string{"needs a reason"}, nil},
		{"bare", "//piilint:ignore", []string{"needs the analyzers"}, nil},
		{"bare, space", "//piilint:ignore   ", []string{"needs the analyzers"}, nil},
		{"well formed", "//piilint:ignore piiexport the reason", nil, []string{"piiexport"}},
		{"not a directive: suffix", "//piilint:ignored piilog reason", nil, nil},
		{"not a directive: space", "// piilint:ignore piilog reason", nil, nil},
		{"not a directive: block", "/*piilint:ignore piilog reason*/", nil, nil},
		{"not a directive: other", "//piilint:ignorepiilog reason", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "package p\n\nfunc f() {\n\t" + tc.directive + "\n\tprintln()\n}\n"
			fset, files := parse(t, src)
			idx, problems := suppress.New(fset, files, known)
			if len(problems) != len(tc.want) {
				var msgs []string
				for _, p := range problems {
					msgs = append(msgs, p.Message)
				}
				t.Fatalf("problems %q, want %d matching %q", msgs, len(tc.want), tc.want)
			}
			directive := pos(fset, files[0], 4) + 1 // after the tab
			for i, p := range problems {
				if !strings.Contains(p.Message, tc.want[i]) {
					t.Errorf("problem %q does not contain %q", p.Message, tc.want[i])
				}
				if p.Pos != directive {
					t.Errorf("problem at %s, want the directive at %s", fset.Position(p.Pos), fset.Position(directive))
				}
			}
			for _, a := range append([]string{"piitransport"}, known...) {
				want := false
				for _, s := range tc.silences {
					want = want || s == a
				}
				if got := idx.Ignored(a, pos(fset, files[0], 5)); got != want {
					t.Errorf("Ignored(%q, line below) = %v, want %v", a, got, want)
				}
			}
		})
	}
}

// TestProblemsKnownList: the known list is the caller's, not a fixed one.
func TestProblemsKnownList(t *testing.T) {
	src := "package p\n\n//piilint:ignore piilog reason\nvar x = 1\n"
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, []string{"piiexport"})
	if len(problems) != 1 || !strings.Contains(problems[0].Message, `"piilog"`) {
		t.Errorf("problems %+v, want one naming piilog", problems)
	}
	if idx.Ignored("piilog", pos(fset, files[0], 4)) {
		t.Error("an unknown analyzer is silenced")
	}
}

func TestOtherFile(t *testing.T) {
	a := "package p\n\n//piilint:ignore piilog reason\nvar x = 1\n"
	b := "package p\n\n\nvar y = 1\n"
	fset, files := parse(t, a, b)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	if !idx.Ignored("piilog", pos(fset, files[0], 4)) {
		t.Error("a.go:4 is not ignored")
	}
	if got := ignoredLines(idx, fset, files[1], "piilog"); len(got) != 0 {
		t.Errorf("b.go lines %v are ignored by a directive of a.go", got)
	}
	// A file that was not indexed, in the same file set.
	c, err := parser.ParseFile(fset, "c.go", a, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if got := ignoredLines(idx, fset, c, "piilog"); len(got) != 0 {
		t.Errorf("c.go lines %v are ignored, but c.go was not indexed", got)
	}
}

func TestNoFiles(t *testing.T) {
	fset := token.NewFileSet()
	idx, problems := suppress.New(fset, nil, known)
	noProblems(t, problems)
	if idx == nil {
		t.Fatal("New returned a nil index")
	}
	if idx.Ignored("piilog", token.NoPos) {
		t.Error("an empty index ignores NoPos")
	}
}

func TestNilIndex(t *testing.T) {
	var idx *suppress.Index
	fset, files := parse(t, "package p\n\n//piilint:ignore piilog reason\nvar x = 1\n")
	for l := 1; l <= 4; l++ {
		if idx.Ignored("piilog", pos(fset, files[0], l)) {
			t.Errorf("a nil index ignores line %d", l)
		}
	}
	if idx.Ignored("piilog", token.NoPos) {
		t.Error("a nil index ignores NoPos")
	}
}

// TestFind: the directive that silences a finding comes with its reason
// (the text after the analyzer names, inner spacing kept) and its
// position, for drivers that report suppressions.
func TestFind(t *testing.T) {
	src := `package p

import "log"

func f(email string) {
	//piilint:ignore piilog,piiexport   the shop's  own address 
	log.Print(email) //piilint:ignore piilog second directive
	log.Print(email) //piilint:ignore piiexport	exported on purpose
	log.Print(email)
}
`
	fset, files := parse(t, src)
	idx, problems := suppress.New(fset, files, known)
	noProblems(t, problems)
	f := files[0]
	dirLine := lineOf(t, src, "//piilint:ignore piilog,piiexport")
	for _, tc := range []struct {
		analyzer string
		line     int
		reason   string // "" for no directive
		dirLine  int
	}{
		{"piilog", dirLine + 1, "the shop's  own address", dirLine},
		{"piiexport", dirLine + 1, "the shop's  own address", dirLine},
		{"piilog", dirLine + 2, "", 0},
		{"piiexport", dirLine + 2, "exported on purpose", dirLine + 2},
		{"piilog", dirLine + 3, "", 0},
		{"piitransport", dirLine + 1, "", 0},
	} {
		d := idx.Find(tc.analyzer, pos(fset, f, tc.line))
		if tc.reason == "" {
			if d != nil {
				t.Errorf("Find(%s, line %d) = %+v, want nil", tc.analyzer, tc.line, d)
			}
			continue
		}
		if d == nil {
			t.Errorf("Find(%s, line %d) = nil, want the directive of line %d", tc.analyzer, tc.line, tc.dirLine)
			continue
		}
		if d.Reason != tc.reason {
			t.Errorf("Find(%s, line %d).Reason = %q, want %q", tc.analyzer, tc.line, d.Reason, tc.reason)
		}
		start, end := fset.Position(d.Pos), fset.Position(d.End)
		if start.Line != tc.dirLine || end.Line != tc.dirLine || end.Offset <= start.Offset {
			t.Errorf("Find(%s, line %d) spans %v-%v, want line %d", tc.analyzer, tc.line, start, end, tc.dirLine)
		}
		if got := src[start.Offset:end.Offset]; !strings.HasPrefix(got, "//piilint:ignore ") || !strings.HasSuffix(got, tc.reason) && !strings.HasSuffix(got, tc.reason+" ") {
			t.Errorf("Find(%s, line %d) spans %q, not the directive", tc.analyzer, tc.line, got)
		}
	}
	// The directive on its own line silences its own line (no code) and
	// the next; the trailing one its own line only.
	if d := idx.Find("piilog", pos(fset, f, dirLine+1)); d == nil || len(d.Analyzers) != 2 || d.Analyzers[0] != "piilog" || d.Analyzers[1] != "piiexport" {
		t.Errorf("Find(piilog, line %d).Analyzers = %+v, want [piilog piiexport]", dirLine+1, d)
	}
	var nilIdx *suppress.Index
	if nilIdx.Find("piilog", pos(fset, f, dirLine+1)) != nil {
		t.Error("a nil index found a directive")
	}
}
