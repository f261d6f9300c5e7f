package piilog_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
)

func TestPiilog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piilog.Analyzer, "once",
		"basic", "flows", "errargs", "render", "ifaces", "mlogcaller", "funcfields", "providercaller", "depsink", "stdoutwriters", "downstream", "sanitize", "generics", "aliases", "rangefunc", "suppressed", "generated", "gencaller", "cgocase", "cgocaller", "listed", "hofcaller", "wiring")
}

// TestTestLog: the builtins print and println (their operands of basic
// types) and the test log (t.Logf, b.Log, f.Fatal, tb.Log, in _test.go
// files and in a helper outside them) are log sinks; IDs, sanitized
// values, %T and what print shows as an address are not leaks.
func TestTestLog(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piilog.Analyzer, "testlogs")
}

// TestFacts checks the facts of a chain upstream → middle → downstream.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piifacts.Analyzer, "upstream", "middle", "mlog", "providers", "hof")
}

// TestHugeFunction: a package with a function of more branch points than
// piifacts builds with lifting (a generated table's switch) is still
// analysed, its leaks reported.
func TestHugeFunction(t *testing.T) {
	var b strings.Builder
	b.WriteString("package huge\n\nimport \"log\"\n\ntype C struct {\n\tEmail string `pii:\"email\"`\n}\n\nfunc F(c *C, x int) {\n\tswitch x {\n")
	b.WriteString("\tcase -1:\n\t\tlog.Print(c.Email) // want `C.Email \\(email\\) reaches log output via log.Print`\n")
	for i := range 3500 {
		fmt.Fprintf(&b, "\tcase %d:\n\t\tlog.Print(%d)\n", i, i)
	}
	b.WriteString("\t}\n}\n")
	dir := t.TempDir()
	file := filepath.Join(dir, "src", "huge", "huge.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, piilog.Analyzer, "huge")
}
