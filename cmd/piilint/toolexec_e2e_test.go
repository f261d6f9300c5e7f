package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestStandInCompiler: the standalone command answers for the compiler
// (see toolexec) and finds what go vet finds; the archives it stands in
// with are cached under keys of their own, so that go build in the same
// cache afterwards compiles for real and links a program that runs.
func TestStandInCompiler(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "standin", map[string]string{
		"crm/crm.go": `package crm

import "log"

type Customer struct {
	Email string ` + "`pii:\"email\"`" + `
}

func Greet(c Customer) string {
	log.Printf("greeting %s", c.Email)
	return "hello"
}
`,
		"cmd/app/main.go": `package main

import (
	"fmt"

	"example.com/standin/crm"
)

func main() { fmt.Println(crm.Greet(crm.Customer{})) }
`,
	})
	gocache := filepath.Join(t.TempDir(), "gocache")
	env := []string{"GOCACHE=" + gocache}
	r := runEnv(t, dir, env, true, piilintBin, "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, "crm/crm.go:10:28: Customer.Email (email) reaches log output via log.Printf (piilog)") {
		t.Fatalf("piilint: exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	stubs := 0
	err := filepath.WalkDir(gocache, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err == nil && bytes.HasPrefix(data, []byte("!<arch>\n")) && bytes.Contains(data, []byte(stubSuffix+"\n")) {
			stubs++
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if stubs == 0 {
		t.Fatal("no stand-in archive in the go command's cache: the dependencies were compiled")
	}

	// The same cache serves a real build.
	bin := filepath.Join(t.TempDir(), "app")
	if r := runEnv(t, dir, env, true, "go", "build", "-o", bin, "./cmd/app"); r.code != 0 {
		t.Fatalf("go build after piilint: exit %d\n%s", r.code, r.stderr)
	}
	if r := run(t, dir, false, bin); r.code != 0 || r.stdout != "hello\n" {
		t.Fatalf("the program built after piilint: exit %d, stdout %q\n%s", r.code, r.stdout, r.stderr)
	}
	// And go vet with the vet tool alone finds the same.
	r = runEnv(t, dir, env, true, "go", "vet", "-vettool="+piilintBin, "./...")
	if r.code != 1 || !strings.Contains(r.stderr, "crm/crm.go:10:28: Customer.Email (email) reaches log output via log.Printf") {
		t.Fatalf("go vet: exit %d\n%s", r.code, r.stderr)
	}
}

// TestStandInPathWithSpace: the executable's path is quoted for
// -toolexec, which the go command splits into words.
func TestStandInPathWithSpace(t *testing.T) {
	e2e(t)
	bin := filepath.Join(t.TempDir(), "a dir", filepath.Base(piilintBin))
	data, err := os.ReadFile(piilintBin)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, bin, string(data))
	if err := os.Chmod(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, "spaced", map[string]string{
		"a.go": "package spaced\n\nimport \"log\"\n\ntype U struct {\n\tEmail string `pii:\"email\"`\n}\n\nfunc F(u U) { log.Print(u.Email) }\n",
	})
	r := run(t, dir, true, bin, "./...")
	if r.code != exitFindings || !strings.Contains(r.stdout, "a.go:9:25: U.Email (email) reaches log output via log.Print (piilog)") {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
}

// TestStandInRunsOtherTools: under go vet's -toolexec, a tool the stand-in
// does not answer for runs as asked, a path or a name (the go command
// queries the C compiler by name), and the vet protocol's own queries,
// which the go command also makes without -toolexec, reach the vet tool.
func TestStandInRunsOtherTools(t *testing.T) {
	e2e(t)
	env := []string{toolexecEnv + "=1"}
	dir := t.TempDir()
	if _, err := exec.LookPath("gcc"); err == nil {
		r := runEnv(t, dir, env, false, piilintBin, "gcc", "--version")
		if r.code != 0 || !strings.Contains(r.stdout, "gcc") {
			t.Errorf("gcc --version through the stand-in: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	}
	gofmt := filepath.Join(runtime.GOROOT(), "bin", "gofmt")
	r := runEnv(t, dir, env, false, piilintBin, gofmt, "-l", dir)
	if r.code != 0 || r.stderr != "" {
		t.Errorf("gofmt through the stand-in: exit %d\n%s", r.code, r.stderr)
	}
	r = runEnv(t, dir, env, false, piilintBin, "-flags")
	if r.code != 0 || !strings.Contains(r.stdout, `"Name"`) {
		t.Errorf("-flags with the stand-in's environment: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	r = runEnv(t, dir, env, false, piilintBin, piilintBin, "-V=full")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "piilint version devel") {
		t.Errorf("the vet tool's -V=full through the stand-in: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
