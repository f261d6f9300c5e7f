// Package gocsvexport marshals customers with gocarina/gocsv.
package gocsvexport

import (
	"os"

	"github.com/gocarina/gocsv"

	"example.com/exports/model"
)

// File writes every customer: the email and name columns leak, phone and
// password are csv:"-".
func File(cs []*model.Customer, f *os.File) error {
	return gocsv.MarshalFile(&cs, f) // want "Customer.Email (email) and Customer.Name (name) are written to a CSV file via gocsv.MarshalFile"
}

// Tiers writes aggregates only.
func Tiers(ts []model.Tier) (string, error) {
	return gocsv.MarshalString(ts)
}
