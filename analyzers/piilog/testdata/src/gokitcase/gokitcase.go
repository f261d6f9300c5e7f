package gokitcase

import (
	"os"

	"github.com/go-kit/log"
	"github.com/go-kit/log/level"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Phone string `pii:"phone"`
	Card  string `pii:"card"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func calls(l log.Logger, c *Customer) {
	l.Log("email", c.Email)                   // want `Customer.Email \(email\) reaches log output via \(log.Logger\).Log`
	level.Info(l).Log("email", c.Email)       // want `Customer.Email \(email\) reaches log output via \(log.Logger\).Log`
	level.Error(l).Log("msg", "bad "+c.Phone) // want `Customer.Phone \(phone\) reaches log output via \(log.Logger\).Log`
	l.Log("id", c.ID)
	level.Debug(l).Log("email", mask(c.Email))
}

func contexts(c *Customer) {
	l := log.NewLogfmtLogger(os.Stderr)
	ctx := log.With(l, "email", c.Email)
	ctx.Log("msg", "x") // want `Customer.Email \(email\) reaches log output via \(log.Logger\).Log`
	pre := log.WithPrefix(l, "card", c.Card)
	level.Warn(pre).Log("msg", "x") // want `Customer.Card \(card, secret\) reaches log output via \(log.Logger\).Log`
	clean := log.With(l, "id", c.ID)
	clean.Log("msg", "x")
	level.Info(clean).Log("msg", "x")
	masked := log.With(l, "email", mask(c.Email))
	masked.Log("msg", "x")
}

type service struct {
	logger log.Logger
}

func (s *service) handle(c *Customer) {
	s.logger.Log("phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via \(log.Logger\).Log`
	s.logger.Log("id", c.ID)
}

func newService(c *Customer) *service {
	return &service{logger: log.With(log.NewNopLogger(), "email", c.Email)}
}

func fieldContext(c *Customer) {
	s := newService(c)
	s.logger.Log("msg", "x") // want `Customer.Email \(email\) reaches log output via \(log.Logger\).Log`
}

// audit is a project-local wrapper: it is a sink for its callers.
func audit(l log.Logger, key string, value interface{}) {
	level.Info(l).Log(key, value)
}

func wrappers(c *Customer) {
	l := log.NewNopLogger()
	audit(l, "phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via gokitcase.audit → \(log.Logger\).Log`
	audit(l, "id", c.ID)
	audit(l, "phone", mask(c.Phone))
}
