// Package smtpsend implements a sender that logs the recipient.
package smtpsend

import "log"

type Sender struct{ host string }

func New(host string) *Sender { return &Sender{host: host} }

func (s *Sender) Send(to string) error {
	log.Printf("sending to %s via %s", to, s.host)
	return nil
}

// Quiet sends without logging.
type Quiet struct{}

func (Quiet) Send(to string) error { return nil }
