// Package gocsvcase marshals whole structs with gocsv.
package gocsvcase

import (
	"bytes"
	"os"

	"github.com/gocarina/gocsv"
)

type Row struct {
	ID    string `csv:"id"`
	Email string `csv:"email" pii:"email"`
	Phone string `csv:"-" pii:"phone"`
	Token string `pii:"token"`
	name  string `pii:"name"` // unexported: never a column
}

// Masked is a column type that marshals itself without the data.
type Masked string

func (Masked) MarshalCSV() (string, error) { return "***", nil }

type Contact struct {
	ID    string
	Email Masked `pii:"email"`
}

// Public has no PII column.
type Public struct {
	ID    string
	Notes string
	Phone string `csv:"-" pii:"phone"`
}

func export(rows []*Row, f *os.File) {
	gocsv.MarshalFile(&rows, f) // want `Row.Email \(email\) and Row.Token \(token, secret\) are written to a CSV file via gocsv.MarshalFile`
}

func toString(rows []Row) string {
	s, _ := gocsv.MarshalString(rows) // want `Row.Email \(email\) and Row.Token \(token, secret\) are written to a CSV file via gocsv.MarshalString`
	return s
}

func clean(ps []Public, cs []Contact) {
	var buf bytes.Buffer
	gocsv.Marshal(ps, &buf)
	gocsv.Marshal(cs, &buf)
	b, _ := gocsv.MarshalBytes(&ps)
	_ = b
}

func one(r Row) {
	var buf bytes.Buffer
	gocsv.MarshalWithoutHeaders([]Row{r}, &buf) // want `Row.Email \(email\) and Row.Token \(token, secret\) are written to a CSV file via gocsv.MarshalWithoutHeaders`
}
