// Package logruslog logs customers with github.com/sirupsen/logrus.
package logruslog

import (
	"errors"

	"github.com/sirupsen/logrus"

	"example.com/loggers/model"
)

// Package logs with the package functions.
func Package(c *model.Customer) {
	logrus.Infof("signup %s", c.Email) // want "Customer.Email (email) reaches log output via logrus.Infof"
	logrus.Warn("signup ", c.Name)     // want "Customer.Name (name) reaches log output via logrus.Warn"
	logrus.Infof("signup %d", c.ID)
}

// Fields logs with WithField, WithFields and WithError.
func Fields(c *model.Customer) {
	logrus.WithField("email", c.Email).Info("signup")                              // want "Customer.Email (email) reaches log output via logrus.WithField"
	logrus.WithFields(logrus.Fields{"name": c.Name, "id": c.ID}).Info("signup")    // want "Customer.Name (name) reaches log output via logrus.WithFields"
	logrus.WithError(errors.New("declined card " + c.Card)).Error("charge failed") // want "Customer.Card (card, secret) reaches log output via logrus.WithError"
	logrus.WithField("id", c.ID).Info("signup")
}

// EntryLater builds the entry in one statement and logs it in another.
func EntryLater(c *model.Customer) {
	e := logrus.WithField("email", c.Email) // want "Customer.Email (email) reaches log output via logrus.WithField"
	e.Info("signup")
}

// Service keeps its logger and entry in fields.
type Service struct {
	log *logrus.Logger
	ctx *logrus.Entry
}

// Handle logs a request.
func (s *Service) Handle(c *model.Customer) {
	s.log.Infof("handle %s", c.Name)                 // want "Customer.Name (name) reaches log output via (*logrus.Logger).Infof"
	s.ctx.WithField("email", c.Email).Info("handle") // want "Customer.Email (email) reaches log output via (*logrus.Entry).WithField"
	s.ctx.WithField("id", c.ID).Info("handle")
}

// audit is a project-local wrapper around logrus.
func audit(action string, kv logrus.Fields) {
	logrus.WithFields(kv).Info(action)
}

// Wrapped logs through audit.
func Wrapped(c *model.Customer) {
	audit("signup", logrus.Fields{"email": c.Email}) // want "Customer.Email (email) reaches log output via logruslog.audit → logrus.WithFields"
	audit("signup", logrus.Fields{"id": c.ID})
}
