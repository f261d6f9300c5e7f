// Package app logs customer events.
package app

import (
	"log"
	"log/slog"

	"example.com/stdmod/logx"
	"example.com/stdmod/model"
)

// Signup reaches three sinks: log directly, slog, and log through a
// helper of another package.
func Signup(c *model.Customer) {
	log.Printf("signup %s", c.Email)     // want "Customer.Email (email) reaches log output via log.Printf"
	slog.Info("welcome", "name", c.Name) // want "Customer.Name (name) reaches log output via slog.Info"
	logx.Info("charged %s", c.Card)      // want "Customer.Card (card, secret) reaches log output via logx.Info → log.Printf"
}

// Dump prints the whole record: every PII field of it is reported, the
// field marked by a directive included, the pii:"-" field not.
func Dump(c model.Customer) {
	log.Printf("%+v", c) // want "Customer.Allergies (health), Customer.Card (card, secret) and 2 more fields of Customer reach log output via log.Printf"
}

// Safe logs nothing personal.
func Safe(c *model.Customer) {
	log.Printf("customer %d", c.ID)
	log.Printf("%T", c)
	log.Printf("%T", c.Email)
	log.Printf("email length %d", len(c.Email))
	log.Printf("masked %s", model.MaskEmail(c.Email))
	logx.Info("masked %s", model.MaskEmail(c.Email))
	log.Printf("nick %s", c.Nick)
	//piilint:ignore piilog reviewed: test data
	log.Printf("seed %s", c.Email)
	log.Printf("seed %s", c.Name) //piilint:ignore piilog reviewed: test data
}

// ChargeError is a failed charge, with the card it was for.
type ChargeError struct{ Card string }

func (e *ChargeError) Error() string { return "charge failed for card " + e.Card }

func charge(c *model.Customer) *ChargeError { return &ChargeError{Card: c.Card} }

// Charge logs a failed charge: the finding points at the error, the
// argument the card is in, not at the text or the number beside it.
func Charge(c *model.Customer) {
	if err := charge(c); err != nil {
		log.Println("charge failed:", c.ID, err) // want "Customer.Card (card, secret) reaches log output via log.Println"
	}
}
