package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/piilint/piilint/internal/config"
)

// The result cache.
//
// go vet caches each package's result, but its warm re-run still walks its
// whole action graph, and for vet that means preparing every package's vet
// configuration again (a work directory, cgo's file list) after finding
// its compile action cached: on scripts/bench/realdeps, 0.56 s, where go
// list -export finds the same graph in 0.35 s. So the standalone command
// keeps the output of each complete run, and replays it, without starting
// go vet, when nothing it depends on has changed. The key (resultKey)
// hashes:
//
//   - the build ID of every package of the run's graph, tests included, as
//     go list -export reports them with the same stand-in compiler as go
//     vet (see toolexec): a package's build ID hashes its own files and
//     build configuration (with the stand-in's archives, not always its
//     imports': they all hash alike), and every package is in the key;
//   - this executable's contents, the vet tool's command line (the
//     configuration's path and digest, analyzer flags, output flags,
//     patterns) and the working directory;
//   - the go command's version and the environment that reaches the build
//     or the vet tool (GO*, CGO_*, the C toolchain's variables, PATH,
//     PIILINT_*).
//
// The configuration is in the vet tool's command line: the file the
// command found and its digest, or, when it found none, the digest of the
// files the main modules' packages find for themselves (packageConfigs),
// which also keeps go vet's own cache from missing their changes.
//
// Only runs where go vet and every package's analysis succeeded are kept.
// The cache lives in PIILINT_CACHE (default: piilint under the user's
// cache directory, as staticcheck's does); PIILINT_CACHE=off turns it off.
// Entries unused for resultMaxAge are removed, at most once a day.

// resultCacheEnv names the cache's directory, or "off".
const resultCacheEnv = "PIILINT_CACHE"

const (
	resultMaxAge    = 5 * 24 * time.Hour
	resultTrimEvery = 24 * time.Hour
	// resultTouchAfter: a hit older than this refreshes the entry's time,
	// which trimming reads.
	resultTouchAfter = time.Hour
)

// resultCache is the directory of stored runs; nil when off.
type resultCache struct{ dir string }

// openResultCache returns the cache named by the environment, or nil when
// it is off or there is no cache directory.
func openResultCache() *resultCache {
	dir := os.Getenv(resultCacheEnv)
	switch dir {
	case "off":
		return nil
	case "":
		base, err := os.UserCacheDir()
		if err != nil {
			return nil
		}
		dir = filepath.Join(base, "piilint")
	}
	return &resultCache{dir: filepath.Join(dir, "results")}
}

// storedRun is a cache entry: go vet's output of a successful run.
type storedRun struct {
	Out, ErrOut []byte
}

func (c *resultCache) path(key string) string {
	return filepath.Join(c.dir, key[:2], key)
}

// get returns the stored run of key.
func (c *resultCache) get(key string) (*storedRun, bool) {
	p := c.path(key)
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	run := new(storedRun)
	if gob.NewDecoder(f).Decode(run) != nil {
		return nil, false // a damaged entry is a miss; put replaces it
	}
	if fi, err := f.Stat(); err == nil && time.Since(fi.ModTime()) > resultTouchAfter {
		now := time.Now()
		os.Chtimes(p, now, now)
	}
	return run, true
}

// put stores run under key, through a temporary file so that a
// concurrent run never reads half an entry. Failures are ignored: the
// cache only saves time.
func (c *resultCache) put(key string, run *storedRun) {
	p := c.path(key)
	if os.MkdirAll(filepath.Dir(p), 0o777) != nil {
		return
	}
	f, err := os.CreateTemp(filepath.Dir(p), key+".tmp*")
	if err != nil {
		return
	}
	err = gob.NewEncoder(f).Encode(run)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), p)
	}
	if err != nil {
		os.Remove(f.Name())
		return
	}
	c.trim(time.Now())
}

