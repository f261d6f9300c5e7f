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
}
