package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestStubArchive: the go command reads the build ID it asked for from the
// archive that stands in for a compiled package.
func TestStubArchive(t *testing.T) {
	for _, id := range []string{"abc/def", "a1b2c3d4e5f6a1b2c3d4/a1b2c3d4e5f6a1b2c3d4x"} {
		file := filepath.Join(t.TempDir(), "_pkg_.a")
		if err := os.WriteFile(file, stubArchive(id), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("go", "tool", "buildid", file).CombinedOutput()
		if err != nil {
			t.Fatalf("go tool buildid: %v\n%s", err, out)
		}
		if got := strings.TrimSpace(string(out)); got != id {
			t.Errorf("build ID = %q, want %q", got, id)
		}
	}
}

// TestExpandArgs: @file arguments are replaced by the file's lines,
// unescaped, as the compiler reads them.
func TestExpandArgs(t *testing.T) {
	file := filepath.Join(t.TempDir(), "args")
	if err := os.WriteFile(file, []byte("-o\n/tmp/out dir/_pkg_.a\n-D\na\\nb\\\\c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := expandArgs([]string{"-p", "x", "@" + file, "last"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-p", "x", "-o", "/tmp/out dir/_pkg_.a", "-D", "a\nb\\c", "last"}
	if !slices.Equal(got, want) {
		t.Errorf("expandArgs = %q, want %q", got, want)
	}
	if _, err := expandArgs([]string{"@" + file + ".missing"}); err == nil {
		t.Error("a missing response file is not an error")
	}
}

// TestStubOutputs: the stand-in writes what the go command expects of
// compile (-o, -asmhdr) and asm (-o, also for -gensymabis), and pack
// changes nothing.
func TestStubOutputs(t *testing.T) {
	dir := t.TempDir()
	pkg, hdr, sym := filepath.Join(dir, "_pkg_.a"), filepath.Join(dir, "go_asm.h"), filepath.Join(dir, "symabis")
	if err := stub("compile", []string{"-o", pkg, "-p", "x", "-buildid", "id/id", "-asmhdr=" + hdr, "x.go"}); err != nil {
		t.Fatal(err)
	}
	if err := stub("asm", []string{"-gensymabis", "-o", sym, "x.s"}); err != nil {
		t.Fatal(err)
	}
	archive, err := os.ReadFile(pkg)
	if err != nil {
		t.Fatal(err)
	}
	if err := stub("pack", []string{"r", pkg, filepath.Join(dir, "x.o")}); err != nil {
		t.Fatal(err)
	}
	after, err := os.ReadFile(pkg)
	if err != nil || string(after) != string(archive) {
		t.Errorf("pack changed the archive (%v)", err)
	}
	for _, f := range []string{hdr, sym} {
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
	if err := stub("compile", []string{"-p", "x", "x.go"}); err == nil {
		t.Error("compile without -o is not an error")
	}
}

// TestQuoteTool: -toolexec's value is split into words by the go command,
// with single or double quotes around a word that has spaces.
func TestQuoteTool(t *testing.T) {
	for path, want := range map[string]string{
		"/usr/bin/piilint":        "/usr/bin/piilint",
		"/home/a b/piilint":       "'/home/a b/piilint'",
		"/home/it's here/piilint": `"/home/it's here/piilint"`,
	} {
		if got := quoteTool(path); got != want {
			t.Errorf("quoteTool(%q) = %s, want %s", path, got, want)
		}
	}
}

// TestStubVersion: the -V=full line the go command parses: the tool's
// name, "version", and a version of the stand-in's own.
func TestStubVersion(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "stdout"))
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	err = stub("compile", []string{"-V=full"})
	os.Stdout = stdout
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(out), "compile version"+stubSuffix+"\n"; got != want {
		t.Errorf("-V=full: %q, want %q", got, want)
	}
}
