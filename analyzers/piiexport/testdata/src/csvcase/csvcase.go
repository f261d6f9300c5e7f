// Package csvcase writes records with encoding/csv.
package csvcase

import (
	"bytes"
	"encoding/csv"
	"os"
)

type Customer struct {
	ID       string
	Email    string `pii:"email"`
	Name     string `pii:"name"`
	Phone    string `pii:"phone"`
	Password string `pii:"password"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func load() []Customer { return nil }

func rows() {
	f, err := os.Create("customers.csv")
	if err != nil {
		return
	}
	defer f.Close()
	w := csv.NewWriter(f)
	defer w.Flush()
	w.Write([]string{"id", "email"})
	for _, c := range load() {
		w.Write([]string{c.ID, c.Email}) // want `Customer.Email \(email\) is written to a CSV file via \(\*csv.Writer\).Write`
		w.Write([]string{c.ID, mask(c.Email)})
		w.Write([]string{c.ID})
	}
}

// table builds the records elsewhere than where they are written.
func table(cs []Customer) [][]string {
	var out [][]string
	for _, c := range cs {
		out = append(out, []string{c.ID, c.Name})
	}
	return out
}

func all() []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf) // a CSV over any writer is a CSV
	w.WriteAll(table(load())) // want `Customer.Name \(name\) is written to a CSV file via \(\*csv.Writer\).WriteAll`
	return buf.Bytes()
}

// writeRow is a helper: the finding is inside it, where the field is read.
func writeRow(w *csv.Writer, c *Customer) {
	w.Write([]string{c.ID, c.Password}) // want `Customer.Password \(password, secret\) is written to a CSV file via \(\*csv.Writer\).Write`
}

// writeValues forwards whatever it is given.
func writeValues(w *csv.Writer, vs ...string) error {
	return w.Write(vs)
}

func viaHelper(cs []Customer) {
	w := csv.NewWriter(os.Stdout)
	for i := range cs {
		writeRow(w, &cs[i])
		writeValues(w, cs[i].ID, cs[i].Phone) // want `Customer.Phone \(phone\) is written to a CSV file via csvcase.writeValues → \(\*csv.Writer\).Write`
		writeValues(w, cs[i].ID)
	}
}
