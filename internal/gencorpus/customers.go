package main

import (
	"fmt"
	"strings"
)

// Snippets over the shared core.Customer model: nested records, DTOs,
// profiles, segments, reviews, merges, diffs, retries, pages and fixtures.

var nestedText = mustTemplate("nested", `
// ShipTo{{.N}} returns the shipping label for c.
func ShipTo{{.N}}(c *core.Customer) string {
	label := c.Name + "\n" + c.Address.Street + "\n" + c.Address.City
	if c.Manager != nil {
		label += "\nc/o " + c.Manager.Name
	}
	return label
}

// Escalate{{.N}} hands c over to its manager.
func Escalate{{.N}}(c *core.Customer) {
	if m := c.Manager; m != nil {
		log.Printf("{{.P}}: escalating customer %d to %s", c.ID, {{.Who}})
	}
}

// CardHint{{.N}} returns the masked card number of c, if any.
func CardHint{{.N}}(c *core.Customer) string {
	if c.Card == nil {
		return ""
	}
	return core.MaskCard(c.Card.Number)
}`)

// nestedSnippet reads personal data through nested structs and pointers.
func nestedSnippet(g *pkgGen, _ *modelType) string {
	g.customer()
	g.use(pathLog)
	d := g.base(nil)
	d["Who"] = g.pick("m.Email", "m.Name", "core.MaskEmail(m.Email)")
	return render(nestedText, d)
}

var dtoText = mustTemplate("dto", `
// ContactCard{{.N}} is the contact card shown to agents.
type ContactCard{{.N}} struct {
	ID    int64  {{.IDTag}}
	Name  string {{.NameTag}}
	Phone string {{.PhoneTag}}
}

// String renders the card.
func (k ContactCard{{.N}}) String() string { return k.Name + " (" + k.Phone + ")" }

// ToContactCard{{.N}} builds the card for c.
func ToContactCard{{.N}}(c *core.Customer) ContactCard{{.N}} {
	return ContactCard{{.N}}{ID: c.ID, Name: c.Name, Phone: c.Phone}
}

// ShowCard{{.N}} logs the card.
func ShowCard{{.N}}(c *core.Customer) {
	log.Printf("{{.P}}: %v", ToContactCard{{.N}}(c))
}`)

// dtoSnippet declares a local struct with pii tags and a String method.
func dtoSnippet(g *pkgGen, _ *modelType) string {
	g.customer()
	g.use(pathLog)
	d := g.base(nil)
	d["IDTag"] = tag("json", "id")
	d["NameTag"] = tag("json", "name", "pii", "name")
	d["PhoneTag"] = tag("json", "phone", "pii", "phone")
	return render(dtoText, d)
}

var profileText = mustTemplate("profile", `
// Profile{{.N}} wraps a customer for templates.
type Profile{{.N}} struct {
	C    *core.Customer
	Note string
}

// Contact returns the customer's preferred address.
func (p *Profile{{.N}}) Contact() string { return {{.Expr}} }

// Label returns the note.
func (p *Profile{{.N}}) Label() string { return p.Note }

// PrintProfile{{.N}} logs the profile.
func PrintProfile{{.N}}(p *Profile{{.N}}) {
	Logf("{{.P}}: profile %s: %s", p.Label(), p.Contact())
}`)

// profileSnippet declares a getter method returning personal data.
func profileSnippet(g *pkgGen, _ *modelType) string {
	g.customer()
	d := g.base(nil)
	d["Expr"] = g.pick("p.C.Email", "p.C.Phone", "p.C.Contact()", "p.C.DisplayName()")
	return render(profileText, d)
}

var segmentText = mustTemplate("segment", `
// Mailing{{.N}} returns the mailing list of the active members of s.
func Mailing{{.N}}(s *core.Segment) []string {
	var out []string
	for _, c := range s.Members {
		if c.Active() {
			out = append(out, {{.Expr}})
		}
	}
	Logf("{{.P}}: segment %s has %d recipients", s.Name, len(out))
	return out
}`)

// segmentSnippet uses a slice of customers inside a model struct.
func segmentSnippet(g *pkgGen, _ *modelType) string {
	g.customer()
	d := g.base(nil)
	d["Expr"] = g.pick("c.Email", "Normalize(c.Email)", "c.Name+\" <\"+c.Email+\">\"")
	return render(segmentText, d)
}

