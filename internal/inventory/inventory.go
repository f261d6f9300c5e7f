// Package inventory is the data map: every personal-data element an
// analysis knows (a marked field or type) and every destination its data
// reaches, whether the finding there is reported, allowed by the
// configuration, silenced by //piilint:ignore, or the data was sanitized
// on the way. piifacts writes the records of a package (Record) when asked
// to; the piilint command gathers them from every package and renders the
// inventory as Markdown, JSON or a Fides dataset.
package inventory

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/piilint/piilint/internal/pii"
)

// Version is the version of the JSON schema (see the README).
const Version = 1

// Category is the record category of piifacts' diagnostics that carry
// inventory records.
const Category = "piilint-inventory"

// An Element is a personal-data field or type.
type Element struct {
	Key      string `json:"key"`             // import/path.Type.Field, the element's identity
	Package  string `json:"package"`         // import path
	Name     string `json:"name"`            // Type.Field, or Type for a type marked whole
	Kind     string `json:"kind"`            // email, card, ...
	Class    string `json:"class"`           // personal or secret
	Category string `json:"category"`        // fideslang v2 data category
	Special  bool   `json:"special"`         // a special category of GDPR Art. 9
	Marked   string `json:"marked"`          // how it was marked: pii:"email", directive //pii:email, ...
	Position string `json:"position"`        // file:line:col, relative to the inventory's root
	Flows    int    `json:"flows,omitempty"` // flows of the element in the inventory
}

// Statuses of a flow.
const (
	Reported  = "reported"  // a finding
	Allowed   = "allowed"   // an allow rule of the configuration accepts it
	Silenced  = "silenced"  // a //piilint:ignore directive silences it
	Sanitized = "sanitized" // a sanitizer took the data before any sink
)

// A Flow is data of an element reaching a destination.
type Flow struct {
	Element     string   `json:"element"`       // Element.Key
	Name        string   `json:"name"`          // Element.Name
	Kind        string   `json:"kind"`          // Element.Kind
	Class       string   `json:"class"`         // log, export, transport; sanitizer for a sanitized flow
	Destination string   `json:"destination"`   // log output, a CSV file, a plaintext channel, ...
	Sink        string   `json:"sink"`          // the function that sends it: log.Printf; the sanitizer
	URL         string   `json:"url,omitempty"` // the URL of a transport, when the call names it as a constant
	Via         []string `json:"via,omitempty"` // helpers between the data and the sink, outermost first
	Function    string   `json:"function"`      // the function where the data enters the sink or sanitizer
	Position    string   `json:"position"`      // file:line:col of the argument
	Status      string   `json:"status"`        // reported, allowed, silenced or sanitized
	Reason      string   `json:"reason,omitempty"`
}

// A Measure is a security setting seen in the code: evidence of how data
// is protected (a TLS configuration and what it sets).
type Measure struct {
	Kind     string `json:"kind"`     // tls
	Setting  string `json:"setting"`  // "MinVersion: tls.VersionTLS12", "InsecureSkipVerify: true", "defaults"
	Function string `json:"function"` // the function that builds it
	Position string `json:"position"` // file:line:col
}

// A Record is what piifacts reports of one element, one flow or one
// measure, as the JSON message of a diagnostic of category Category.
type Record struct {
	Element *Element `json:"element,omitempty"`
	Flow    *Flow    `json:"flow,omitempty"`
	Measure *Measure `json:"measure,omitempty"`
}

// Encode is the diagnostic message of r.
func (r Record) Encode() string {
	data, _ := json.Marshal(r) // plain strings and slices: cannot fail
	return string(data)
}

// Decode reads a record from a diagnostic message.
func Decode(msg string) (Record, error) {
	var r Record
	if err := json.Unmarshal([]byte(msg), &r); err != nil {
		return r, fmt.Errorf("inventory record: %v", err)
	}
	n := 0
	for _, set := range []bool{r.Element != nil, r.Flow != nil, r.Measure != nil} {
		if set {
			n++
		}
	}
	if n != 1 {
		return r, fmt.Errorf("inventory record: want an element, a flow or a measure: %s", msg)
	}
	return r, nil
}

// Inventory is the data map of the analysed packages.
type Inventory struct {
	Version  int       `json:"version"`
	Elements []Element `json:"elements"`
	Flows    []Flow    `json:"flows"`
	Measures []Measure `json:"measures"` // security settings seen, by position
	Summary  Summary   `json:"summary"`
}

// Summary counts the inventory per kind, per destination and per package.
type Summary struct {
	Elements     int            `json:"elements"`
	Flows        int            `json:"flows"`
	ByStatus     map[string]int `json:"by_status"`
	ByKind       []Count        `json:"by_kind"`
	ByDest       []Count        `json:"by_destination"`
	ByPackage    []Count        `json:"by_package"`
	Hosts        []string       `json:"hosts,omitempty"` // hosts data is sent to, from transport destinations
	Sanitizers   []string       `json:"sanitizers,omitempty"`
	SpecialKinds []string       `json:"special_kinds,omitempty"` // GDPR Art. 9 kinds present
}

// A Count is the elements and flows of one kind, destination or package.
type Count struct {
	Name     string `json:"name"`
	Elements int    `json:"elements"`
	Flows    int    `json:"flows"`
}

