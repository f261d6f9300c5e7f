package main

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
)

// srcRoot returns the directory that SARIF locations and baseline entries
// are relative to: the nearest directory from dir upwards holding .git (a
// repository's directory or a worktree's file), else dir itself. Paths
// relative to the repository stay the same whichever directory piilint
// runs from, and are what code scanning expects.
func srcRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// relUnder returns path relative to dir, when it is under dir.
func relUnder(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// relFile returns file relative to root, slash-separated, and whether it
// is under root; a file elsewhere is returned whole.
func relFile(root, file string) (string, bool) {
	rel, ok := relUnder(root, file)
	if !ok {
		rel = file
	}
	return filepath.ToSlash(rel), ok
}

// sources reads the lines of the files findings are in, each file once.
type sources map[string][]string

// line returns line n (1-based) of file without its line ending, and
// false when the file cannot be read or has no such line.
func (s sources) line(file string, n int) (string, bool) {
	lines, ok := s[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			lines = strings.Split(string(data), "\n")
		}
		s[file] = lines
	}
	if n < 1 || n > len(lines) {
		return "", false
	}
	return strings.TrimSuffix(lines[n-1], "\r"), true
}

// utf16Column converts col, a 1-based column in bytes as go/token counts
// it, into a 1-based column in UTF-16 code units of line, which SARIF
// uses by default. Bytes that are not valid UTF-8 count one unit each, as
// their replacement character would; columns past the end of the line
// (an end position after the last byte) keep their distance to it.
func utf16Column(line string, col int) int {
	if col < 1 {
		return col
	}
	n, past := col-1, 0
	if n > len(line) {
		n, past = len(line), n-len(line)
	}
	units := 0
	for _, r := range line[:n] {
		units += max(utf16.RuneLen(r), 1)
	}
	return units + past + 1
}

// codeText returns the Go tokens of a source line, separated by single
// spaces: the line without its comments, and with its spacing normalised,
// so that a trailing comment added or re-aligned by gofmt does not change
// it. A line that does not scan (inside a raw string) gives what the
// scanner made of it.
func codeText(line string) string {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(line)), []byte(line), func(token.Position, string) {}, 0)
	var b strings.Builder
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		if lit == "" {
			lit = tok.String()
		}
		b.WriteString(lit)
	}
	return b.String()
}
