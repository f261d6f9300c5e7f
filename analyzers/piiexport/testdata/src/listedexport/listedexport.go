// Package listedexport holds the export cases of the precision issue's
// list, each with its twin.
package listedexport

import (
	"crypto/aes"
	"crypto/cipher"
	"fmt"
	"io"
	"os"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
}

// An encrypting writer over a file is not a plain file.
func encrypted(c *Customer, key, iv []byte) error {
	f, err := os.Create("customers.enc")
	if err != nil {
		return err
	}
	defer f.Close()
	block, err := aes.NewCipher(key)
	if err != nil {
		return err
	}
	w := &cipher.StreamWriter{S: cipher.NewCTR(block, iv), W: f}
	fmt.Fprintln(w, c.Email)
	plain := cipher.StreamWriter{S: cipher.NewCTR(block, iv), W: f}
	_ = plain
	fmt.Fprintln(f, c.Email) // want `Customer.Email \(email\) is written to a plain file via fmt.Fprintln`
	return nil
}

// Report keeps the file it writes in a field: opened in one method,
// written in another.
type Report struct {
	out io.Writer
	log io.Writer
}

func (r *Report) Open() error {
	f, err := os.Create("report.txt")
	if err != nil {
		return err
	}
	r.out = f
	r.log = io.Discard
	return nil
}

func (r *Report) Add(c *Customer) {
	fmt.Fprintln(r.out, c.Email) // want `Customer.Email \(email\) is written to a plain file via fmt.Fprintln`
	fmt.Fprintln(r.log, c.Email)
}
