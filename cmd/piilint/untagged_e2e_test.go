package main

import (
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// untaggedSource is a small module nobody marked: a CRM's customer, in
// English and Spanish, with one leak to a log.
const untaggedSource = `package crm

import "log"

type Customer struct {
	ID            int64  ` + "`json:\"id\"`" + `
	Email         string ` + "`json:\"email\"`" + `
	Name          string
	EmailVerified bool
	Plan          string ` + "`json:\"plan\"`" + `
}

type Cliente struct {
	Correo   string
	Teléfono string
}

func Signup(c Customer, cl Cliente) {
	log.Printf("signup %s plan %s", c.Email, c.Plan)
	log.Printf("cliente %s", cl.Teléfono)
}
`

// TestUntaggedFix: piilint finds nothing on an untagged module;
// -piiuntagged lists the fields that look like personal data; -piiuntagged
// -fix marks them, gofmt-clean; plain piilint then reports the leaks the
// tags uncovered.
func TestUntaggedFix(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "crm", map[string]string{"crm.go": untaggedSource})

	if r := piilint(t, dir, "./..."); r.code != 0 || r.stdout != "" {
		t.Fatalf("untagged module: exit %d, output %q, want 0 and nothing\n%s", r.code, r.stdout, r.stderr)
	}

	r := piilint(t, dir, "-piiuntagged", "./...")
	want := `crm.go:7:2: Customer.Email looks like email but is not marked; add pii:"email" (piiuntagged)
crm.go:8:2: Customer.Name looks like name but is not marked; add pii:"name" (piiuntagged)
crm.go:14:2: Cliente.Correo looks like email but is not marked; add pii:"email" (piiuntagged)
crm.go:15:2: Cliente.Teléfono looks like phone but is not marked; add pii:"phone" (piiuntagged)
`
	if r.code != exitFindings || r.stdout != want {
		t.Fatalf("-piiuntagged: exit %d, output\n%s\nwant exit 3 and\n%s\n%s", r.code, r.stdout, want, r.stderr)
	}
	// -piiuntagged.all implies -piiuntagged; nothing more is ambiguous here.
	if r := piilint(t, dir, "-piiuntagged.all", "./..."); r.stdout != want {
		t.Errorf("-piiuntagged.all: output\n%s\nwant\n%s", r.stdout, want)
	}

	if r := piilint(t, dir, "-piiuntagged", "-fix", "./..."); r.code != 0 && r.code != exitFindings {
		t.Fatalf("-piiuntagged -fix: exit %d\n%s", r.code, r.stderr)
	}
	src, err := os.ReadFile(filepath.Join(dir, "crm.go"))
	if err != nil {
		t.Fatal(err)
	}
	formatted, err := format.Source(src)
	if err != nil {
		t.Fatalf("fixed file does not parse: %v\n%s", err, src)
	}
	if string(formatted) != string(src) {
		t.Errorf("fixed file is not gofmt-clean:\n%s", src)
	}
	for _, tag := range []string{
		"`json:\"email\" pii:\"email\"`",
		"Name          string `pii:\"name\"`",
		"Correo   string `pii:\"email\"`",
		"Teléfono string `pii:\"phone\"`",
		"EmailVerified bool\n",
		"Plan          string `json:\"plan\"`",
	} {
		if !strings.Contains(string(src), tag) {
			t.Errorf("fixed file lacks %q:\n%s", tag, src)
		}
	}

	r = piilint(t, dir, "./...")
	want = `crm.go:19:34: Customer.Email (email) reaches log output via log.Printf (piilog)
crm.go:20:27: Cliente.Teléfono (phone) reaches log output via log.Printf (piilog)
`
	if r.code != exitFindings || r.stdout != want {
		t.Errorf("after the fix: exit %d, output\n%s\nwant exit 3 and\n%s\n%s", r.code, r.stdout, want, r.stderr)
	}
	if r := piilint(t, dir, "-piiuntagged", "./..."); r.code != 3 || strings.Contains(r.stdout, "piiuntagged") {
		t.Errorf("-piiuntagged after the fix: exit %d, still reports untagged fields:\n%s", r.code, r.stdout)
	}
}

// TestUntaggedConfig: the configuration's untagged section turns
// piiuntagged on, adds words and ignores fields.
func TestUntaggedConfig(t *testing.T) {
	e2e(t)
	dir := writeModule(t, "kunden", map[string]string{
		"kunden.go":    "package kunden\n\ntype Kunde struct {\n\tKundennummer string\n\tEmail        string\n\tPhone        string\n}\n",
		".piilint.yml": "untagged:\n  enable: true\n  words:\n    national_id: [Kundennummer]\n  ignore: [Kunde.Phone]\n",
	})
	r := piilint(t, dir, "./...")
	want := `kunden.go:4:2: Kunde.Kundennummer looks like national_id but is not marked; add pii:"national_id" (piiuntagged)
kunden.go:5:2: Kunde.Email looks like email but is not marked; add pii:"email" (piiuntagged)
`
	if r.code != exitFindings || r.stdout != want {
		t.Errorf("exit %d, output\n%s\nwant exit 3 and\n%s\n%s", r.code, r.stdout, want, r.stderr)
	}
}
