// Package zapmarshal checks types that add themselves to a zap entry: a
// MarshalLogObject that emits no PII makes logging the value clean, one
// that emits PII is a leak.
package zapmarshal

import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Phone string `pii:"phone"`
}

// safeCustomer logs the identifier only.
type safeCustomer Customer

func (c safeCustomer) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddInt64("id", c.ID)
	return nil
}

// leakyCustomer logs the email address.
type leakyCustomer Customer

func (c *leakyCustomer) MarshalLogObject(enc zapcore.ObjectEncoder) error {
	enc.AddInt64("id", c.ID)
	enc.AddString("email", c.Email)
	return nil
}

func use(l *zap.Logger, c *Customer) {
	l.Info("customer", zap.Object("c", safeCustomer(*c)))
	lc := leakyCustomer(*c)
	l.Info("customer", zap.Object("c", &lc)) // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).Info`
	l.Info("customer", zap.Inline(safeCustomer(*c)))
}
