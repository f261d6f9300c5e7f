// Package hcloglog logs customers with github.com/hashicorp/go-hclog.
package hcloglog

import (
	"errors"

	"github.com/hashicorp/go-hclog"

	"example.com/loggers/model"
)

// Calls logs with the level methods.
func Calls(c *model.Customer) {
	l := hclog.New(&hclog.LoggerOptions{Name: "crm"})
	l.Info("signup", "email", c.Email)                                   // want "Customer.Email (email) reaches log output via (hclog.Logger).Info"
	l.Warn("signup", "name", c.Name)                                     // want "Customer.Name (name) reaches log output via (hclog.Logger).Warn"
	l.Error("charge failed", "err", errors.New("declined card "+c.Card)) // want "Customer.Card (card, secret) reaches log output via (hclog.Logger).Error"
	l.Info("signup", "id", c.ID)
	l.Info("signup", "email", model.MaskEmail(c.Email))
}

// With attaches the address to a child logger.
func With(c *model.Customer) {
	l := hclog.New(&hclog.LoggerOptions{})
	sub := l.With("email", c.Email)
	sub.Info("welcome") // want "Customer.Email (email) reaches log output via (hclog.Logger).Info"
	clean := l.With("id", c.ID)
	clean.Info("welcome")
}

// Server keeps its logger in a field.
type Server struct {
	log hclog.Logger
}

// Handle logs a request.
func (s *Server) Handle(c *model.Customer) {
	s.log.Info("handle", "name", c.Name) // want "Customer.Name (name) reaches log output via (hclog.Logger).Info"
	s.log.Info("handle", "id", c.ID)
}