var reviewText = mustTemplate("review", `
// Review{{.Ty}}{{.N}} decides what to do with a {{.Tl}} based on its status.
func Review{{.Ty}}{{.N}}({{.V}} *{{.T}}) (string, error) {
	switch {{.V}}.Status {
	case "active":
		{{.Active}}
		return "keep", nil
	case "suspended", "blocked":
		{{.Suspended}}
		return "contact", nil
	case "closed", "deleted":
		return "archive", nil
	default:
		return "", fmt.Errorf("{{.P}}: {{.Tl}} %d: unknown status %q", {{.V}}.ID, {{.V}}.Status)
	}
}`)

// reviewSnippet branches on a status and logs different data per branch.
func reviewSnippet(g *pkgGen, t *modelType) string {
	d := g.base(t)
	g.use(pathFmt)
	d["Active"] = g.logStmt(strings.ToLower(t.name)+" kept", idArg(t))
	d["Suspended"] = g.logStmt(strings.ToLower(t.name)+" needs contact", idArg(t), fieldArg(t, g.pii(t)))
	return render(reviewText, d)
}

var mergeText = mustTemplate("merge", `
// Merge{{.N}} fills the empty fields of dst from src and returns the
// names of the fields it changed.
func Merge{{.N}}(dst, src *core.Customer) []string {
	var changed []string
	if dst.Email == "" && src.Email != "" {
		dst.Email = src.Email
		changed = append(changed, "email")
	}
	if dst.Phone == "" && src.Phone != "" {
		dst.Phone = src.Phone
		changed = append(changed, "phone")
	}
	if dst.Name == "" && src.Name != "" {
		dst.Name = src.Name
		changed = append(changed, "name")
	}
	if dst.Address.Street == "" && src.Address.Street != "" {
		dst.Address = src.Address
		changed = append(changed, "address")
	}
	if dst.Card == nil && src.Card != nil {
		card := *src.Card
		dst.Card = &card
		changed = append(changed, "card")
	}
	if len(changed) > 0 {
		{{.Stmt}}
	}
	return changed
}`)

// mergeSnippet copies personal data between records through pointers.
func mergeSnippet(g *pkgGen, _ *modelType) string {
	t := g.customer()
	d := g.base(nil)
	if g.chance(50) {
		d["Stmt"] = g.logStmt("merged customer", arg{"src", "src.ID", "%d"}, arg{"dst", "dst.ID", "%d"}, arg{"fields", "changed", "%v"})
	} else {
		d["Stmt"] = g.logStmt("merged customer", arg{"dst", "dst.ID", "%d"}, arg{"email", "dst." + g.pii(t).path, "%s"})
	}
	return render(mergeText, d)
}

var diffText = mustTemplate("diff", `
// Diff{{.Ty}}{{.N}} describes how two versions of a {{.Tl}} differ.
func Diff{{.Ty}}{{.N}}(old, cur *{{.T}}) []string {
	var diffs []string
	if old.Status != cur.Status {
		diffs = append(diffs, fmt.Sprintf("status %s -> %s", old.Status, cur.Status))
	}
	if old.{{.AP}} != cur.{{.AP}} {
		diffs = append(diffs, fmt.Sprintf("{{.AK}} %s -> %s", old.{{.AP}}, cur.{{.AP}}))
	}
	if old.{{.BP}} != cur.{{.BP}} {
		diffs = append(diffs, "{{.BK}} changed")
	}
	return diffs
}

// LogDiff{{.Ty}}{{.N}} logs the changes to a {{.Tl}}.
func LogDiff{{.Ty}}{{.N}}(old, cur *{{.T}}) {
	for _, d := range Diff{{.Ty}}{{.N}}(old, cur) {
		log.Printf("{{.P}}: {{.Tl}} %d: %s", cur.ID, d)
	}
}`)

// diffSnippet formats old and new personal values into change logs.
func diffSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t)
	d["AP"], d["AK"] = a.path, a.label()
	d["BP"], d["BK"] = b.path, b.label()
	g.use(pathFmt, pathLog)
	return render(diffText, d)
}

var retryText = mustTemplate("retry", `
// Deliver{{.Ty}}{{.N}} sends a message to the owner of a {{.Tl}}, retrying
// with backoff.
func Deliver{{.Ty}}{{.N}}({{.V}} *{{.T}}, send func(to string) error, attempts int) error {
	var err error
	delay := 10 * time.Millisecond
	for i := range attempts {
		if i > 0 {
			time.Sleep(delay)
			delay *= 2
		}
		if err = send({{.F}}); err == nil {
			return nil
		}
		{{.Stmt}}
	}
	return fmt.Errorf("{{.P}}: giving up on {{.Tl}} %d after %d attempts: %w", {{.V}}.ID, attempts, err)
}`)

