package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestDeterministic(t *testing.T) {
	a, err := generate(60, 3)
	if err != nil {
		t.Fatal(err)
	}
	b, err := generate(60, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.files) != len(b.files) {
		t.Fatalf("same seed: %d files, then %d", len(a.files), len(b.files))
	}
	for i := range a.files {
		if a.files[i].path != b.files[i].path || !bytes.Equal(a.files[i].src, b.files[i].src) {
			t.Fatalf("same seed: %s differs between runs", a.files[i].path)
		}
	}
	c, err := generate(60, 4)
	if err != nil {
		t.Fatal(err)
	}
	if same(a, c) {
		t.Error("seeds 3 and 4 produced the same corpus")
	}
}

func same(a, b *corpus) bool {
	if len(a.files) != len(b.files) {
		return false
	}
	for i := range a.files {
		if a.files[i].path != b.files[i].path || !bytes.Equal(a.files[i].src, b.files[i].src) {
			return false
		}
	}
	return true
}

func TestShape(t *testing.T) {
	c, err := generate(300, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.pkgs) != 300 {
		t.Errorf("%d packages, want 300", len(c.pkgs))
	}
	if n := c.lines(); n < 50000 || n > 100000 {
		t.Errorf("%d lines, want 50k to 100k", n)
	}
	if d := c.depth(); d < 5 {
		t.Errorf("import depth %d, want several levels", d)
	}
	for _, p := range c.pkgs {
		if p.kind == "model" {
			continue
		}
		imports := len(p.deps) + len(p.models)
		if p.index >= 10 && (imports < 2 || imports > 5) {
			t.Errorf("%s imports %d corpus packages, want 2 to 5", p.name, imports)
		}
		for _, d := range p.deps {
			if d.index >= p.index {
				t.Errorf("%s imports %s, which is not generated before it", p.name, d.name)
			}
		}
	}
	var all strings.Builder
	for _, f := range c.files {
		all.Write(f.src)
	}
	for _, want := range []string{
		`pii:"email"`, `pii:"name"`, `pii:"phone"`, `pii:"card"`, `pii:"cvv"`,
		`pii:"password"`, `pii:"national_id"`, "\n//pii:sanitizer\nfunc ",
		"log.Printf(", "slog.Info(", "fmt.Errorf(", "%w", "strings.Builder",
		"csv.NewWriter(", "go func() {", "func First[T any](xs []T) T",
		"func Logf(format string, args ...any) {",
	} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("corpus never contains %q", want)
		}
	}
}

// TestVet writes a small corpus and checks that it builds and that go vet
// finds nothing in it.
func TestVet(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go vet")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	c, err := generate(45, 11)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := c.write(dir); err != nil {
		t.Fatal(err)
	}
	if err := c.write(dir); err == nil {
		t.Error("writing into a non-empty directory succeeded")
	}
	cmd := exec.Command(goTool, "vet", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go vet ./... in the corpus: %v\n%s", err, out)
	}
}
