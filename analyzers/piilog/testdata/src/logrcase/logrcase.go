package logrcase

import (
	"errors"

	"github.com/go-logr/logr"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Phone string `pii:"phone"`
	Card  string `pii:"card"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func calls(l logr.Logger, c *Customer) {
	l.Info("signup", "email", c.Email)                  // want `Customer.Email \(email\) reaches log output via \(logr.Logger\).Info`
	l.Info("signup " + c.Phone)                         // want `Customer.Phone \(phone\) reaches log output via \(logr.Logger\).Info`
	l.V(1).Info("signup", "card", c.Card)               // want `Customer.Card \(card, secret\) reaches log output via \(logr.Logger\).Info`
	l.Error(errors.New("bad email "+c.Email), "signup") // want `Customer.Email \(email\) reaches log output via \(logr.Logger\).Error`
	l.Error(nil, "signup", "phone", c.Phone)            // want `Customer.Phone \(phone\) reaches log output via \(logr.Logger\).Error`
	l.Info("signup", "id", c.ID)
	l.Info("signup", "email", mask(c.Email))
	l.WithName("crm").Info("signup", "id", c.ID)
}

func values(l logr.Logger, c *Customer) {
	v := l.WithValues("email", c.Email) // want `Customer.Email \(email\) reaches log output via \(logr.Logger\).WithValues`
	v.Info("done")                      // the logger carries the pair; reported at WithValues
	l.WithValues("id", c.ID).Info("done")
}

type reconciler struct {
	log logr.Logger
}

func (r *reconciler) handle(c *Customer) {
	r.log.Info("handled", "email", c.Email) // want `Customer.Email \(email\) reaches log output via \(logr.Logger\).Info`
	r.log.Info("handled", "id", c.ID)
}

// audit is a project-local wrapper: it is a sink for its callers.
func audit(l logr.Logger, key string, value any) {
	l.Info("audit", key, value)
}

func wrappers(c *Customer) {
	l := logr.Discard()
	audit(l, "phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via logrcase.audit → \(logr.Logger\).Info`
	audit(l, "id", c.ID)
	audit(l, "phone", mask(c.Phone))
}
