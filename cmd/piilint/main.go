// Command piilint reports personal data (PII) that reaches log output,
// export files or plaintext network channels.
//
// Usage:
//
//	piilint [flags] [packages]
//
// With no packages it analyses ./... . It runs the analysis through the go
// command's vet protocol (one process per package, results cached by the
// go command) and prints findings as
//
//	file:line:col: message (analyzer)
//
// The same binary is a vet tool: go vet -vettool=$(command -v piilint).
//
// Exit status: 0 when nothing is reported, 3 when findings are reported,
// 1 on errors (bad configuration, packages that fail to load).
package main

import (
	"os"
)

func main() {
	args := os.Args[1:]
	if isVetTool(args) {
		vetTool(args)
		return
	}
	os.Exit(standalone(args, os.Stdout, os.Stderr))
}
