// Package smtpcase mails customers.
package smtpcase

import (
	"crypto/tls"
	"fmt"
	"net/smtp"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func sendMail(c *Customer) {
	smtp.SendMail("mail.example.com:25", nil, "desk@example.com", []string{c.Email}, []byte("Dear "+c.Name)) // want `Customer.Email \(email\) is sent over SMTP without enforced TLS via smtp.SendMail` `Customer.Name \(name\) is sent over SMTP without enforced TLS via smtp.SendMail`
	smtp.SendMail("localhost:25", nil, "desk@example.com", []string{c.Email}, []byte("Dear "+c.Name))
}

func client(c *Customer) error {
	cl, err := smtp.Dial("mail.example.com:25")
	if err != nil {
		return err
	}
	cl.Mail("desk@example.com")
	cl.Rcpt(c.Email) // want `Customer.Email \(email\) is sent over SMTP without enforced TLS via \(\*smtp.Client\).Rcpt`
	auth := smtp.PlainAuth("", c.Email, "secret", "mail.example.com")
	cl.Auth(auth) // want `Customer.Email \(email\) is sent over SMTP without enforced TLS via \(\*smtp.Client\).Auth`
	w, err := cl.Data()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Dear %s,\n", c.Name) // want `Customer.Name \(name\) is sent over SMTP without enforced TLS via fmt.Fprintf`
	return w.Close()
}

func startTLS(c *Customer) error {
	cl, err := smtp.Dial("mail.example.com:587")
	if err != nil {
		return err
	}
	if err := cl.StartTLS(&tls.Config{ServerName: "mail.example.com"}); err != nil {
		return err
	}
	cl.Rcpt(c.Email)
	w, err := cl.Data()
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Dear %s,\n", c.Name)
	return w.Close()
}
