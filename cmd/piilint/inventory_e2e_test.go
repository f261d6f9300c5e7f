package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/inventory"
)

var updateInventory = flag.Bool("update-inventory", false, "rewrite testdata/inventory/golden.{md,json}")

// inventoryFixture covers the three sink classes, reported, allowed,
// silenced and sanitized flows, a configured field, an alias tag key, a
// directive on a field and on a type, and secret kinds.
const inventoryFixture = "testdata/inventory"

// inventoryModule copies the fixture out of the repository, so that
// positions are relative to the module (the nearest .git upwards is the
// root of an inventory's positions).
func inventoryModule(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "inventory")
	if err := os.CopyFS(dir, os.DirFS(inventoryFixture)); err != nil {
		t.Fatal(err)
	}
	for _, golden := range []string{"golden.md", "golden.json"} {
		os.Remove(filepath.Join(dir, golden))
	}
	return dir
}

// TestInventoryGolden: the Markdown and JSON inventories of the fixture,
// against their golden files (go test -run TestInventoryGolden
// -update-inventory rewrites them).
func TestInventoryGolden(t *testing.T) {
	e2e(t)
	dir := inventoryModule(t)
	for _, format := range []string{"md", "json"} {
		r := piilint(t, dir, "inventory", "-format", format)
		if r.code != exitClean {
			t.Fatalf("piilint inventory -format %s: exit %d\n%s", format, r.code, r.stderr)
		}
		golden := filepath.Join(inventoryFixture, "golden."+format)
		if *updateInventory {
			if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if r.stdout != string(want) {
			t.Errorf("piilint inventory -format %s differs from %s:\n%s", format, golden, r.stdout)
		}
	}
}

// TestInventoryContent: what the JSON inventory of the fixture says, read
// as a consumer would: every element with its category, every status
// with its reason.
func TestInventoryContent(t *testing.T) {
	e2e(t)
	dir := inventoryModule(t)
	out := filepath.Join(t.TempDir(), "inventory.json")
	if r := piilint(t, dir, "inventory", "-format=json", "-o", out); r.code != exitClean || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q\n%s", r.code, r.stdout, r.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var inv inventory.Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		t.Fatal(err)
	}
	if inv.Version != inventory.Version {
		t.Errorf("version %d", inv.Version)
	}
	elems := make(map[string]inventory.Element)
	for _, e := range inv.Elements {
		elems[e.Name] = e
	}
	for name, want := range map[string]string{
		"Customer.Email":    "email user.contact.email personal pii:\"email\"",
		"Customer.Name":     "name user.name personal gdpr:\"name\"",
		"Customer.Password": "password user.authorization.password secret pii:\"password\"",
		"Customer.Phone":    "phone user.contact.phone_number personal directive //pii:phone",
		"Ticket.Body":       "health user.health_and_medical personal",
		"APIKey":            "secret user.authorization.credentials secret directive //pii:secret",
	} {
		e, ok := elems[name]
		if !ok {
			t.Errorf("no element %s", name)
			continue
		}
		if got := strings.Join([]string{e.Kind, e.Category, e.Class, e.Marked}, " "); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %s, want %s…", name, got, want)
		}
		if !strings.HasPrefix(e.Position, "crm/crm.go:") {
			t.Errorf("%s: position %q", name, e.Position)
		}
	}
	if !elems["Ticket.Body"].Special || elems["Customer.Email"].Special {
		t.Error("Art. 9 flag: want it on health only")
	}
	type flowKey struct{ name, class, status string }
	flows := make(map[flowKey]inventory.Flow)
	for _, f := range inv.Flows {
		flows[flowKey{f.Name, f.Class, f.Status}] = f
	}
	for _, want := range []struct {
		flowKey
		reason, in string
	}{
		{flowKey{"Customer.Email", "log", "reported"}, "", "crm/crm.go"},
		{flowKey{"Customer.Email", "log", "allowed"}, "the audit log is kept under the DPO's retention policy", "audit/audit.go"},
		{flowKey{"Customer.Phone", "log", "silenced"}, "the phone is needed to debug SMS delivery", "crm/crm.go"},
		{flowKey{"Customer.Name", "sanitizer", "sanitized"}, "taken by crm.Mask", "crm/crm.go"},
		{flowKey{"Customer.Name", "export", "reported"}, "", "crm/crm.go"},
		{flowKey{"Customer.Password", "export", "reported"}, "", "crm/crm.go"},
		{flowKey{"Ticket.Body", "transport", "reported"}, "", "crm/crm.go"},
		{flowKey{"APIKey", "log", "reported"}, "", "crm/crm.go"},
	} {
		f, ok := flows[want.flowKey]
		if !ok {
			t.Errorf("no flow %v", want.flowKey)
			continue
		}
		if f.Reason != want.reason || !strings.HasPrefix(f.Position, want.in+":") || f.Function == "" {
			t.Errorf("flow %v: reason %q, position %s, function %q; want reason %q in %s", want.flowKey, f.Reason, f.Position, f.Function, want.reason, want.in)
		}
	}
	if _, ok := flows[flowKey{"Customer.Name", "log", "reported"}]; ok {
		t.Error("the sanitized name is also reported as logged")
	}
	if got := inv.Summary.Hosts; len(got) != 1 || got[0] != "partner.example.com" {
		t.Errorf("hosts %v, want partner.example.com", got)
	}
	if inv.Summary.Flows != len(inv.Flows) || inv.Summary.Elements != len(inv.Elements) {
		t.Errorf("summary counts %d/%d, want %d/%d", inv.Summary.Elements, inv.Summary.Flows, len(inv.Elements), len(inv.Flows))
	}
}

// TestInventoryUsage: a bad format is a bad command line.
func TestInventoryUsage(t *testing.T) {
	e2e(t)
	r := piilint(t, absFixture(t), "inventory", "-format", "pdf")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unknown -format "pdf"`) {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
}
