// Package zaplog logs customers with go.uber.org/zap.
package zaplog

import (
	"errors"

	"go.uber.org/zap"

	"example.com/loggers/model"
)

// Fields logs with field constructors.
func Fields(logger *zap.Logger, c *model.Customer) {
	logger.Info("signup", zap.String("email", c.Email))                           // want "Customer.Email (email) reaches log output via (*zap.Logger).Info"
	logger.Warn("signup", zap.Any("name", c.Name))                                // want "Customer.Name (name) reaches log output via (*zap.Logger).Warn"
	logger.Error("charge failed", zap.Error(errors.New("declined card "+c.Card))) // want "Customer.Card (card, secret) reaches log output via (*zap.Logger).Error"
	logger.Info("signup", zap.Int64("id", c.ID), zap.String("email", model.MaskEmail(c.Email)))
}

// Sugared logs with the sugared logger.
func Sugared(s *zap.SugaredLogger, c *model.Customer) {
	s.Infof("signup %s", c.Email)     // want "Customer.Email (email) reaches log output via (*zap.SugaredLogger).Infof"
	s.Infow("signup", "name", c.Name) // want "Customer.Name (name) reaches log output via (*zap.SugaredLogger).Infow"
	s.Infof("signup %d", c.ID)
	s.Infof("signup %T", c.Email)
}

// With attaches the address to a child logger.
func With(logger *zap.Logger, c *model.Customer) {
	l := logger.With(zap.String("email", c.Email)) // want "Customer.Email (email) reaches log output via (*zap.Logger).With"
	l.Info("welcome", zap.Int64("id", c.ID))
}

// Server keeps its logger in a field.
type Server struct {
	log *zap.Logger
}

// Handle logs a request.
func (s *Server) Handle(c *model.Customer) {
	s.log.Info("handle", zap.String("name", c.Name)) // want "Customer.Name (name) reaches log output via (*zap.Logger).Info"
	s.log.Info("handle", zap.Int64("id", c.ID))
}

// event is a project-local wrapper that names the field itself.
func event(l *zap.Logger, msg, key, value string) {
	l.Info(msg, zap.String(key, value))
}

// Wrapped logs through event.
func Wrapped(l *zap.Logger, c *model.Customer) {
	event(l, "signup", "email", c.Email) // want "Customer.Email (email) reaches log output via zaplog.event → (*zap.Logger).Info"
	event(l, "signup", "email", model.MaskEmail(c.Email))
}
