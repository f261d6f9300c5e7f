package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"sync/atomic"

	"golang.org/x/tools/go/analysis"
)

// profileEnv names an environment variable with a directory: each vet tool
// process that analyses a package writes a CPU profile of its analyzers
// there, named after the package (go tool pprof -top DIR/*.pprof sums
// them). It measures where the analysis of a module and its dependencies
// spends its time; the go command's own work and unitchecker's parsing and
// type checking are outside it.
const profileEnv = "PIILINT_CPUPROFILE"

// profile starts a CPU profile of the analyzers of suite when profileEnv
// is set, and stops it when the last of them returns. Errors go to stderr:
// a profile is never a reason to fail the analysis.
func profile(suite []*analysis.Analyzer, importPath string) {
	dir := os.Getenv(profileEnv)
	if dir == "" || importPath == "" {
		return
	}
	name := strings.NewReplacer("/", "_", "[", "_", "]", "_", " ", "_").Replace(importPath) + ".pprof"
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		fmt.Fprintf(os.Stderr, "piilint: %s: %v\n", profileEnv, err)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "piilint: %s: %v\n", profileEnv, err)
		f.Close()
		return
	}
	left := int32(len(suite))
	for _, a := range suite {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			defer func() {
				if atomic.AddInt32(&left, -1) == 0 {
					pprof.StopCPUProfile()
					f.Close()
				}
			}()
			return run(pass)
		}
	}
}
