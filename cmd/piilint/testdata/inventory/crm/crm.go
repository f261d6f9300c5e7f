// Package crm is the inventory command's fixture: every class of sink,
// and every status a flow can have.
package crm

import (
	"crypto/tls"
	"encoding/csv"
	"log"
	"net/http"
	"os"
	"strings"
)

type Customer struct {
	ID       int
	Email    string `pii:"email"`
	Name     string `gdpr:"name"`
	Password string `pii:"password"`
	//pii:phone
	Phone   string
	Loyalty string `pii:"loyalty_id"`
}

// APIKey values are secrets, by a directive on the type.
//
//pii:secret
type APIKey string

// Ticket's Body is marked by the configuration.
type Ticket struct {
	ID   int
	Body string
}

// Mask is a sanitizer (configuration).
func Mask(s string) string { return strings.Repeat("*", len(s)) }

func Signup(c Customer) {
	log.Printf("signup %s", c.Email)      // reported
	log.Printf("masked %s", Mask(c.Name)) // sanitized
	//piilint:ignore piilog the phone is needed to debug SMS delivery
	log.Printf("sms to %s", c.Phone)
}

func Export(cs []Customer) error {
	f, err := os.Create("customers.csv")
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	for _, c := range cs {
		w.Write([]string{c.Name, c.Password})
	}
	w.Flush()
	return f.Close()
}

func Connect(k APIKey) {
	log.Println("connecting with", k)
}

func Forward(t Ticket) error {
	_, err := http.Post("http://partner.example.com/tickets", "text/plain", strings.NewReader(t.Body))
	return err
}

// Partner is the client of the partner API: its TLS settings are evidence
// of how data in transit is protected.
func Partner() *http.Client {
	return &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
}
