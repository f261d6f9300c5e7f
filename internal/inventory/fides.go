package inventory

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// WriteFides writes the elements as a Fides dataset (YAML): a collection
// per struct type of the analysed packages (import/path.Type), a field per
// personal-data field with its data category; a type marked as a whole
// is a collection with its category. Teams that keep their data map in
// Fides import it as is.
func (inv *Inventory) WriteFides(w io.Writer) error {
	type field struct{ name, category string }
	type collection struct {
		name     string
		category string // a type marked whole
		fields   []field
	}
	var cols []*collection
	index := make(map[string]*collection)
	get := func(name string) *collection {
		c := index[name]
		if c == nil {
			c = &collection{name: name}
			index[name] = c
			cols = append(cols, c)
		}
		return c
	}
	for _, e := range inv.Elements {
		typ, fld, ok := strings.Cut(e.Name, ".")
		if !ok {
			get(e.Package + "." + e.Name).category = e.Category
			continue
		}
		c := get(e.Package + "." + typ)
		c.fields = append(c.fields, field{fld, e.Category})
	}
	var b strings.Builder
	b.WriteString("dataset:\n")
	b.WriteString("  - fides_key: piilint_inventory\n")
	b.WriteString("    name: Personal data in the code\n")
	fmt.Fprintf(&b, "    description: %s\n", strconv.Quote(fmt.Sprintf("The fields and types piilint knows hold personal data: %d data elements.", len(inv.Elements))))
	b.WriteString("    collections:\n")
	if len(cols) == 0 {
		b.WriteString("      []\n")
	}
	for _, c := range cols {
		fmt.Fprintf(&b, "      - name: %s\n", strconv.Quote(c.name))
		if c.category != "" {
			fmt.Fprintf(&b, "        data_categories: [%s]\n", strconv.Quote(c.category))
		}
		if len(c.fields) == 0 {
			b.WriteString("        fields: []\n")
			continue
		}
		b.WriteString("        fields:\n")
		for _, f := range c.fields {
			fmt.Fprintf(&b, "          - name: %s\n", strconv.Quote(f.name))
			fmt.Fprintf(&b, "            data_categories: [%s]\n", strconv.Quote(f.category))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
