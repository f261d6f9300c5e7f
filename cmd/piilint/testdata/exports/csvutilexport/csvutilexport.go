// Package csvutilexport encodes customers with jszwec/csvutil.
package csvutilexport

import (
	"encoding/csv"
	"io"

	"github.com/jszwec/csvutil"

	"example.com/exports/model"
)

// Encode streams customers as CSV.
func Encode(w io.Writer, cs []model.Customer) error {
	cw := csv.NewWriter(w)
	enc := csvutil.NewEncoder(cw)
	for _, c := range cs {
		if err := enc.Encode(c); err != nil { // want "Customer.Email (email) and Customer.Name (name) are written to a CSV file via (*csvutil.Encoder).Encode"
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Tiers marshals aggregates only.
func Tiers(ts []model.Tier) ([]byte, error) {
	return csvutil.Marshal(ts)
}
