// Package csvexport writes customers with encoding/csv.
package csvexport

import (
	"encoding/csv"
	"os"
	"strconv"

	"example.com/exports/model"
)

// Rows writes one record per customer.
func Rows(cs []model.Customer) error {
	f, err := os.Create("customers.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	defer w.Flush()
	for _, c := range cs {
		id := strconv.FormatInt(c.ID, 10)
		if err := w.Write([]string{id, c.Email, c.Tier}); err != nil { // want "Customer.Email (email) is written to a CSV file via (*csv.Writer).Write"
			return err
		}
		w.Write([]string{id, model.MaskEmail(c.Email), c.Tier})
	}
	return nil
}

// All builds the records first and writes them at once.
func All(cs []model.Customer) error {
	var records [][]string
	for _, c := range cs {
		records = append(records, []string{c.Name, c.Phone})
	}
	return csv.NewWriter(os.Stdout).WriteAll(records) // want "Customer.Name (name) and Customer.Phone (phone) are written to a CSV file via (*csv.Writer).WriteAll"
}