// Build makes the inventory of records: each element and flow once (the
// same record may come from several packages, a test variant and the
// package), in a stable order.
func Build(records []Record) *Inventory {
	inv := &Inventory{Version: Version, Elements: []Element{}, Flows: []Flow{}, Measures: []Measure{}}
	elems := make(map[string]Element)
	flows := make(map[string]Flow)
	measures := make(map[Measure]bool)
	for _, r := range records {
		switch {
		case r.Measure != nil:
			if !measures[*r.Measure] {
				measures[*r.Measure] = true
				inv.Measures = append(inv.Measures, *r.Measure)
			}
		case r.Element != nil:
			if old, ok := elems[r.Element.Key]; !ok || r.Element.Position < old.Position {
				elems[r.Element.Key] = *r.Element
			}
		case r.Flow != nil:
			f := *r.Flow
			flows[flowKey(f)] = f
		}
	}
	for _, f := range flows {
		if _, ok := elems[f.Element]; !ok {
			// An element declared outside the analysed packages (a
			// dependency's type, a configured field of another module).
			elems[f.Element] = Element{Key: f.Element, Package: pkgOf(f.Element, f.Name), Name: f.Name, Kind: f.Kind,
				Category: CategoryOf(f.Kind), Special: pii.Special(f.Kind), Marked: "outside the analysed packages"}
		}
		inv.Flows = append(inv.Flows, f)
	}
	slices.SortFunc(inv.Flows, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Element, b.Element), comparePosition(a.Position, b.Position),
			cmp.Compare(a.Class, b.Class), cmp.Compare(a.Destination, b.Destination), cmp.Compare(a.Sink, b.Sink), cmp.Compare(a.Status, b.Status))
	})
	slices.SortFunc(inv.Measures, func(a, b Measure) int {
		return cmp.Or(comparePosition(a.Position, b.Position), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Setting, b.Setting))
	})
	for _, e := range elems {
		e.Flows = 0
		inv.Elements = append(inv.Elements, e)
	}
	slices.SortFunc(inv.Elements, func(a, b Element) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Name, b.Name), cmp.Compare(a.Key, b.Key))
	})
	index := make(map[string]int, len(inv.Elements))
	for i, e := range inv.Elements {
		index[e.Key] = i
	}
	for _, f := range inv.Flows {
		inv.Elements[index[f.Element]].Flows++
	}
	inv.Summary = summarize(inv)
	return inv
}

func flowKey(f Flow) string {
	return strings.Join([]string{f.Element, f.Position, f.Class, f.Destination, f.URL, f.Sink, strings.Join(f.Via, ">"), f.Status}, "\x00")
}

// pkgOf is the package part of an element's key, given its name.
func pkgOf(key, name string) string {
	if p, ok := strings.CutSuffix(key, "."+name); ok {
		return p
	}
	return ""
}

// comparePosition orders file:line:col positions by file, then line and
// column as numbers.
func comparePosition(a, b string) int {
	fa, la, ca := splitPosition(a)
	fb, lb, cb := splitPosition(b)
	return cmp.Or(cmp.Compare(fa, fb), cmp.Compare(la, lb), cmp.Compare(ca, cb))
}

func splitPosition(p string) (file string, line, col int) {
	file = p
	if i := strings.LastIndexByte(file, ':'); i >= 0 {
		fmt.Sscan(file[i+1:], &col)
		file = file[:i]
	}
	if i := strings.LastIndexByte(file, ':'); i >= 0 {
		fmt.Sscan(file[i+1:], &line)
		file = file[:i]
	}
	return file, line, col
}

func summarize(inv *Inventory) Summary {
	s := Summary{Elements: len(inv.Elements), Flows: len(inv.Flows), ByStatus: map[string]int{Reported: 0, Allowed: 0, Silenced: 0, Sanitized: 0}}
	kinds := make(map[string]*Count)
	dests := make(map[string]*Count)
	pkgs := make(map[string]*Count)
	count := func(m map[string]*Count, name string) *Count {
		c := m[name]
		if c == nil {
			c = &Count{Name: name}
			m[name] = c
		}
		return c
	}
	special := make(map[string]bool)
	for _, e := range inv.Elements {
		count(kinds, e.Kind).Elements++
		count(pkgs, e.Package).Elements++
		if e.Special {
			special[e.Kind] = true
		}
	}
	hosts := make(map[string]bool)
	sanitizers := make(map[string]bool)
	destElems := make(map[string]map[string]bool)
	for _, f := range inv.Flows {
		s.ByStatus[f.Status]++
		count(kinds, f.Kind).Flows++
		count(pkgs, pkgOf(f.Element, f.Name)).Flows++
		d := count(dests, f.Destination)
		d.Flows++
		if destElems[f.Destination] == nil {
			destElems[f.Destination] = make(map[string]bool)
		}
		destElems[f.Destination][f.Element] = true
		if h := Host(f.URL); h != "" {
			hosts[h] = true
		}
		if f.Status == Sanitized {
			sanitizers[f.Sink] = true
		}
	}
	for name, es := range destElems {
		dests[name].Elements = len(es)
	}
	sorted := func(m map[string]*Count) []Count {
		out := make([]Count, 0, len(m))
		for _, c := range m {
			out = append(out, *c)
		}
		slices.SortFunc(out, func(a, b Count) int { return cmp.Compare(a.Name, b.Name) })
		return out
	}
	s.ByKind, s.ByDest, s.ByPackage = sorted(kinds), sorted(dests), sorted(pkgs)
	s.Hosts = sortedSet(hosts)
	s.Sanitizers = sortedSet(sanitizers)
	s.SpecialKinds = sortedSet(special)
	return s
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Host is the host of a URL (partner.example.com for
// http://partner.example.com/x), or "".
func Host(url string) string {
	_, rest, ok := strings.Cut(url, "://")
	if !ok {
		return ""
	}
	if j := strings.IndexAny(rest, "/?#"); j >= 0 {
		rest = rest[:j]
	}
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		rest = rest[at+1:] // user:password@host
	}
	return rest
}
