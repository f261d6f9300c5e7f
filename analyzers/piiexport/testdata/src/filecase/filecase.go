// Package filecase writes personal data into plain files.
package filecase

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type Customer struct {
	ID     int
	Email  string `pii:"email"`
	Name   string `pii:"name"`
	Phone  string `pii:"phone" json:"-"`
	Secret string `pii:"secret" json:"-"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func whole(c *Customer) {
	os.WriteFile("c.txt", []byte(c.Email), 0o600) // want `Customer.Email \(email\) is written to a plain file via os.WriteFile`
	os.WriteFile("id.txt", []byte(fmt.Sprint(c.ID)), 0o600)
}

func direct(c *Customer) error {
	f, err := os.Create("dump.txt")
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(f, "%d %s\n", c.ID, c.Name) // want `Customer.Name \(name\) is written to a plain file via fmt.Fprintf`
	f.WriteString(c.Email)                   // want `Customer.Email \(email\) is written to a plain file via \(\*os.File\).WriteString`
	f.Write([]byte(c.Phone))                 // want `Customer.Phone \(phone\) is written to a plain file via \(\*os.File\).Write`
	io.WriteString(f, c.Email)               // want `Customer.Email \(email\) is written to a plain file via io.WriteString`
	io.Copy(f, strings.NewReader(c.Name))    // want `Customer.Name \(name\) is written to a plain file via io.Copy`
	fmt.Fprintf(f, "%d %d %T\n", c.ID, len(c.Email), c)
	fmt.Fprintln(f, mask(c.Email))
	return nil
}

func layered(c *Customer) {
	f, err := os.OpenFile("log.txt", os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	defer bw.Flush()
	bw.WriteString(c.Name)   // want `Customer.Name \(name\) is written to a plain file via \(\*bufio.Writer\).WriteString`
	fmt.Fprintln(bw, c.Email) // want `Customer.Email \(email\) is written to a plain file via fmt.Fprintln`
	zw := gzip.NewWriter(f)
	defer zw.Close()
	zw.Write([]byte(c.Email)) // want `Customer.Email \(email\) is written to a plain file via \(\*gzip.Writer\).Write`
	var w io.Writer = f
	w.Write([]byte(c.Name)) // want `Customer.Name \(name\) is written to a plain file via \(io.Writer\).Write`
	json.NewEncoder(f).Encode(c) // want `Customer.Email \(email\) and Customer.Name \(name\) are written to a plain file via \(\*json.Encoder\).Encode`
}

// Standard output and error are piilog's; buffers and unknown writers are
// not files.
func notFiles(c *Customer, w io.Writer) {
	fmt.Fprintln(os.Stdout, c.Email)
	os.Stderr.WriteString(c.Name)
	var buf bytes.Buffer
	fmt.Fprintln(&buf, c.Email)
	fmt.Fprintln(w, c.Email)
}

// sealer stands for an encrypting writer: what goes through it is not
// written in the clear.
type sealer struct{ w io.Writer }

func (s *sealer) Write(p []byte) (int, error) { return len(p), nil }

func encrypt(w io.Writer) io.Writer { return &sealer{w: w} }

func encrypted(c *Customer) {
	f, err := os.Create("sealed.bin")
	if err != nil {
		return
	}
	defer f.Close()
	ew := encrypt(f)
	fmt.Fprintln(ew, c.Email)
	ew.Write([]byte(c.Name))
}

// writeLine writes into whatever writer it is given.
func writeLine(w io.Writer, s string) { fmt.Fprintln(w, s) }

func viaWriter(c *Customer) {
	f, err := os.Create("a.txt")
	if err != nil {
		return
	}
	defer f.Close()
	writeLine(f, c.Email)         // want `Customer.Email \(email\) is written to a plain file via filecase.writeLine`
	writeLine(os.Stderr, c.Email) // piilog's
	writeLine(f, fmt.Sprint(c.ID))
}

// save takes a file: a parameter of type *os.File is a file.
func save(f *os.File, c *Customer) {
	f.WriteString(c.Secret) // want `Customer.Secret \(secret\) is written to a plain file via \(\*os.File\).WriteString`
}

// Store exports its customers; the writer is handed to a method.
type Store struct{ dsn string }

type ExportOptions struct{ Limit int }

// BulkExport writes JSON lines built from the customers it loads.
func (s *Store) BulkExport(w io.Writer, opts ExportOptions) error {
	enc := json.NewEncoder(w)
	for _, c := range loadCustomers(s.dsn, opts.Limit) {
		if err := enc.Encode(&c); err != nil {
			return err
		}
	}
	return nil
}

func loadCustomers(dsn string, n int) []Customer { return make([]Customer, n) }

func exportMethod(s *Store) {
	f, err := os.Create("export.jsonl")
	if err != nil {
		return
	}
	defer f.Close()
	if err := s.BulkExport(f, ExportOptions{Limit: 10}); err != nil { // want `Customer.Email \(email\) and Customer.Name \(name\) are written to a plain file via \(\*filecase.Store\).BulkExport`
		return
	}
	if err := s.BulkExport(io.Discard, ExportOptions{Limit: 10}); err != nil {
		return
	}
}
