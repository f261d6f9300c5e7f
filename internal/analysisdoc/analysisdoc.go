// Package analysisdoc extracts an analyzer's documentation from the
// package comment of its doc.go, so that `go doc`, the analyzer's Doc and
// the generated rule help all say the same thing.
package analysisdoc

import (
	"fmt"
	"strings"
)

// Extract returns the "# Analyzer <name>" section of the package comment
// in the source of a doc.go file: its first line is the title, the rest
// the body. It panics when the section is missing, which a test of every
// analyzer catches.
func Extract(src, name string) string {
	var lines []string
	in := false
	for _, l := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		if strings.HasPrefix(l, "package ") {
			break
		}
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), " ")
		if strings.HasPrefix(l, "# ") {
			if in {
				break
			}
			in = strings.TrimSpace(l) == "# Analyzer "+name
			continue
		}
		if in {
			lines = append(lines, l)
		}
	}
	s := strings.TrimSpace(strings.Join(lines, "\n"))
	if s == "" {
		panic(fmt.Sprintf("doc.go has no \"# Analyzer %s\" section", name))
	}
	// The title line ends with a colon in doc.go ("piilog: PII reaching log output").
	title, body, _ := strings.Cut(s, "\n")
	title = strings.TrimPrefix(title, name+": ")
	return strings.TrimSpace(title + "\n" + body)
}
