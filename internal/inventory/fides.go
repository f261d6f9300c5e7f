package inventory

import (
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// FidesFile is a Fides dataset file (fideslang), as WriteFides writes it.
type FidesFile struct {
	Dataset []FidesDataset `yaml:"dataset"`
}

// FidesDataset is a dataset: its collections are struct types.
type FidesDataset struct {
	FidesKey    string            `yaml:"fides_key"`
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Collections []FidesCollection `yaml:"collections"`
}

// FidesCollection is a struct type (import/path.Type) with its
// personal-data fields; a type marked as a whole has categories itself.
type FidesCollection struct {
	Name           string       `yaml:"name"`
	DataCategories []string     `yaml:"data_categories,omitempty"`
	Fields         []FidesField `yaml:"fields"`
}

// FidesField is a personal-data field with its data category.
type FidesField struct {
	Name           string   `yaml:"name"`
	DataCategories []string `yaml:"data_categories"`
}

// WriteFides writes the elements as a Fides dataset (YAML): a collection
// per struct type of the analysed packages (import/path.Type), a field per
// personal-data field with its data category; a type marked as a whole
// is a collection with its category. Teams that keep their data map in
// Fides import it as is.
func (inv *Inventory) WriteFides(w io.Writer) error {
	ds := FidesDataset{
		FidesKey:    "piilint_inventory",
		Name:        "Personal data in the code",
		Description: fmt.Sprintf("The fields and types piilint knows hold personal data: %d data elements.", len(inv.Elements)),
		Collections: []FidesCollection{},
	}
	index := make(map[string]int)
	get := func(name string) *FidesCollection {
		i, ok := index[name]
		if !ok {
			i = len(ds.Collections)
			index[name] = i
			ds.Collections = append(ds.Collections, FidesCollection{Name: name, Fields: []FidesField{}})
		}
		return &ds.Collections[i]
	}
	for _, e := range inv.Elements {
		typ, fld, ok := strings.Cut(e.Name, ".")
		if !ok {
			get(e.Package + "." + e.Name).DataCategories = []string{e.Category}
			continue
		}
		c := get(e.Package + "." + typ)
		c.Fields = append(c.Fields, FidesField{Name: fld, DataCategories: []string{e.Category}})
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(FidesFile{Dataset: []FidesDataset{ds}}); err != nil {
		return err
	}
	return enc.Close()
}
