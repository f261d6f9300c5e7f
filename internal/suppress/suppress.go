// Package suppress reads //piilint:ignore directives.
//
// A directive names the analyzers it silences and a required reason:
//
//	//piilint:ignore piilog,piiexport exported for the DPO-approved mailing
//
// A directive that trails code applies to its own line; one on a line of
// its own applies to the line below.
package suppress

import (
	"go/ast"
	"go/token"
	"strings"
)

const prefix = "//piilint:ignore"

// Problem is a malformed directive.
type Problem struct {
	Pos     token.Pos
	Message string
}

// Directive is a well-formed //piilint:ignore directive.
type Directive struct {
	Pos, End  token.Pos // the comment
	Analyzers []string  // the known analyzers it names
	Reason    string
}

// Index answers whether a finding is suppressed.
type Index struct {
	fset *token.FileSet
	// lines maps file name and line to the directives that apply there.
	lines map[string]map[int][]*Directive
}

// New indexes the directives of files. Analyzer names not in known are
// reported as problems, as are directives without a reason.
func New(fset *token.FileSet, files []*ast.File, known []string) (*Index, []Problem) {
	idx := &Index{fset: fset, lines: make(map[string]map[int][]*Directive)}
	var problems []Problem
	for _, f := range files {
		if !hasDirective(f) {
			continue
		}
		// codeStart maps a line to the column of its first token, to tell
		// a directive on its own line from one that trails code.
		codeStart := make(map[int]int)
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				return false
			}
			if _, ok := n.(*ast.CommentGroup); ok {
				return false
			}
			// A node's first token, and its last one: closing brackets
			// start no node of their own.
			for _, pos := range []token.Pos{n.Pos(), n.End() - 1} {
				p := fset.Position(pos)
				if c, ok := codeStart[p.Line]; !ok || p.Column < c {
					codeStart[p.Line] = p.Column
				}
			}
			return true
		})
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, prefix)
				if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
					continue
				}
				fields := strings.Fields(rest)
				if len(fields) == 0 {
					problems = append(problems, Problem{c.Pos(), "piilint:ignore directive needs the analyzers it silences and a reason: //piilint:ignore piilog <reason>"})
					continue
				}
				if len(fields) == 1 {
					problems = append(problems, Problem{c.Pos(), "piilint:ignore directive needs a reason after the analyzer names"})
					continue
				}
				var names []string
				bad := false
				for n := range strings.SplitSeq(fields[0], ",") {
					if !contains(known, n) {
						problems = append(problems, Problem{c.Pos(), "piilint:ignore directive names unknown analyzer " + quote(n) + " (known: " + strings.Join(known, ", ") + ")"})
						bad = true
						continue
					}
					names = append(names, n)
				}
				if bad && len(names) == 0 {
					continue
				}
				_, reason, _ := strings.Cut(strings.TrimSpace(rest), fields[0])
				d := &Directive{Pos: c.Pos(), End: c.End(), Analyzers: names, Reason: strings.TrimSpace(reason)}
				p := fset.Position(c.Pos())
				m := idx.lines[p.Filename]
				if m == nil {
					m = make(map[int][]*Directive)
					idx.lines[p.Filename] = m
				}
				m[p.Line] = append(m[p.Line], d)
				if c, ok := codeStart[p.Line]; !ok || c > p.Column {
					// On its own line: it is about the line below.
					m[p.Line+1] = append(m[p.Line+1], d)
				}
			}
		}
	}
	return idx, problems
}

// hasDirective reports whether a comment of f starts with the directive
// prefix: most files have none, and need no walk of their syntax.
func hasDirective(f *ast.File) bool {
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, prefix) {
				return true
			}
		}
	}
	return false
}

// Ignored reports whether a finding of analyzer at pos is suppressed.
func (idx *Index) Ignored(analyzer string, pos token.Pos) bool {
	return idx.Find(analyzer, pos) != nil
}

// Find returns the first directive that suppresses a finding of analyzer
// at pos, or nil.
func (idx *Index) Find(analyzer string, pos token.Pos) *Directive {
	if idx == nil {
		return nil
	}
	p := idx.fset.Position(pos)
	for _, d := range idx.lines[p.Filename][p.Line] {
		if contains(d.Analyzers, analyzer) {
			return d
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func quote(s string) string { return `"` + s + `"` }
