// Package logrlog logs customers with github.com/go-logr/logr.
package logrlog

import (
	"errors"

	"github.com/go-logr/logr"
	"github.com/go-logr/logr/funcr"

	"example.com/loggers/model"
)

// newLogger returns a logger that prints through funcr.
func newLogger() logr.Logger {
	return funcr.New(func(prefix, args string) { println(prefix, args) }, funcr.Options{})
}

// Calls logs with Info, Error and V.
func Calls(c *model.Customer) {
	l := newLogger()
	l.Info("signup", "email", c.Email)                            // want "Customer.Email (email) reaches log output via (logr.Logger).Info"
	l.V(1).Info("signup", "name", c.Name)                         // want "Customer.Name (name) reaches log output via (logr.Logger).Info"
	l.Error(errors.New("declined card "+c.Card), "charge failed") // want "Customer.Card (card, secret) reaches log output via (logr.Logger).Error"
	l.Info("signup", "id", c.ID)
	l.Info("signup", "email", model.MaskEmail(c.Email))
}

// Values attaches the address to a child logger.
func Values(c *model.Customer) {
	l := logr.Discard()
	v := l.WithValues("email", c.Email) // want "Customer.Email (email) reaches log output via (logr.Logger).WithValues"
	v.Info("welcome")
	l.WithValues("id", c.ID).Info("welcome")
}

// Reconciler keeps its logger in a field.
type Reconciler struct {
	log logr.Logger
}

// Handle logs a request.
func (r *Reconciler) Handle(c *model.Customer) {
	r.log.Info("handle", "name", c.Name) // want "Customer.Name (name) reaches log output via (logr.Logger).Info"
	r.log.Info("handle", "id", c.ID)
}
