// Package model holds the records the fixture exports.
package model

import "strings"

// Customer is a customer record with personal data. The phone number
// and the password hash never go into a CSV file: csv:"-".
type Customer struct {
	ID       int64  `csv:"id"`
	Email    string `csv:"email" pii:"email"`
	Name     string `csv:"name" pii:"name"`
	Phone    string `csv:"-" pii:"phone"`
	Password string `csv:"-" pii:"password"`
	Tier     string `csv:"tier"`
}

// Tier is an aggregate without personal data.
type Tier struct {
	Name  string `csv:"tier"`
	Count int    `csv:"count"`
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
