package inventory

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the inventory as indented JSON, in its stable order.
func (inv *Inventory) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inv)
}

// WriteMarkdown writes the inventory as a Markdown page that renders on
// GitHub: the counts, a Mermaid diagram of elements and destinations, the
// elements, the flows, and the summaries.
func (inv *Inventory) WriteMarkdown(w io.Writer) error {
	b := new(strings.Builder)
	s := inv.Summary
	fmt.Fprintf(b, "# Personal data inventory\n\n")
	fmt.Fprintf(b, "%d data elements, %d flows: %d reported, %d allowed, %d silenced, %d sanitized.\n\n",
		s.Elements, s.Flows, s.ByStatus[Reported], s.ByStatus[Allowed], s.ByStatus[Silenced], s.ByStatus[Sanitized])
	if len(s.SpecialKinds) > 0 {
		fmt.Fprintf(b, "Special categories (GDPR Art. 9): %s.\n\n", strings.Join(s.SpecialKinds, ", "))
	}
	if len(inv.Flows) > 0 {
		b.WriteString("## Where the data goes\n\n```mermaid\nflowchart LR\n")
		inv.mermaid(b)
		b.WriteString("```\n\n")
	}
	var rows [][]string
	for _, e := range inv.Elements {
		kind := e.Kind
		if e.Special {
			kind += " (Art. 9)"
		}
		rows = append(rows, []string{cell(e.Name), cell(e.Package), cell(kind), "`" + e.Category + "`",
			cell(e.Class), cell(e.Marked), fmt.Sprint(e.Flows), cell(e.Position)})
	}
	table(b, "Data elements", []string{"element", "package", "kind", "category", "class", "marked by", "flows", "position"}, rows)
	rows = nil
	for _, f := range inv.Flows {
		dest := f.Destination
		if f.URL != "" {
			dest += " (" + f.URL + ")"
		}
		rows = append(rows, []string{cell(f.Name + " (" + f.Kind + ")"), cell(dest),
			cell(strings.Join(append(append([]string{}, f.Via...), f.Sink), " → ")), f.Status, cell(f.Reason), cell(f.Function), cell(f.Position)})
	}
	table(b, "Flows", []string{"element", "destination", "through", "status", "reason", "function", "position"}, rows)
	if len(inv.Measures) > 0 {
		b.WriteString("## Security measures seen\n\n| measure | setting | function | position |\n|---|---|---|---|\n")
		for _, m := range inv.Measures {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cell(m.Kind), cell(m.Setting), cell(m.Function), cell(m.Position))
		}
		b.WriteString("\n")
	}
	b.WriteString("## Summary\n\n")
	counts := func(title string, cs []Count) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(b, "| %s | elements | flows |\n|---|---|---|\n", title)
		for _, c := range cs {
			fmt.Fprintf(b, "| %s | %d | %d |\n", cell(c.Name), c.Elements, c.Flows)
		}
		b.WriteString("\n")
	}
	counts("kind", s.ByKind)
	counts("destination", s.ByDest)
	counts("package", s.ByPackage)
	if len(s.Hosts) > 0 {
		fmt.Fprintf(b, "Hosts data is sent to: %s.\n\n", strings.Join(s.Hosts, ", "))
	}
	if len(s.Sanitizers) > 0 {
		fmt.Fprintf(b, "Sanitizers applied: %s.\n\n", strings.Join(s.Sanitizers, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mermaid writes the diagram's nodes and edges: an element per node on
// the left, a destination per node on the right, an edge per pair with
// the statuses of its flows.
func (inv *Inventory) mermaid(b *strings.Builder) {
	ids := make(map[string]string)
	node := func(prefix, label string) string {
		key := prefix + "\x00" + label
		if id, ok := ids[key]; ok {
			return id
		}
		id := fmt.Sprintf("%s%d", prefix, len(ids))
		ids[key] = id
		fmt.Fprintf(b, "  %s[\"%s\"]\n", id, mermaidText(label))
		return id
	}
	type edge struct{ from, to string }
	var edges []edge
	statuses := make(map[edge][]string)
	for _, f := range inv.Flows {
		e := edge{node("e", f.Name+" ("+f.Kind+")"), node("d", f.Destination)}
		if _, ok := statuses[e]; !ok {
			edges = append(edges, e)
		}
		if !contains(statuses[e], f.Status) {
			statuses[e] = append(statuses[e], f.Status)
		}
	}
	for _, e := range edges {
		fmt.Fprintf(b, "  %s -->|%s| %s\n", e.from, strings.Join(statuses[e], ", "), e.to)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// mermaidText escapes a label for a quoted Mermaid node.
func mermaidText(s string) string {
	return strings.NewReplacer(`"`, "#quot;", "<", "#lt;", ">", "#gt;").Replace(s)
}

// cell escapes a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// table writes a section titled title: a table of rows (cells already
// escaped) under header, or "None." when there are no rows.
func table(b *strings.Builder, title string, header []string, rows [][]string) {
	fmt.Fprintf(b, "## %s\n\n", title)
	if len(rows) == 0 {
		b.WriteString("None.\n\n")
		return
	}
	b.WriteString("| " + strings.Join(header, " | ") + " |\n|" + strings.Repeat("---|", len(header)) + "\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
	b.WriteString("\n")
}
