// Package model holds the customer record of the fixture.
package model

import "strings"

// Customer is a customer record with personal data.
type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Card  string `pii:"card"`
}

// MaskEmail keeps the first letter and the domain of an address.
//
//pii:sanitizer
func MaskEmail(s string) string {
	at := strings.IndexByte(s, '@')
	if at < 1 {
		return "***"
	}
	return s[:1] + "***" + s[at:]
}
