package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/piilint/piilint/internal/inventory"
)

var updateInventory = flag.Bool("update-inventory", false, "rewrite testdata/inventory/golden.{md,json}")

// inventoryFixture covers the three sink classes, reported, allowed,
// silenced and sanitized flows, a configured field, an alias tag key, a
// directive on a field and on a type, secret kinds, a kind of the
// configuration with the category the configuration gives it, and a TLS
// configuration.
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
		"Customer.Loyalty":  "loyalty_id user.account personal pii:\"loyalty_id\"", // the configuration's category
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
	if len(inv.Measures) != 1 || inv.Measures[0].Kind != "tls" || inv.Measures[0].Setting != "MinVersion: tls.VersionTLS12" ||
		inv.Measures[0].Function != "Partner" || !strings.HasPrefix(inv.Measures[0].Position, "crm/crm.go:") {
		t.Errorf("measures %+v, want the TLS configuration of Partner", inv.Measures)
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

// chromium finds a Chromium or Chrome executable, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestInventoryHTMLInChromium: the HTML inventory of the fixture, loaded
// in headless Chromium: its script runs to the end with no error on the
// console, the counts it shows are those of the JSON inventory, and a
// screenshot is saved under the test's temporary directory (and in
// PIILINT_SCREENSHOT, when set, for the README).
func TestInventoryHTMLInChromium(t *testing.T) {
	e2e(t)
	browser := chromium()
	if browser == "" {
		t.Skip("Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it)")
	}
	dir := inventoryModule(t)
	tmp := t.TempDir()
	page, jsonFile := filepath.Join(tmp, "inventory.html"), filepath.Join(tmp, "inventory.json")
	for format, file := range map[string]string{"html": page, "json": jsonFile} {
		if r := piilint(t, dir, "inventory", "-format", format, "-o", file); r.code != exitClean {
			t.Fatalf("piilint inventory -format %s: exit %d\n%s", format, r.code, r.stderr)
		}
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}
	var inv inventory.Inventory
	if err := json.Unmarshal(data, &inv); err != nil {
		t.Fatal(err)
	}
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
		"--user-data-dir=" + filepath.Join(tmp, "profile"), "--enable-logging=stderr", "--v=0"}
	r := run(t, tmp, false, browser, append(flags, "--dump-dom", "file://"+page)...)
	if r.code != 0 {
		t.Fatalf("chromium --dump-dom: exit %d\n%s", r.code, r.stderr)
	}
	for l := range strings.Lines(r.stderr) {
		if strings.Contains(l, "CONSOLE") || strings.Contains(l, "Uncaught") {
			t.Errorf("console: %s", strings.TrimSpace(l))
		}
	}
	if !strings.Contains(r.stdout, `data-ready="true"`) {
		t.Errorf("the page's script did not run to the end; DOM:\n%.2000s", r.stdout)
	}
	counts := map[string]int{"count-elements": inv.Summary.Elements, "count-flows": inv.Summary.Flows}
	for status, n := range inv.Summary.ByStatus {
		counts["count-"+status] = n
	}
	for id, want := range counts {
		if !strings.Contains(r.stdout, fmt.Sprintf(`id="%s">%d<`, id, want)) {
			t.Errorf("the page does not show %s = %d", id, want)
		}
	}
	shot := filepath.Join(tmp, "inventory.png")
	r = run(t, tmp, false, browser, append(flags, "--hide-scrollbars", "--window-size=1280,1500", "--screenshot="+shot, "file://"+page)...)
	png, err := os.ReadFile(shot)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("no screenshot (%v): exit %d\n%s", err, r.code, r.stderr)
	}
	if dst := os.Getenv("PIILINT_SCREENSHOT"); dst != "" {
		if err := os.WriteFile(dst, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("screenshot: %s", shot)
}

// TestInventoryExample: on the README's example, the inventory's reported
// flows are the findings of a normal run, field by field: the same
// analysis.
func TestInventoryExample(t *testing.T) {
	e2e(t)
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, root, false, piilintBin, "-json", "./examples/crm")
	if r.code != exitFindings {
		t.Fatalf("piilint -json: exit %d\n%s", r.code, r.stderr)
	}
	var tree map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &tree); err != nil {
		t.Fatal(err)
	}
	findings := make(map[string]string) // position relative to the root → message
	for _, byAnalyzer := range tree {
		for _, diags := range byAnalyzer {
			for _, d := range diags {
				rel, err := filepath.Rel(root, d.Posn[:strings.Index(d.Posn, ".go:")+3])
				if err != nil {
					t.Fatal(err)
				}
				findings[filepath.ToSlash(rel)+d.Posn[strings.Index(d.Posn, ".go:")+3:]] = d.Message
			}
		}
	}
	r = run(t, root, false, piilintBin, "inventory", "-format", "json", "./examples/crm")
	if r.code != exitClean {
		t.Fatalf("piilint inventory: exit %d\n%s", r.code, r.stderr)
	}
	var inv inventory.Inventory
	if err := json.Unmarshal([]byte(r.stdout), &inv); err != nil {
		t.Fatal(err)
	}
	reported := make(map[string]bool)
	for _, f := range inv.Flows {
		if f.Status != inventory.Reported {
			continue
		}
		reported[f.Position] = true
		if msg, ok := findings[f.Position]; !ok || !strings.Contains(msg, f.Name+" ("+f.Kind) && !strings.Contains(msg, "more fields") {
			t.Errorf("reported flow %s of %s: finding there: %q", f.Position, f.Name, msg)
		}
	}
	for pos, msg := range findings {
		if !reported[pos] {
			t.Errorf("finding %s (%s) is not a reported flow of the inventory", pos, msg)
		}
	}
	if len(findings) == 0 || len(inv.Elements) == 0 {
		t.Fatalf("%d findings, %d elements", len(findings), len(inv.Elements))
	}
}

// TestInventoryFides: the fixture's Fides dataset has its struct types as
// collections and their personal-data fields with their categories.
func TestInventoryFides(t *testing.T) {
	e2e(t)
	r := piilint(t, inventoryModule(t), "inventory", "-format", "fides")
	if r.code != exitClean {
		t.Fatalf("exit %d\n%s", r.code, r.stderr)
	}
	var ds inventory.FidesFile
	if err := yaml.Unmarshal([]byte(r.stdout), &ds); err != nil || len(ds.Dataset) != 1 {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	got := make(map[string]string)
	for _, c := range ds.Dataset[0].Collections {
		for _, cat := range c.DataCategories {
			got[c.Name] = cat
		}
		for _, f := range c.Fields {
			got[c.Name+"."+f.Name] = strings.Join(f.DataCategories, ",")
		}
	}
	for name, want := range map[string]string{
		"example.com/inventory/crm.Customer.Email":   "user.contact.email",
		"example.com/inventory/crm.Customer.Loyalty": "user.account",
		"example.com/inventory/crm.Ticket.Body":      "user.health_and_medical",
		"example.com/inventory/crm.APIKey":           "user.authorization.credentials",
	} {
		if got[name] != want {
			t.Errorf("%s: %q, want %q", name, got[name], want)
		}
	}
	if len(got) != 7 {
		t.Errorf("%d entries, want the fixture's 7 elements: %v", len(got), got)
	}
}
