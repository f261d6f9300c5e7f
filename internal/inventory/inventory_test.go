package inventory

import (
	"slices"
	"strings"
	"testing"
)

func TestRecordRoundTrip(t *testing.T) {
	for _, r := range []Record{
		{Element: &Element{Key: "p.T.F", Name: "T.F", Kind: "email"}},
		{Flow: &Flow{Element: "p.T.F", Name: "T.F", Kind: "email", Class: "log", Via: []string{"p.logf"}, Status: Reported}},
		{Measure: &Measure{Kind: "tls", Setting: "InsecureSkipVerify: true", Function: "F"}},
	} {
		got, err := Decode(r.Encode())
		if err != nil {
			t.Fatal(err)
		}
		if got.Encode() != r.Encode() {
			t.Errorf("round trip: %s, want %s", got.Encode(), r.Encode())
		}
	}
	for _, bad := range []string{"", "{}", `{"element":{},"flow":{}}`, `{"flow":{},"measure":{}}`, "not json"} {
		if _, err := Decode(bad); err == nil {
			t.Errorf("Decode(%q): no error", bad)
		}
	}
}

// TestBuild: records from several packages (and test variants) make each
// element and flow once, in a stable order, with flows counted per
// element; a flow of an element declared elsewhere adds that element.
func TestBuild(t *testing.T) {
	email := &Element{Key: "p.C.Email", Package: "p", Name: "C.Email", Kind: "email", Class: "personal", Category: "user.contact.email", Position: "p/c.go:3:2"}
	name := &Element{Key: "p.C.Name", Package: "p", Name: "C.Name", Kind: "name", Class: "personal", Category: "user.name", Position: "p/c.go:4:2"}
	flow := func(key, nm, kind, class, pos, status string) *Flow {
		return &Flow{Element: key, Name: nm, Kind: kind, Class: class, Destination: "log output", Sink: "log.Printf", Position: pos, Status: status}
	}
	records := []Record{
		{Flow: flow("p.C.Email", "C.Email", "email", "log", "p/c.go:10:5", Reported)},
		{Element: name}, {Element: email}, {Element: email},
		{Flow: flow("p.C.Email", "C.Email", "email", "log", "p/c.go:9:5", Reported)},
		{Flow: flow("p.C.Email", "C.Email", "email", "log", "p/c.go:10:5", Reported)},
		{Flow: flow("q.D.Health", "D.Health", "health", "log", "p/c.go:12:5", Silenced)},
		{Measure: &Measure{Kind: "tls", Setting: "defaults", Position: "p/c.go:20:9"}},
		{Measure: &Measure{Kind: "tls", Setting: "InsecureSkipVerify: true", Position: "p/c.go:3:9"}},
		{Measure: &Measure{Kind: "tls", Setting: "defaults", Position: "p/c.go:20:9"}},
	}
	inv := Build(records)
	var names []string
	for _, e := range inv.Elements {
		names = append(names, e.Name)
	}
	if want := []string{"C.Email", "C.Name", "D.Health"}; !slices.Equal(names, want) {
		t.Fatalf("elements %v, want %v", names, want)
	}
	if inv.Elements[0].Flows != 2 || inv.Elements[1].Flows != 0 || inv.Elements[2].Flows != 1 {
		t.Errorf("flow counts %d %d %d, want 2 0 1", inv.Elements[0].Flows, inv.Elements[1].Flows, inv.Elements[2].Flows)
	}
	if d := inv.Elements[2]; d.Package != "q" || d.Category != "user.health_and_medical" || !d.Special {
		t.Errorf("element from a flow: %+v", d)
	}
	var pos []string
	for _, f := range inv.Flows {
		pos = append(pos, f.Position)
	}
	if want := []string{"p/c.go:9:5", "p/c.go:10:5", "p/c.go:12:5"}; !slices.Equal(pos, want) {
		t.Errorf("flows at %v, want %v (line order, each once)", pos, want)
	}
	if len(inv.Measures) != 2 || inv.Measures[0].Position != "p/c.go:3:9" || inv.Measures[1].Position != "p/c.go:20:9" {
		t.Errorf("measures %+v, want two, in position order", inv.Measures)
	}
	if s := inv.Summary; s.ByStatus[Reported] != 2 || s.ByStatus[Silenced] != 1 || s.ByStatus[Allowed] != 0 || len(s.SpecialKinds) != 1 {
		t.Errorf("summary %+v", s)
	}
	// The order of the records does not matter.
	slices.Reverse(records)
	var a, b strings.Builder
	if err := inv.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := Build(records).WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Error("the inventory depends on the order of its records")
	}
}

func TestHost(t *testing.T) {
	for dest, want := range map[string]string{
		"http://partner.example.com/tickets": "partner.example.com",
		"ws://chat.example.com:8080":         "chat.example.com:8080",
		"ftp://user:pw@files.example.com/in": "files.example.com",
		"log output":                         "",
	} {
		if got := Host(dest); got != want {
			t.Errorf("Host(%q) = %q, want %q", dest, got, want)
		}
	}
}

func TestCategoryOf(t *testing.T) {
	for kind, want := range map[string]string{"email": "user.contact.email", "cvv": "user.financial.credit_card", "loyalty_id": "user"} {
		if got := CategoryOf(kind); got != want {
			t.Errorf("CategoryOf(%s) = %s, want %s", kind, got, want)
		}
	}
}

// TestMarkdownEscapes: table cells and diagram labels survive the
// characters Markdown and Mermaid give a meaning.
func TestMarkdownEscapes(t *testing.T) {
	inv := Build([]Record{{Flow: &Flow{Element: "p.T.F", Name: "T.F", Kind: "email", Class: "log",
		Destination: `a "quoted" <dest> | piped`, Sink: "f", Position: "a.go:1:1", Status: Reported}}})
	var b strings.Builder
	if err := inv.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`a "quoted" <dest> \| piped`, `["a #quot;quoted#quot; #lt;dest#gt; | piped"]`, "-->|reported|"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %s:\n%s", want, out)
		}
	}
}
