// Package stdoutwriters writes customers to standard output through
// writers, encoders and helpers that take a writer.
package stdoutwriters

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
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
