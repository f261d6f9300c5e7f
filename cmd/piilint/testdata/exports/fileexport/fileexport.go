// Package fileexport writes customers into plain files.
package fileexport

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"example.com/exports/model"
)

// Dump writes a text dump of customers.
func Dump(cs []model.Customer) error {
	f, err := os.Create("dump.txt")
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriter(f)
	defer bw.Flush()
	for _, c := range cs {
		fmt.Fprintf(bw, "%d\t%s\n", c.ID, c.Email) // want "Customer.Email (email) is written to a plain file via fmt.Fprintf"
		fmt.Fprintf(bw, "%d\t%s\n", c.ID, model.MaskEmail(c.Email))
		fmt.Fprintf(os.Stdout, "exported %d\n", c.ID)
	}
	return nil
}

// Archive writes customers as gzipped JSON.
func Archive(cs []model.Customer) error {
	f, err := os.OpenFile("customers.json.gz", os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	defer zw.Close()
	return json.NewEncoder(zw).Encode(cs) // want "Customer.Email (email), Customer.Name (name) and 2 more fields of Customer are written to a plain file via (*json.Encoder).Encode"
}

// Note writes one line for a customer.
func Note(c *model.Customer) error {
	return os.WriteFile("note.txt", []byte("call "+c.Name+" back"), 0o600) // want "Customer.Name (name) is written to a plain file via os.WriteFile"
}

// line writes a line into any writer.
func line(w io.Writer, s string) {
	io.WriteString(w, s+"\n")
}

// Append adds a customer's phone number to a file through a helper.
func Append(c *model.Customer) error {
	f, err := os.OpenFile("phones.txt", os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	line(f, c.Phone)         // want "Customer.Phone (phone) is written to a plain file via fileexport.line"
	line(os.Stderr, "ok")
	return nil
}
