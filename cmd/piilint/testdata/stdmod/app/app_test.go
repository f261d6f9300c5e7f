package app

import (
	"log"
	"testing"

	"example.com/stdmod/model"
)

func TestSignup(t *testing.T) {
	c := &model.Customer{ID: 1, Email: "ann@example.com", Name: "Ann", Card: "4111111111111111"}
	// Signup's own log lines are its findings; this call is not another.
	Signup(c)
	log.Printf("test customer %s", c.Email) // want "Customer.Email (email) reaches log output via log.Printf"
	// The test log is public in CI: a log sink like the others, and
	// -tests=false leaves it out like them.
	t.Logf("signed up %s", c.Name) // want "Customer.Name (name) reaches log output via (*testing.T).Logf"
	t.Logf("signed up %d", c.ID)
	t.Logf("signed up %s", model.MaskEmail(c.Email))
}
