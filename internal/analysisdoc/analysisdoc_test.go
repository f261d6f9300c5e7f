package analysisdoc_test

import (
	"os"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/analysisdoc"
)

const src = `// Package demo defines two analyzers.
//
// # Analyzer alpha
//
// alpha: first analyzer title
//
// alpha reports the first thing.
//
//	code(x) // an example inside the section
//
// It has a second paragraph.
//
// # Analyzer beta
//
// beta: second analyzer title
//
// beta reports the second thing.
//
// # Examples
//
//	alpha(x) // not part of beta
package demo

// # Analyzer gamma
//
// gamma: after the package clause, not part of the package comment
`

func TestExtract(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"alpha", "first analyzer title\n\nalpha reports the first thing.\n\n\tcode(x) // an example inside the section\n\nIt has a second paragraph."},
		{"beta", "second analyzer title\n\nbeta reports the second thing."},
	} {
		if got := analysisdoc.Extract(src, tc.name); got != tc.want {
			t.Errorf("Extract(src, %q) =\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}

// TestExtractTitleOnly: a section of a single line is its title.
func TestExtractTitleOnly(t *testing.T) {
	src := "// # Analyzer solo\n//\n// solo: just a title\n//\n// # Examples\n//\n//\tsolo()\npackage solo\n"
	if got, want := analysisdoc.Extract(src, "solo"), "just a title"; got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
}

// TestExtractOtherPrefix: only the analyzer's own name is removed from
// the title.
func TestExtractOtherPrefix(t *testing.T) {
	src := "// # Analyzer one\n//\n// other: title\npackage x\n"
	if got, want := analysisdoc.Extract(src, "one"), "other: title"; got != want {
		t.Errorf("Extract = %q, want %q", got, want)
	}
}

func TestExtractMissing(t *testing.T) {
	for _, name := range []string{
		"gamma", // after the package clause
		"alph",  // a prefix of a section's name
		"alpha beta",
		"Examples",
		"",
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil {
					t.Fatalf("Extract(src, %q) did not panic", name)
				}
				msg, ok := r.(string)
				if !ok || !strings.Contains(msg, `"# Analyzer `+name+`"`) {
					t.Errorf("Extract(src, %q) panicked with %v; want a message naming the section", name, r)
				}
			}()
			got := analysisdoc.Extract(src, name)
			t.Errorf("Extract(src, %q) = %q", name, got)
		})
	}
}

// TestExtractEmptySection: a heading with nothing under it is missing.
func TestExtractEmptySection(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Extract of an empty section did not panic")
		}
	}()
	analysisdoc.Extract("// # Analyzer empty\n//\n// # Examples\n//\n// text\npackage x\n", "empty")
}

// TestAnalyzers extracts the documentation of the real analyzers.
func TestAnalyzers(t *testing.T) {
	for _, name := range []string{"piifacts", "piilog"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile("../../analyzers/" + name + "/doc.go")
			if err != nil {
				t.Fatal(err)
			}
			doc := analysisdoc.Extract(string(data), name)
			title, body, _ := strings.Cut(doc, "\n")
			if strings.TrimSpace(title) == "" {
				t.Fatalf("empty title in %q", doc)
			}
			if title != strings.TrimSpace(title) {
				t.Errorf("title %q has surrounding space", title)
			}
			if strings.HasSuffix(title, ".") {
				t.Errorf("title %q ends with a period", title)
			}
			if strings.HasPrefix(title, name+":") {
				t.Errorf("title %q still starts with the analyzer name", title)
			}
			if strings.TrimSpace(body) == "" {
				t.Errorf("no body after the title %q", title)
			}
			if !strings.Contains(body, name) {
				t.Errorf("body does not mention %s:\n%s", name, body)
			}
			if strings.Contains(doc, "# Examples") || strings.Contains(doc, "# Analyzer") {
				t.Errorf("section runs past its end:\n%s", doc)
			}
			if strings.HasPrefix(title, "//") || strings.HasPrefix(title, "#") {
				t.Errorf("title %q keeps comment or heading markers", title)
			}
		})
	}
}
