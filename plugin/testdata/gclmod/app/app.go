// Package app logs customer events.
package app

import (
	"log"
	"log/slog"

	"example.com/gclmod/model"
	"example.com/gclmod/redact"
)

// Signup logs personal data in several ways.
func Signup(c *model.Customer) {
	log.Printf("signup %s", c.Email)
	slog.Info("welcome", "name", c.Name)
	log.Printf("short %s", redact.Short(c.Email))
	log.Print(c.Card) //nolint:piilint // test data, reviewed
	log.Print(c.Card) //nolint:errcheck // another linter: still reported
	//piilint:ignore piilog reviewed: test data
	log.Print(c.Name)
	log.Printf("customer %d", c.ID)
}
