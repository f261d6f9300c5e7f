package hclogcase

import (
	"errors"

	"github.com/hashicorp/go-hclog"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Phone string `pii:"phone"`
	Card  string `pii:"card"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func calls(l hclog.Logger, c *Customer) {
	l.Info("signup", "email", c.Email)                         // want `Customer.Email \(email\) reaches log output via \(hclog.Logger\).Info`
	l.Trace("signup " + c.Phone)                               // want `Customer.Phone \(phone\) reaches log output via \(hclog.Logger\).Trace`
	l.Debug("signup", "card", c.Card)                          // want `Customer.Card \(card, secret\) reaches log output via \(hclog.Logger\).Debug`
	l.Warn("signup", "phone", c.Phone)                         // want `Customer.Phone \(phone\) reaches log output via \(hclog.Logger\).Warn`
	l.Error("signup", "err", errors.New("bad email "+c.Email)) // want `Customer.Email \(email\) reaches log output via \(hclog.Logger\).Error`
	l.Log(hclog.Info, "signup", "email", c.Email)              // want `Customer.Email \(email\) reaches log output via \(hclog.Logger\).Log`
	l.Info("signup", "id", c.ID)
	l.Info("signup", "email", mask(c.Email))
	l.Named("crm").Info("signup", "id", c.ID)
	l.ResetNamed("crm").Info("signup", "id", c.ID)
}

func with(c *Customer) {
	l := hclog.New(&hclog.LoggerOptions{Name: "crm"})
	sub := l.With("email", c.Email)
	sub.Info("done")              // want `Customer.Email \(email\) reaches log output via \(hclog.Logger\).Info`
	sub.Named("api").Warn("done") // want `Customer.Email \(email\) reaches log output via \(hclog.Logger\).Warn`
	clean := l.With("id", c.ID)
	clean.Info("done")
	masked := hclog.Default().With("email", mask(c.Email))
	masked.Error("done")
}

type server struct {
	log hclog.Logger
}

func (s *server) handle(c *Customer) {
	s.log.Info("handle", "phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via \(hclog.Logger\).Info`
	s.log.Info("handle", "id", c.ID)
}

func fieldWith(c *Customer) {
	s := &server{log: hclog.L().With("card", c.Card)}
	s.log.Info("handle") // want `Customer.Card \(card, secret\) reaches log output via \(hclog.Logger\).Info`
}

// audit is a project-local wrapper: it is a sink for its callers.
func audit(l hclog.Logger, key string, value interface{}) {
	l.Info("audit", key, value)
}

func wrappers(c *Customer) {
	l := hclog.Default()
	audit(l, "phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via hclogcase.audit → \(hclog.Logger\).Info`
	audit(l, "id", c.ID)
	audit(l, "phone", mask(c.Phone))
}
