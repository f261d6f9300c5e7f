// Package funcfields: a struct field of function type holds what the
// package assigns to it.
package funcfields

import (
	"fmt"
	"log"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
}

type Notifier struct {
	logf   func(format string, args ...any)
	render func(format string, args ...any) string
}

func NewNotifier() *Notifier {
	return &Notifier{logf: log.Printf, render: fmt.Sprintf}
}

func (n *Notifier) Notify(c *Customer) {
	n.logf("notifying %s", c.Email) // want `Customer.Email \(email\) reaches log output via Notifier.logf → log.Printf`
	n.logf("notifying %d", c.ID)
	body := n.render("Dear %s", c.Email)
	_ = body
}
