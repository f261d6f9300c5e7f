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

// Index answers whether a finding is suppressed.
type Index struct {
	fset *token.FileSet
	// lines maps file name and line to the analyzers silenced there.
	lines map[string]map[int][]string
}

// New indexes the directives of files. Analyzer names not in known are
// reported as problems, as are directives without a reason.
func New(fset *token.FileSet, files []*ast.File, known []string) (*Index, []Problem) {
	idx := &Index{fset: fset, lines: make(map[string]map[int][]string)}
	var problems []Problem
	for _, f := range files {
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
				p := fset.Position(c.Pos())
				m := idx.lines[p.Filename]
				if m == nil {
					m = make(map[int][]string)
					idx.lines[p.Filename] = m
				}
				m[p.Line] = append(m[p.Line], names...)
				if c, ok := codeStart[p.Line]; !ok || c > p.Column {
					// On its own line: it is about the line below.
					m[p.Line+1] = append(m[p.Line+1], names...)
				}
			}
		}
	}
	return idx, problems
}

// Ignored reports whether a finding of analyzer at pos is suppressed.
func (idx *Index) Ignored(analyzer string, pos token.Pos) bool {
	if idx == nil {
		return false
	}
	p := idx.fset.Position(pos)
	return contains(idx.lines[p.Filename][p.Line], analyzer)
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