// trim removes the entries unused for resultMaxAge, once every
// resultTrimEvery.
func (c *resultCache) trim(now time.Time) {
	mark := filepath.Join(c.dir, "trim.txt")
	if fi, err := os.Stat(mark); err == nil && now.Sub(fi.ModTime()) < resultTrimEvery {
		return
	}
	filepath.WalkDir(c.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || p == mark {
			return nil
		}
		if fi, err := d.Info(); err == nil && now.Sub(fi.ModTime()) > resultMaxAge {
			os.Remove(p)
		}
		return nil
	})
	os.WriteFile(mark, []byte(now.UTC().Format(time.RFC3339)+"\n"), 0o666)
}

// keyedEnv reports whether an environment variable can change what go
// vet builds or what the vet tool reports.
func keyedEnv(name string) bool {
	switch name {
	case "CC", "CXX", "FC", "AR", "PKG_CONFIG", "PATH":
		return true
	}
	for _, prefix := range []string{"GO", "CGO_", "PIILINT_"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

// listTemplate prints, per package of the graph: its import path, build
// ID (with go list -export), whether it or a dependency has an error, and
// its directory when it belongs to a main module.
const listTemplate = `{{.ImportPath}}	{{.BuildID}}	{{if or .Error .DepsErrors}}error{{end}}	{{with .Module}}{{if .Main}}{{$.Dir}}{{end}}{{end}}`

// graph is go list's account of a run's packages, dependencies and tests
// included.
type graph struct {
	out  []byte   // go list's output, one listTemplate line per package
	dirs []string // the directories of the main modules' packages
	ok   bool     // no package has an error
}

// listGraph lists the packages of pkgs with their dependencies and tests;
// with export, it also finds their build IDs, through the same stand-in
// compiler as go vet (see toolexec).
func listGraph(pkgs []string, export bool) (*graph, error) {
	args := []string{"list", "-e", "-deps", "-test"}
	env := os.Environ()
	if export {
		exe, err := os.Executable()
		if err != nil {
			return nil, err
		}
		args = append(args, "-export", "-toolexec="+quoteTool(exe))
		env = append(env, toolexecEnv+"=1")
	}
	cmd := exec.Command("go", append(append(args, "-f", listTemplate), pkgs...)...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return nil, err
	}
	g := &graph{out: out, ok: true}
	seen := make(map[string]bool)
	for line := range bytes.Lines(out) {
		fields := strings.Split(strings.TrimRight(string(line), "\n"), "\t")
		if len(fields) != 4 || fields[2] != "" {
			g.ok = false
			continue
		}
		if dir := fields[3]; dir != "" && !seen[dir] {
			seen[dir] = true
			g.dirs = append(g.dirs, dir)
		}
	}
	return g, nil
}

// packageConfigs returns a digest of the configuration files that the
// packages in dirs find for themselves, from their directories upwards,
// or "" when they find none. It is for runs where the command found no
// configuration: go vet's cache does not see those files, so the digest
// goes to the vet tool as -confighash. Packages outside the main modules
// are left out: the module cache does not change.
func packageConfigs(dirs []string) (string, error) {
	files := make(map[string]bool)
	for _, dir := range dirs {
		file, err := config.Find(dir)
		if err != nil {
			return "", err
		}
		if file != "" {
			files[file] = true
		}
	}
	if len(files) == 0 {
		return "", nil
	}
	h := sha256.New()
	for _, file := range slices.Sorted(maps.Keys(files)) {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%q %x\n", file, sha256.Sum256(data))
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// resultKey returns the cache key of a go vet run with vetArgs in wd over
// the packages of g, listed with build IDs (see the comment at the top of
// this file).
func resultKey(vetArgs []string, g *graph, wd, goVersion string) (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	fmt.Fprintf(h, "piilint results v1\n")
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	_, err = io.Copy(h, f)
	f.Close()
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "\nwd %q\ngo %q\n", wd, goVersion)
	for _, a := range vetArgs {
		fmt.Fprintf(h, "arg %q\n", a)
	}
	env := slices.Clone(os.Environ())
	slices.Sort(env)
	for _, kv := range env {
		if name, _, _ := strings.Cut(kv, "="); keyedEnv(name) && name != toolexecEnv {
			fmt.Fprintf(h, "env %q\n", kv)
		}
	}
	h.Write(g.out)
	return hex.EncodeToString(h.Sum(nil)), nil
}
