// Package reportlib writes reports into whatever writer it is given,
// from data it loads itself.
package reportlib

import (
	"bufio"
	"fmt"
	"io"
)

type Customer struct {
	ID    int
	Email string `pii:"email"` // want Email:"pii email"
	Phone string `pii:"phone"` // want Phone:"pii phone"
}

func load() []Customer { return nil }

// WriteReport prints every customer's email into w.
func WriteReport(w io.Writer) error { // want WriteReport:`Customer.Email->\*p0`
	for _, c := range load() {
		fmt.Fprintf(w, "%d %s\n", c.ID, c.Email)
	}
	return nil
}

// WriteBuffered writes the phone numbers through a bufio.Writer over w.
func WriteBuffered(w io.Writer) error { // want WriteBuffered:`Customer.Phone->\*p0`
	bw := bufio.NewWriter(w)
	for _, c := range load() {
		bw.WriteString(c.Phone)
	}
	return bw.Flush()
}

// WriteCount writes no personal data.
func WriteCount(w io.Writer) {
	fmt.Fprintln(w, len(load()))
}
