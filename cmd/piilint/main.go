// Command piilint reports personal data (PII) that reaches log output,
// export files or plaintext network channels.
//
// Usage:
//
//	piilint [flags] [packages]
//
// With no packages it analyses ./... . It runs the analysis through the go
// command's vet protocol (one process per package, results cached by the
// go command), standing in for the compiler that go vet would run on every
// dependency (see toolexec.go), and prints findings as
//
//	file:line:col: message (analyzer)
//
// -json prints the x/tools analysis JSON tree instead, and -sarif a SARIF
// 2.1.0 log for code scanning: one rule per analyzer with its
// documentation as help, level error for secrets and warning for other
// personal data and for piifacts' findings, locations relative to the
// repository root (%SRCROOT%, the nearest directory upwards with .git) in
// UTF-16 columns, the flow as a code flow, a fingerprint per result, and
// the findings //piilint:ignore silences as suppressions with their
// reason.
//
// -write-baseline FILE writes the findings to FILE instead of printing
// them; -baseline FILE then reports only the findings not in FILE. A
// finding's fingerprint hashes its analyzer, file, message and the code of
// its line, so that it survives edits that move the line.
//
// The same binary is a vet tool: go vet -vettool=$(command -v piilint).
//
// piilint help lists the analyzers, piilint help <analyzer> prints one's
// documentation. -fix applies the suggested fixes, then reports the
// findings that remain.
//
// Exit status: 0 when nothing is reported, 3 when findings are reported
// (after the baseline), 1 on errors (bad configuration, packages that fail
// to load, a missing or malformed baseline), 2 for a bad command line.
package main

import (
	"os"
)

func main() {
	args := os.Args[1:]
	if isToolexec(args) {
		toolexec(args)
		return
	}
	if isVetTool(args) {
		vetTool(args)
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}
