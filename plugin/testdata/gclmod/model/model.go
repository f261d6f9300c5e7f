// Package model holds the customer record of the fixture.
package model

// Customer is a customer record with personal data.
type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Card  string `pii:"card"`
	Phone string `pii:"phon"`
}
