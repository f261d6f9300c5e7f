//go:build sweep

package sweep_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piifacts"
)

// TestStdlib analyses every package of the standard library from source,
// function bodies included (the command and the plugin model the
// standard library instead of analysing it).
func TestStdlib(t *testing.T) {
	sweep(t, "", []string{"std"}, func(string) bool { return false })
}

// TestHeavyModule analyses a module and its 770 dependencies as the
// golangci-lint plugin does (standard library bodies skipped).
func TestHeavyModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "scripts", "sweep", "heavymod"))
	if err != nil {
		t.Fatal(err)
	}
	found := sweep(t, dir, []string{"./..."}, nil)
	if len(found) == 0 {
		t.Error("no findings in heavymod, which logs PII")
	}
	// Lines marked "sweep: reported" must have a finding, lines marked
	// "sweep: clean" none: how the real libraries' code is judged
	// (client-go's rest.Config redacts its secrets when printed).
	main := filepath.Join(dir, "main.go")
	src, err := os.ReadFile(main)
	if err != nil {
		t.Fatal(err)
	}
	marked := 0
	for i, line := range strings.Split(string(src), "\n") {
		at := fmt.Sprintf("%s:%d", main, i+1)
		switch {
		case strings.Contains(line, "// sweep: reported"):
			marked++
			if len(found[at]) == 0 {
				t.Errorf("%s: no finding on a line marked reported", at)
			}
		case strings.Contains(line, "// sweep: clean"):
			marked++
			for _, msg := range found[at] {
				t.Errorf("%s: finding on a line marked clean: %s", at, msg)
			}
		}
	}
	if marked == 0 {
		t.Error("no marked lines in heavymod/main.go")
	}
}

// sweep loads patterns in dir, runs the suite over them and their
// dependencies, fails the test for every analyzer error and returns the
// findings in the root packages, by "file:line".
func sweep(t *testing.T, dir string, patterns []string, skip func(string) bool) map[string][]string {
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		t.Fatalf("%d errors loading %s", n, strings.Join(patterns, " "))
	}
	suite, err := analyzers.New(nil, piifacts.Options{SkipBodies: skip})
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	roots := 0
	findings := 0
	found := make(map[string][]string)
	analysed := 0
	for act := range graph.All() {
		if act.Analyzer.Name == "piifacts" {
			analysed++
		}
		if act.Err != nil && !strings.Contains(act.Err.Error(), "failed prerequisites") {
			failed = append(failed, act.String()+": "+act.Err.Error())
		}
		if act.IsRoot {
			roots++
			findings += len(act.Diagnostics)
			for _, d := range act.Diagnostics {
				p := act.Package.Fset.Position(d.Pos)
				at := fmt.Sprintf("%s:%d", p.Filename, p.Line)
				found[at] = append(found[at], d.Message)
			}
		}
	}
	slices.Sort(failed)
	for _, f := range failed {
		t.Error(f)
	}
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	t.Logf("%d packages analysed, %d root actions, %d findings, %d internal errors; %d MB allocated in all",
		analysed, roots, findings, len(failed), mem.TotalAlloc>>20)
	return found
}
