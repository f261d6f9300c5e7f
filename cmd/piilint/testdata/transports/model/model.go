// Package model holds the customer record the fixture sends.
package model

// Customer is a customer record with personal data.
type Customer struct {
	ID    int64  `json:"id"`
	Email string `json:"email" pii:"email"`
	Name  string `json:"name" pii:"name"`
	Token string `json:"-" pii:"token"`
}