// retrySnippet passes personal data to a callback in a retry loop.
func retrySnippet(g *pkgGen, t *modelType) string {
	f := g.pii(t)
	d := g.base(t).with("F", t, f)
	g.use(pathTime, pathFmt)
	to := arg{"to", d["F"].(string), "%s"}
	if g.chance(50) {
		to = arg{"to", "Redact(" + d["F"].(string) + ")", "%s"}
	}
	d["Stmt"] = g.logStmt("delivery failed", arg{"attempt", "i + 1", "%d"}, to, arg{"err", "err", "%v"})
	return render(retryText, d)
}

var paginateText = mustTemplate("paginate", `
// Page{{.Ty}}{{.N}} returns page number page (from zero) of the {{.Tl}}
// records, size records per page, ordered by ID.
func Page{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, page, size int) []*{{.T}} {
	sorted := slices.Clone({{.Vs}})
	slices.SortFunc(sorted, func(a, b *{{.T}}) int { return cmp.Compare(a.ID, b.ID) })
	start := min(page*size, len(sorted))
	end := min(start+size, len(sorted))
	return sorted[start:end]
}

// PageLabels{{.Ty}}{{.N}} returns display labels for one page.
func PageLabels{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, page int) []string {
	var labels []string
	for _, {{.V}} := range Page{{.Ty}}{{.N}}({{.Vs}}, page, 20) {
		labels = append(labels, {{.F}})
	}
	return labels
}`)

// paginateSnippet sorts and slices records with the slices package.
func paginateSnippet(g *pkgGen, t *modelType) string {
	g.use("slices", "cmp")
	return render(paginateText, g.base(t).with("F", t, g.pii(t)))
}

var fixturesText = mustTemplate("fixtures", `
// SampleCustomers{{.N}} returns the customers {{.P}} uses in demos.
func SampleCustomers{{.N}}() []*core.Customer {
	now := time.Now()
	return []*core.Customer{
{{- range .Rows}}
		{
			ID:        {{.ID}},
			CreatedAt: now.Add(-{{.Age}} * time.Hour),
			Status:    "{{.Status}}",
			Name:      "{{.Name}}",
			Email:     "{{.Email}}",
			Phone:     "{{.Phone}}",
			Address:   core.Address{City: "{{.City}}", Country: "{{.Country}}"},
		},
{{- end}}
	}
}

// SeedStore{{.N}} logs what would be loaded from SampleCustomers{{.N}}.
func SeedStore{{.N}}() int {
	cs := SampleCustomers{{.N}}()
	for _, c := range cs {
		{{.Stmt}}
	}
	return len(cs)
}`)

// fixture is one row of demo data.
type fixture struct {
	ID                   int
	Age                  int
	Status, Name, Email  string
	Phone, City, Country string
}

var (
	firstNames = []string{"Ada", "Grace", "Alan", "Edsger", "Barbara", "Ken", "Frances", "Niklaus"}
	lastNames  = []string{"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Thompson", "Allen", "Wirth"}
	cities     = []string{"Berlin", "Lyon", "Porto", "Leeds", "Utrecht", "Gdansk", "Turin", "Aarhus"}
	countries  = []string{"DE", "FR", "PT", "GB", "NL", "PL", "IT", "DK"}
	statuses   = []string{"active", "active", "active", "suspended", "closed"}
)

// fixturesSnippet declares literal demo customers and logs them.
func fixturesSnippet(g *pkgGen, _ *modelType) string {
	t := g.customer()
	g.use(pathTime)
	d := g.base(nil)
	var rows []fixture
	for i := range 3 + g.rng.IntN(4) {
		first, last := g.pick(firstNames...), g.pick(lastNames...)
		city := g.rng.IntN(len(cities))
		rows = append(rows, fixture{
			ID:      1000*d["N"].(int) + i,
			Age:     1 + g.rng.IntN(5000),
			Status:  g.pick(statuses...),
			Name:    first + " " + last,
			Email:   strings.ToLower(first+"."+last) + "@example.com",
			Phone:   fmt.Sprintf("+44 20 7946 %04d", g.rng.IntN(10000)),
			City:    cities[city],
			Country: countries[city],
		})
	}
	d["Rows"] = rows
	d["Stmt"] = g.logStmt("seeding customer", idArg(t), fieldArg(t, g.pickField(t.pii[:3])))
	return render(fixturesText, d)
}
