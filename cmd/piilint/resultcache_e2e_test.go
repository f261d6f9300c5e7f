package main

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/piilint/piilint/internal/config"
)

// cacheEntries returns the result cache's entries under dir.
func cacheEntries(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := filepath.Glob(filepath.Join(dir, "results", "??", "*"))
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// tamper rewrites the one entry of the cache in dir so that its findings'
// messages start with marker: a run that prints the marker replayed it.
func tamper(t *testing.T, dir, marker string) {
	t.Helper()
	entries := cacheEntries(t, dir)
	if len(entries) != 1 {
		t.Fatalf("cache entries: %q, want one", entries)
	}
	data, err := os.ReadFile(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	var run storedRun
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&run); err != nil {
		t.Fatalf("decoding %s: %v", entries[0], err)
	}
	if !bytes.Contains(run.Out, []byte(`"message": "`)) {
		t.Fatalf("the stored output has no finding:\n%s", run.Out)
	}
	run.Out = bytes.ReplaceAll(run.Out, []byte(`"message": "`), []byte(`"message": "`+marker))
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&run); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(entries[0], buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestResultCache checks that a run whose inputs are all unchanged replays
// the stored output, and that a change of any input runs the analysis.
func TestResultCache(t *testing.T) {
	e2e(t)
	dir := copyFixture(t)
	cache := t.TempDir()
	env := []string{resultCacheEnv + "=" + cache}
	lint := func(extra ...string) result {
		t.Helper()
		return runEnv(t, dir, append(env[:1:1], extra...), true, piilintBin, "./...")
	}
	wants := collectWants(t, dir)
	first := lint()
	checkFindings(t, parseText(t, first.stdout), wants)
	const marker = "REPLAYED "
	tamper(t, cache, marker)

	if r := lint(); !strings.Contains(r.stdout, marker) || r.code != first.code {
		t.Errorf("unchanged inputs: the stored run is not replayed (exit %d):\n%s%s", r.code, r.stdout, r.stderr)
	} else if strings.ReplaceAll(r.stdout, marker, "") != first.stdout {
		t.Errorf("replayed output differs from the first run's:\n%s\nwant:\n%s", r.stdout, first.stdout)
	}

	// The output format is applied to the stored run.
	if r := runEnv(t, dir, env, true, piilintBin, "-json", "./..."); !strings.Contains(r.stdout, `"message": "`+marker) {
		t.Errorf("-json: the stored run is not replayed:\n%s%s", r.stdout, r.stderr)
	}

	// An edit runs the analysis; undoing it finds the stored run again.
	file := filepath.Join(dir, "app", "app.go")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	appendFile(t, file, "\nfunc added() {}\n")
	if r := lint(); strings.Contains(r.stdout, marker) {
		t.Errorf("after an edit, the stored run is replayed:\n%s", r.stdout)
	} else {
		checkFindings(t, parseText(t, r.stdout), wants)
	}
	writeFile(t, file, string(orig))
	if r := lint(); !strings.Contains(r.stdout, marker) {
		t.Errorf("edit undone: the stored run is not replayed:\n%s%s", r.stdout, r.stderr)
	}

	// Inputs beside the sources: the build configuration, the analyzer
	// flags, the output format, the cache switched off.
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"build tags", []string{"GOFLAGS=-mod=mod -tags=extra"}, nil},
		{"analyzer flag", nil, []string{"-piitransport.strict"}},
		{"cache off", []string{resultCacheEnv + "=off"}, nil},
	} {
		args := append(c.args, "./...")
		r := runEnv(t, dir, append(env[:1:1], c.env...), true, piilintBin, args...)
		if strings.Contains(r.stdout, marker) || r.code != first.code {
			t.Errorf("%s: exit %d, the stored run is replayed or the run failed:\n%s%s", c.name, r.code, r.stdout, r.stderr)
		}
	}
}

// TestResultCacheFailures checks that failed runs are not stored: a type
// error is reported on every run.
func TestResultCacheFailures(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "broken", map[string]string{
		"broken.go": "package broken\n\nvar x int = \"text\"\n",
	})
	cache := t.TempDir()
	env := []string{resultCacheEnv + "=" + cache}
	for range 2 {
		r := runEnv(t, dir, env, true, piilintBin, "./...")
		if r.code != exitError || !strings.Contains(r.stderr, "cannot use") {
			t.Fatalf("exit %d, want %d with the type error; stderr:\n%s", r.code, exitError, r.stderr)
		}
	}
	if entries := cacheEntries(t, cache); len(entries) != 0 {
		t.Errorf("a failed run is stored: %q", entries)
	}
}

// TestResultCachePackageConfig checks that, when the command finds no
// configuration, a configuration file that a package finds for itself is
// part of the key.
func TestResultCachePackageConfig(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "mod", map[string]string{
		"app/app.go": `package app

import "log"

type User struct {
	Email string ` + "`pii:\"email\"`" + `
}

func Log(u *User) { log.Println(u.Email) }
`,
	})
	if found, err := config.Find(dir); found != "" || err != nil {
		t.Fatalf("a configuration file above the test's module (%s, %v) would apply to it", found, err)
	}
	cache := t.TempDir()
	env := []string{resultCacheEnv + "=" + cache}
	if r := runEnv(t, dir, env, true, piilintBin, "./..."); r.code != exitFindings {
		t.Fatalf("exit %d, want %d:\n%s%s", r.code, exitFindings, r.stdout, r.stderr)
	}
	// The command finds no configuration from the module's directory:
	// app's vet tool finds app's own.
	writeFile(t, filepath.Join(dir, "app", ".piilint.yml"), `version: 1
allow:
  - analyzer: piilog
    kinds: [email]
    packages: [example.com/mod/...]
    reason: test addresses
`)
	if r := runEnv(t, dir, env, true, piilintBin, "./..."); r.code != exitClean {
		t.Errorf("with app's configuration allowing emails: exit %d, want %d:\n%s%s", r.code, exitClean, r.stdout, r.stderr)
	}
}

func TestResultCacheTrim(t *testing.T) {
	c := &resultCache{dir: t.TempDir()}
	now := time.Now()
	old, recent := c.path(strings.Repeat("a", 64)), c.path(strings.Repeat("b", 64))
	for _, p := range []string{old, recent} {
		writeFile(t, p, "entry")
	}
	if err := os.Chtimes(old, now.Add(-resultMaxAge-time.Hour), now.Add(-resultMaxAge-time.Hour)); err != nil {
		t.Fatal(err)
	}
	c.trim(now)
	if _, err := os.Stat(old); !os.IsNotExist(err) {
		t.Errorf("an entry unused for longer than %v is kept (%v)", resultMaxAge, err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent entry is removed: %v", err)
	}
	// Trimmed less than a day ago: not again.
	if err := os.Chtimes(recent, now.Add(-resultMaxAge-time.Hour), now.Add(-resultMaxAge-time.Hour)); err != nil {
		t.Fatal(err)
	}
	c.trim(now.Add(time.Hour))
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("trimmed again within %v: %v", resultTrimEvery, err)
	}
	c.trim(now.Add(resultTrimEvery + time.Hour))
	if _, err := os.Stat(recent); !os.IsNotExist(err) {
		t.Errorf("not trimmed after %v: %v", resultTrimEvery, err)
	}
}
