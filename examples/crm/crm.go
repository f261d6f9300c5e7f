// Package crm is a small support-desk model used as the piilint quick start:
// it holds customer records, payment cards and tickets, and logs what the
// desk does with them. Some of those log lines and exports leak personal
// data; run
//
//	piilint ./examples/crm
//
// from the repository root to see them reported.
package crm

import (
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"log/slog"
	"strconv"
	"strings"
)

// Customer is a person who contacts the support desk.
type Customer struct {
	ID         int64
	Name       string `json:"name" pii:"name"`
	Email      string `json:"email" pii:"email"`
	Phone      string `json:"phone" pii:"phone"`
	NationalID string `json:"national_id" pii:"national_id"`
	Tier       string `json:"tier"`
}

// PaymentCard is the card a customer pays with.
type PaymentCard struct {
	Number string `pii:"card"`
	CVV    string `pii:"cvv"`
	Expiry string
}

// Ticket is a support request.
type Ticket struct {
	ID       int64
	Customer *Customer
	Subject  string
	Status   string
}

// MaskEmail keeps the first letter of the mailbox and the domain:
// "ann@example.com" becomes "a***@example.com".
//
//pii:sanitizer
func MaskEmail(email string) string {
	at := strings.IndexByte(email, '@')
	if at < 1 {
		return "***"
	}
	return email[:1] + "***" + email[at:]
}

// logf is the desk's logging helper.
func logf(format string, args ...any) {
	log.Printf("crm: "+format, args...)
}

// Open registers a new ticket for a customer.
func Open(c *Customer, subject string) *Ticket {
	t := &Ticket{ID: nextID(), Customer: c, Subject: subject, Status: "open"}
	log.Printf("ticket %d opened by %s", t.ID, c.Email) // leak: the customer's email address goes to the log
	return t
}

// Reply answers a ticket by email.
func Reply(t *Ticket, text string) {
	c := t.Customer
	outbox = append(outbox, message{to: c.Email, body: "Re: " + t.Subject + "\n\n" + text})
	log.Printf("reply to ticket %d sent to %s", t.ID, MaskEmail(c.Email)) // safe: only the masked address is logged
}

// Refund pays a ticket's amount back to the customer's card.
func Refund(t *Ticket, card PaymentCard, cents int64) {
	if err := chargeBack(card.Number, cents); err != nil {
		slog.Error("refund failed", "ticket", t.ID, "card", card.Number, "err", err) // leak: the full card number goes to the structured log
		return
	}
	slog.Info("refund issued", "ticket", t.ID, "cents", cents) // safe: identifiers and amounts only
}

// Escalate hands a ticket to the second support line.
func Escalate(t *Ticket) {
	fmt.Println("escalating ticket", t.ID, "for", *t.Customer) // leak: printing the whole customer record prints every personal field in it
}

// Notify texts the customer that the ticket changed.
func Notify(t *Ticket) {
	c := t.Customer
	if err := sendSMS(c.Phone, "ticket "+t.Status); err != nil {
		log.Printf("notify customer %d: %v", c.ID, err) // leak: the error message contains the phone number it failed to reach
	}
}

// VerifyIdentity records that an agent checked the customer's identity
// document.
func VerifyIdentity(c *Customer) {
	logf("identity of customer %d verified with document %s", c.ID, c.NationalID) // leak: logf forwards to log.Printf, so the national ID number is logged
}

// ExportTiers writes the customer tiers for the sales team, as CSV.
func ExportTiers(w io.Writer, cs []Customer) error {
	cw := csv.NewWriter(w)
	for _, c := range cs {
		row := []string{strconv.FormatInt(c.ID, 10), c.Tier, c.Email}
		if err := cw.Write(row); err != nil { // leak: the email addresses end up in a spreadsheet that leaves the building
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// message is an outgoing email or text message.
type message struct{ to, body string }

// outbox holds the messages waiting for delivery.
var outbox []message

func sendSMS(phone, text string) error {
	if !strings.HasPrefix(phone, "+") {
		return fmt.Errorf("sms to %s: number is not in international format", phone)
	}
	outbox = append(outbox, message{to: phone, body: text})
	return nil
}

func chargeBack(cardNumber string, cents int64) error {
	if len(cardNumber) < 12 || cents <= 0 {
		return fmt.Errorf("charge back of %d cents rejected", cents)
	}
	return nil
}

var lastID int64

func nextID() int64 {
	lastID++
	return lastID
}
