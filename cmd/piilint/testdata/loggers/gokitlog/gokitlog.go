// Package gokitlog logs customers with github.com/go-kit/log.
package gokitlog

import (
	"os"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"

	"example.com/loggers/model"
)

// Calls logs with Log and the level helpers.
func Calls(c *model.Customer) {
	l := log.NewLogfmtLogger(os.Stderr)
	l.Log("email", c.Email)                            // want "Customer.Email (email) reaches log output via (log.Logger).Log"
	level.Info(l).Log("name", c.Name)                  // want "Customer.Name (name) reaches log output via (log.Logger).Log"
	level.Error(l).Log("msg", "declined card "+c.Card) // want "Customer.Card (card, secret) reaches log output via (log.Logger).Log"
	l.Log("id", c.ID)
	level.Debug(l).Log("email", model.MaskEmail(c.Email))
}

// Contexts attaches the address to a child logger.
func Contexts(c *model.Customer) {
	l := log.NewLogfmtLogger(os.Stderr)
	ctx := log.With(l, "email", c.Email)
	ctx.Log("msg", "welcome") // want "Customer.Email (email) reaches log output via (log.Logger).Log"
	clean := log.With(l, "id", c.ID)
	clean.Log("msg", "welcome")
}

// Service keeps its logger in a field.
type Service struct {
	logger log.Logger
}

// Handle logs a request.
func (s *Service) Handle(c *model.Customer) {
	s.logger.Log("name", c.Name) // want "Customer.Name (name) reaches log output via (log.Logger).Log"
	s.logger.Log("id", c.ID)
}
