package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/stdlib"
)

// isVetTool reports whether the command line is the go command's vet
// protocol: the -V=full and -flags handshakes, or a unit.cfg file.
func isVetTool(args []string) bool {
	for _, a := range args {
		if a == "-V=full" || a == "-flags" || a == "--flags" {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// unitConfig is the part of the go command's vet configuration that
// piilint reads before handing it to unitchecker.
type unitConfig struct {
	ImportPath string
	Dir        string
	ModulePath string
	VetxOnly   bool
}

// standard reports whether the unit is a package of the standard library:
// no module, and its directory in a Go source tree (see internal/stdlib).
// (The configuration's Standard map describes the imports, not the unit.)
func (u *unitConfig) standard() bool {
	return u.ModulePath == "" && stdlib.Dir(u.ImportPath, u.Dir)
}

// vetTool runs one unit of the vet protocol.
func vetTool(args []string) {
	if len(args) == 1 && args[0] == "-V=full" {
		os.Exit(printToolID(os.Stdout))
	}
	tuneGC()
	// The configuration flags are read before unitchecker parses the
	// command line, because they decide which analyzers exist.
	file, _ := flagValue(args, "config")
	flag.String("config", "", "configuration file (default: .piilint.yml found from the package directory upwards)")
	flag.String("confighash", "", "digest of the configuration, so that the go command's cache sees its changes")

	var unit unitConfig
	cfg := new(config.Config)
	if n := len(args); n > 0 && strings.HasSuffix(args[n-1], ".cfg") {
		if data, err := os.ReadFile(args[n-1]); err == nil {
			_ = json.Unmarshal(data, &unit) // unitchecker reports a bad file
		}
		// Only package units read the configuration. The handshakes
		// (-V=full, -flags) describe the tool, whatever the configuration;
		// they run in go vet's working directory, and go vet reports their
		// failure without their error output, so a broken .piilint.yml
		// found there would fail go vet with no reason given.
		var err error
		if cfg, err = loadConfig(file, "."); err != nil {
			fmt.Fprintf(os.Stderr, "piilint: %v\n", err)
			os.Exit(1)
		}
	}
	opts := piifacts.Options{
		// The standard library is modelled, not analysed: as a dependency it
		// only needs its types, which unitchecker computes anyway.
		SkipBodies: func(string) bool { return unit.VetxOnly && unit.standard() },
	}
	if fail := os.Getenv(failEnv); fail != "" && fail == unit.ImportPath {
		opts.SkipBodies = func(string) bool { panic("failure injected by " + failEnv) }
	}
	suite, err := analyzers.New(cfg, opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "piilint: %v\n", err)
		os.Exit(1)
	}
	if unit.VetxOnly {
		reportErrors(suite, os.Stderr)
	}
	profile(suite, unit.ImportPath)
	unitchecker.Main(suite...)
}

// printToolID prints the tool's version line for the go command, which
// keys its cache of results by the line's build ID: a hash of this
// executable. unitchecker prints the same with the executable's path as
// the first word, and the go command, which splits the line into words,
// rejects it when the path has a space.
func printToolID(w io.Writer) int {
	exe, err := os.Executable()
	if err == nil {
		var f *os.File
		if f, err = os.Open(exe); err == nil {
			h := sha256.New()
			_, err = io.Copy(h, f)
			f.Close()
			if err == nil {
				fmt.Fprintf(w, "piilint version devel comments-go-here buildID=%x\n", h.Sum(nil))
				return 0
			}
		}
	}
	fmt.Fprintf(os.Stderr, "piilint: -V=full: %v\n", err)
	return 1
}

// failEnv names an environment variable that makes piifacts fail with an
// internal error on the package it names, so that the end-to-end tests
// can check how a failure on a dependency is reported.
const failEnv = "PIILINT_TEST_FAIL"

// reportErrors makes the analyzers print their errors to w. On a
// dependency (a unit analysed only for its facts) unitchecker keeps an
// analyzer's error to itself. (piifacts also records its failure as a
// package fact, which its importers report: go vet -json drops the
// standard error of dependencies, and caches their result.)
func reportErrors(suite []*analysis.Analyzer, w io.Writer) {
	for _, a := range suite {
		run := a.Run
		a.Run = func(pass *analysis.Pass) (any, error) {
			res, err := run(pass)
			if err != nil {
				fmt.Fprintf(w, "piilint: %s: %s: %v\n", pass.Pkg.Path(), a.Name, err)
			}
			return res, err
		}
	}
}

// flagValue finds the last -name=value or -name value in args, as the
// flag package would.
func flagValue(args []string, name string) (value string, found bool) {
	for i, a := range args {
		a = strings.TrimPrefix(a, "-")
		a = strings.TrimPrefix(a, "-")
		if v, ok := strings.CutPrefix(a, name+"="); ok {
			value, found = v, true
		} else if a == name && i+1 < len(args) && args[i] != a {
			value, found = args[i+1], true
		}
	}
	return value, found
}

// loadConfig loads file, or the configuration found from dir upwards when
// file is empty. No configuration is the default configuration.
func loadConfig(file, dir string) (*config.Config, error) {
	if file == "" {
		found, err := config.Find(dir)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return new(config.Config), nil
		}
		file = found
	}
	return config.Load(file)
}

// loadConfigPath finds the configuration file from dir upwards.
func loadConfigPath(dir string) (string, error) { return config.Find(dir) }

// The garbage collector's settings for a vet tool process, unless the
// environment sets them: a process analyses one package and exits, and
// with Go's default (GOGC=100) it spent a sixth of its time collecting.
// It collects only when its heap nears a soft limit of 400 MiB, below the
// compiler's processes that go vet runs beside it: most packages never
// collect, and the large ones (a Kubernetes API group, pgx's codecs) stay
// within the limit as long as their live data fits (beyond it, the
// runtime lets the heap grow rather than spend more than half its time
// collecting). Measured on scripts/bench/realdeps with a warm build
// cache: 22.4 s with GOGC=400 under the same limit, 19.9 s with this;
// 300 MiB gives 21.0 s, 512 MiB 20.1 s.
const (
	vetGCPercent   = -1 // off: the limit decides
	vetMemoryLimit = 400 << 20
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(vetGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(vetMemoryLimit)
	}
}
