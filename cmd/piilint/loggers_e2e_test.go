package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// loggersFixture is a module that requires the real third-party loggers
// piilog models. piilint analyses their source like any other dependency,
// so a sink row whose name does not match the real library, or a summary
// of the library that hides a sink, shows as a missing finding.
const loggersFixture = "testdata/loggers"

// loggerModules are the modules the fixture requires, at the versions its
// go.mod pins.
var loggerModules = []struct{ path, version string }{
	{"go.uber.org/zap", "v1.28.0"},
	{"github.com/sirupsen/logrus", "v1.10.2"},
	{"github.com/golang/glog", "v1.2.5"},
	{"k8s.io/klog/v2", "v2.140.0"},
	{"github.com/rs/zerolog", "v1.34.0"},
	{"github.com/go-logr/logr", "v1.4.4"},
	{"github.com/go-kit/log", "v0.2.1"},
	{"github.com/hashicorp/go-hclog", "v1.6.3"},
}

// loggerPackages are the fixture's packages, one per logger: each must
// have findings.
var loggerPackages = []string{
	"zaplog", "logruslog", "gloglog", "kloglog",
	"zerologlog", "logrlog", "gokitlog", "hcloglog",
}

// TestLoggersRealModules runs piilint on a module that uses zap, logrus,
// glog, klog, zerolog, logr, go-kit/log and hclog from the module proxy
// and compares its findings exactly with the fixture's want comments.
func TestLoggersRealModules(t *testing.T) {
	realModules(t, loggersFixture, loggerModules, loggerPackages, "piilog")
}

// realModules checks that the fixture module requires the modules at
// their pinned versions, unreplaced, then runs piilint on it and compares
// its findings exactly with the fixture's want comments: all of them from
// analyzer, some in each of packages, none in package model.
func realModules(t *testing.T, fixture string, modules []struct{ path, version string }, packages []string, analyzer string) {
	e2e(t)
	dir, err := filepath.Abs(fixture)
	if err != nil {
		t.Fatal(err)
	}

	// The fixture must use the real modules: no replacement, the pinned
	// versions.
	args := []string{"list", "-m", "-f", "{{.Path}} {{.Version}} {{with .Replace}}=> {{.Path}} {{.Version}}{{end}}"}
	for _, m := range modules {
		args = append(args, m.path)
	}
	r := run(t, dir, true, "go", args...)
	if r.code != 0 {
		t.Fatalf("go list -m: exit status %d; stderr:\n%s", r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != len(modules) {
		t.Fatalf("go list -m printed %d lines, want %d:\n%s", len(lines), len(modules), r.stdout)
	}
	for i, m := range modules {
		if got, want := strings.TrimSpace(lines[i]), m.path+" "+m.version; got != want {
			t.Errorf("module %q, want %q (the real module at the pinned version)", got, want)
		}
	}

	r = piilint(t, dir, "./...")
	if r.code != exitFindings {
		t.Fatalf("exit status %d, want %d; stderr:\n%s", r.code, exitFindings, r.stderr)
	}
	for l := range strings.Lines(r.stderr) {
		if !strings.HasPrefix(l, "go: downloading ") {
			t.Errorf("stderr: %s", l)
		}
	}
	got := parseText(t, r.stdout)
	checkFindings(t, got, collectWants(t, dir))
	checkSorted(t, got)
	perPackage := make(map[string]int)
	for _, f := range got {
		if f.analyzer != analyzer {
			t.Errorf("%s: analyzer %s, want %s", f, f.analyzer, analyzer)
		}
		pkg, _, _ := strings.Cut(f.file, "/")
		perPackage[pkg]++
	}
	for _, pkg := range packages {
		if perPackage[pkg] == 0 {
			t.Errorf("no finding in package %s", pkg)
		}
	}
	if n := perPackage["model"]; n != 0 {
		t.Errorf("%d findings in package model, want none", n)
	}
}
