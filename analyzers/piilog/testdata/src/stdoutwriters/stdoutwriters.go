// Package stdoutwriters writes customers to standard output through
// writers, encoders and helpers that take a writer.
package stdoutwriters

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"text/template"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Token string `pii:"token" json:"-"`
}

// render writes into whatever writer it is given.
func render(w io.Writer, c *Customer) { fmt.Fprintf(w, "%d %s\n", c.ID, c.Email) }

func use(c *Customer) {
	json.NewEncoder(os.Stdout).Encode(c) // want `Customer.Email \(email\) reaches log output via \(\*json.Encoder\).Encode`
	var w io.Writer = os.Stderr
	w.Write([]byte(c.Email)) // want `Customer.Email \(email\) reaches log output via \(io.Writer\).Write`
	render(os.Stdout, c)     // want `Customer.Email \(email\) reaches log output via stdoutwriters.render`
	var buf bytes.Buffer
	render(&buf, c)
	json.NewEncoder(&buf).Encode(c)
}

var page = template.Must(template.New("page").Parse("{{.Email}}\n"))

// templates render data into their writer; their errors do not carry it.
func templates(c *Customer) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, c); err != nil {
		log.Printf("render: %v", err)
	}
	// A template may show any field of its data.
	log.Print(buf.String())    // want `Customer.Email \(email\) and Customer.Token \(token, secret\) reach log output via log.Print`
	page.Execute(os.Stdout, c) // want `Customer.Email \(email\) and Customer.Token \(token, secret\) reach log output via \(\*template.Template\).Execute`
	if err := page.ExecuteTemplate(&buf, "page", c); err != nil {
		log.Printf("render: %v", err)
	}
}

// decode fills a customer: its error does not carry what the destination
// holds by its type.
func decode(data []byte) {
	var c Customer
	if err := json.Unmarshal(data, &c); err != nil {
		log.Printf("decode: %v", err)
	}
	log.Print(c.Email) // want `Customer.Email \(email\) reaches log output via log.Print`
}
