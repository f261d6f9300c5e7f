// Package model holds the benchmark service's records.
package model

import "time"

// Customer is a person the service keeps.
type Customer struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	Email     string    `gorm:"uniqueIndex" json:"email" pii:"email"`
	Name      string    `json:"name" pii:"name"`
	Phone     string    `json:"phone" pii:"phone"`
	SSN       string    `json:"-" pii:"national_id"`
	Plan      string    `json:"plan"`
	CreatedAt time.Time `json:"created_at"`
}

// Card is a stored payment card.
type Card struct {
	ID         uint   `gorm:"primaryKey"`
	CustomerID uint   `gorm:"index"`
	Number     string `pii:"card"`
	CVV        string `pii:"cvv"`
	Last4      string
}

// Agent is a support agent from the directory.
type Agent struct {
	DN       string
	Login    string
	Email    string `pii:"email"`
	Password string `pii:"password"`
}

// Ticket is a support conversation.
type Ticket struct {
	ID       uint `gorm:"primaryKey"`
	Customer Customer
	Subject  string
	Body     string `pii:"pii"`
}

// Redacted returns the customer without personal data.
func (c Customer) Redacted() Customer {
	return Customer{ID: c.ID, Plan: c.Plan, CreatedAt: c.CreatedAt}
}
