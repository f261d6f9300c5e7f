package inventory

import (
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/piilint/piilint/internal/pii"
)

// sample is an inventory with every status, a type marked whole, a URL
// and characters HTML escapes.
func sample() *Inventory {
	el := func(key, name, kind string) Record {
		return Record{Element: &Element{Key: key, Package: "example.com/crm", Name: name, Kind: kind, Class: "personal",
			Category: CategoryOf(kind), Special: pii.Special(kind), Marked: `pii:"` + kind + `"`, Position: "crm/crm.go:3:2"}}
	}
	fl := func(key, name, kind, class, dest, status string) Record {
		return Record{Flow: &Flow{Element: key, Name: name, Kind: kind, Class: class, Destination: dest, Sink: "log.Printf",
			Function: "F", Position: "crm/crm.go:10:5", Status: status, Reason: "<b>because</b>"}}
	}
	return Build([]Record{
		el("example.com/crm.C.Email", "C.Email", "email"),
		el("example.com/crm.C.Health", "C.Health", "health"),
		el("example.com/crm.Key", "Key", "secret"),
		fl("example.com/crm.C.Email", "C.Email", "email", "log", "log output", Reported),
		fl("example.com/crm.C.Email", "C.Email", "email", "export", "a CSV file", Allowed),
		fl("example.com/crm.C.Health", "C.Health", "health", "log", "log output", Silenced),
		fl("example.com/crm.Key", "Key", "secret", "sanitizer", "sanitizer crm.Mask", Sanitized),
		{Measure: &Measure{Kind: "tls", Setting: "InsecureSkipVerify: true", Function: "F", Position: "crm/crm.go:20:9"}},
	})
}

// TestHTML: the page is whole, has no external resource, shows the counts
// of the summary, escapes text, draws an edge per element and
// destination, and links positions when asked.
func TestHTML(t *testing.T) {
	inv := sample()
	var b strings.Builder
	if err := inv.WriteHTML(&b, HTMLOptions{LinkBase: "https://example.com/repo/blob/main/"}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	ids := make(map[string]string)
	for _, m := range regexp.MustCompile(`id="(count-[a-z]+)">([^<]*)<`).FindAllStringSubmatch(out, -1) {
		ids[m[1]] = m[2]
	}
	paths := strings.Count(out, "<path ")
	var links int
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		links++
		if m[1] != "https://example.com/repo/blob/main/crm/crm.go#L3" && m[1] != "https://example.com/repo/blob/main/crm/crm.go#L10" && m[1] != "https://example.com/repo/blob/main/crm/crm.go#L20" {
			t.Errorf("link %s", m[1])
		}
	}
	if regexp.MustCompile(`<(script|img|link)[^>]* (src|href)=`).MatchString(out) {
		t.Error("the page loads an external resource")
	}
	if !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.HasSuffix(out, "</html>\n") {
		t.Error("not a whole page")
	}
	for id, want := range map[string]string{"count-elements": "3", "count-flows": "4", "count-reported": "1", "count-allowed": "1", "count-silenced": "1", "count-sanitized": "1"} {
		if ids[id] != want {
			t.Errorf("#%s = %q, want %s", id, ids[id], want)
		}
	}
	if !strings.Contains(out, `<table id="measures"`) || !strings.Contains(out, "<code>InsecureSkipVerify: true</code>") {
		t.Error("no table of the security measures")
	}
	if paths != 4 {
		t.Errorf("%d edges in the diagram, want 4", paths)
	}
	if links != 3+4+1 {
		t.Errorf("%d position links, want 8", links)
	}
	if strings.Contains(out, "<b>because</b>") || !strings.Contains(out, "&lt;b&gt;because&lt;/b&gt;") {
		t.Error("a reason is not escaped")
	}
	var plain strings.Builder
	if err := inv.WriteHTML(&plain, HTMLOptions{}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "<a ") {
		t.Error("links without -link-base")
	}
}

// TestFides: the dataset is YAML with a collection per struct type and a
// field per element, each with its data category.
func TestFides(t *testing.T) {
	var b strings.Builder
	if err := sample().WriteFides(&b); err != nil {
		t.Fatal(err)
	}
	var ds FidesFile
	if err := yaml.Unmarshal([]byte(b.String()), &ds); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(ds.Dataset) != 1 || ds.Dataset[0].FidesKey != "piilint_inventory" {
		t.Fatalf("dataset %+v", ds)
	}
	got := make(map[string]string)
	for _, c := range ds.Dataset[0].Collections {
		if len(c.DataCategories) > 0 {
			got[c.Name] = c.DataCategories[0]
		}
		for _, f := range c.Fields {
			got[c.Name+"."+f.Name] = f.DataCategories[0]
		}
	}
	want := map[string]string{
		"example.com/crm.C.Email":  "user.contact.email",
		"example.com/crm.C.Health": "user.health_and_medical",
		"example.com/crm.Key":      "user.authorization.credentials",
	}
	if len(got) != len(want) {
		t.Errorf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %q, want %q", k, got[k], v)
		}
	}
}
