package logfcase

import (
	"github.com/zerodha/logf"
)

type Contact struct {
	ID    int64
	Email string `pii:"email"`
}

type Notifier struct{ lo logf.Logger }

// send says to whom it failed to deliver: the address reaches the log,
// reported where it is read.
func (n *Notifier) send(email string, err error) {
	n.lo.Error("error sending email", "email", email, "error", err)
}

func (n *Notifier) Notify(c *Contact, err error) {
	n.send(c.Email, err) // want `Contact.Email \(email\) reaches log output via \(\*logfcase.Notifier\).send → \(logf.Logger\).Error`
	n.lo.Info("notified", "contact_id", c.ID)
	n.lo.Debug("notify " + c.Email) // want `Contact.Email \(email\) reaches log output via \(logf.Logger\).Debug`
}
