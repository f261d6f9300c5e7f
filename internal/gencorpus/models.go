package main

import (
	"strings"
	"text/template"
)

// model is a model package: plain data types whose personal fields carry
// pii tags. Layered packages reach their fields through the paths listed
// in types.
type model struct {
	name    string
	imports []*model
	text    *template.Template
	types   []*modelType
	pkg     *pkg
}

// modelType describes one struct type of a model package for the
// snippets that use it.
type modelType struct {
	model *model
	name  string  // type name, e.g. Customer
	v     string  // conventional variable name, e.g. c
	pii   []field // string-valued personal fields
	plain []field // fields that are not personal data
}

// field is a selector path below a value of a model type.
type field struct {
	path string // e.g. Card.Number
	kind string // pii kind, or "" for a plain field
	verb string // printf verb for the field's type
}

// qual is the type name qualified by its package, e.g. core.Customer.
func (t *modelType) qual() string { return t.model.name + "." + t.name }

func (f field) label() string {
	if f.kind != "" {
		return strings.ReplaceAll(f.kind, "_", " ")
	}
	return strings.ToLower(strings.ReplaceAll(f.path, ".", " "))
}

// modelsFor returns the model packages of a corpus of n packages: core
// always, and up to three more that build on it when n leaves room.
func modelsFor(n int) []*model {
	core := &model{name: "core", text: coreText, types: nil}
	core.types = []*modelType{{
		model: core, name: "Customer", v: "c",
		pii: []field{
			{"Email", "email", "%s"}, {"Name", "name", "%s"}, {"Phone", "phone", "%s"},
			{"NationalID", "national_id", "%s"}, {"Password", "password", "%s"},
			{"Address.Street", "address", "%s"}, {"Card.Number", "card", "%s"},
			{"Card.CVV", "cvv", "%s"}, {"Manager.Email", "email", "%s"},
		},
		plain: []field{
			{"ID", "", "%d"}, {"Status", "", "%s"}, {"CreatedAt", "", "%s"},
			{"Address.City", "", "%s"}, {"Address.Country", "", "%s"}, {"Card.Expiry", "", "%s"},
		},
	}}
	models := []*model{core}
	if n < 10 {
		return models
	}
	billing := &model{name: "billing", imports: []*model{core}, text: billingText}
	billing.types = []*modelType{{
		model: billing, name: "Invoice", v: "inv",
		pii: []field{
			{"BillingEmail", "email", "%s"}, {"Customer.Email", "email", "%s"},
			{"Customer.Name", "name", "%s"}, {"Payment.CardNumber", "card", "%s"},
			{"Payment.CVV", "cvv", "%s"}, {"Payment.Holder", "name", "%s"},
		},
		plain: []field{
			{"ID", "", "%d"}, {"Status", "", "%s"}, {"Currency", "", "%s"},
			{"Amount", "", "%d"}, {"IssuedAt", "", "%s"},
		},
	}, {
		model: billing, name: "Payment", v: "pay",
		pii: []field{
			{"CardNumber", "card", "%s"}, {"CVV", "cvv", "%s"}, {"Holder", "name", "%s"},
		},
		plain: []field{{"ID", "", "%d"}, {"Status", "", "%s"}, {"Amount", "", "%d"}},
	}}
	models = append(models, billing)
	if n < 40 {
		return models
	}
	identity := &model{name: "identity", imports: []*model{core}, text: identityText}
	identity.types = []*modelType{{
		model: identity, name: "Identity", v: "id",
		pii: []field{
			{"NationalID", "national_id", "%s"}, {"Credentials.Password", "password", "%s"},
			{"Credentials.Username", "username", "%s"}, {"Holder.Email", "email", "%s"},
			{"Holder.Phone", "phone", "%s"},
		},
		plain: []field{
			{"ID", "", "%d"}, {"Status", "", "%s"}, {"VerifiedAt", "", "%s"},
			{"Credentials.LastLogin", "", "%s"},
		},
	}}
	support := &model{name: "support", imports: []*model{core, billing}, text: supportText}
	support.types = []*modelType{{
		model: support, name: "Ticket", v: "t",
		pii: []field{
			{"Reporter.Email", "email", "%s"}, {"Reporter.Name", "name", "%s"},
			{"CallbackPhone", "phone", "%s"}, {"Invoice.BillingEmail", "email", "%s"},
		},
		plain: []field{
			{"ID", "", "%d"}, {"Status", "", "%s"}, {"Priority", "", "%d"},
			{"Subject", "", "%s"}, {"CreatedAt", "", "%s"},
		},
	}}
	return append(models, identity, support)
}

// source renders the model package.
func (m *model) source() string {
	return render(m.text, map[string]any{"Module": modulePath})
}

var coreText = mustTemplate("core", `// Package core holds the customer record shared by every service.
package core

import (
	"fmt"
	"strings"
	"time"
)

// Address is a postal address.
type Address struct {
	Street  string `+"`json:\"street\" pii:\"address\"`"+`
	City    string `+"`json:\"city\"`"+`
	Country string `+"`json:\"country\"`"+`
}

// PaymentCard is a stored payment card.
type PaymentCard struct {
	Number string `+"`json:\"number\" pii:\"card\"`"+`
	CVV    string `+"`json:\"-\" pii:\"cvv\"`"+`
	Expiry string `+"`json:\"expiry\"`"+`
}

// Customer is a person the company does business with.
type Customer struct {
	ID         int64     `+"`json:\"id\"`"+`
	CreatedAt  time.Time `+"`json:\"created_at\"`"+`
	Status     string    `+"`json:\"status\"`"+`
	Name       string    `+"`json:\"name\" pii:\"name\"`"+`
	Email      string    `+"`json:\"email\" pii:\"email\"`"+`
	Phone      string    `+"`json:\"phone\" pii:\"phone\"`"+`
	NationalID string    `+"`json:\"national_id\" pii:\"national_id\"`"+`
	Password   string    `+"`json:\"-\" pii:\"password\"`"+`
	Address    Address   `+"`json:\"address\"`"+`
	Card       *PaymentCard `+"`json:\"card,omitempty\"`"+`
	Manager    *Customer `+"`json:\"-\"`"+`
	Tags       []string  `+"`json:\"tags\"`"+`
}

// Segment is a named group of customers.
type Segment struct {
	Name    string
	Members []*Customer
}

// Contact returns the address used to reach the customer.
func (c *Customer) Contact() string { return c.Email }

// DisplayName returns the name shown in greetings.
func (c *Customer) DisplayName() string { return c.Name }

// Active reports whether the customer may be contacted.
func (c *Customer) Active() bool { return c.Status == "active" }

// String identifies the customer without personal data.
func (c *Customer) String() string { return fmt.Sprintf("customer#%d", c.ID) }

// Emails returns the e-mail addresses of the segment's members.
func (s *Segment) Emails() []string {
	out := make([]string, 0, len(s.Members))
	for _, c := range s.Members {
		out = append(out, c.Email)
	}
	return out
}

// MaskEmail keeps the first letter and the domain of an e-mail address.
//
//pii:sanitizer
func MaskEmail(s string) string {
	at := strings.LastIndexByte(s, '@')
	if at <= 0 {
		return "***"
	}
	return s[:1] + "***" + s[at:]
}

// MaskCard keeps the last four digits of a card number.
//
//pii:sanitizer
func MaskCard(s string) string {
	if len(s) <= 4 {
		return "****"
	}
	return strings.Repeat("*", len(s)-4) + s[len(s)-4:]
}

// New returns an active customer created now.
func New(id int64, name, email string) *Customer {
	return &Customer{ID: id, CreatedAt: time.Now(), Status: "active", Name: name, Email: email}
}
`)

var billingText = mustTemplate("billing", `// Package billing holds invoices and payments.
package billing

import (
	"time"

	"{{.Module}}/model/core"
)

// Payment is one card payment.
type Payment struct {
	ID         int64
	CreatedAt  time.Time
	Status     string
	Amount     int64
	Holder     string `+"`pii:\"name\"`"+`
	CardNumber string `+"`pii:\"card\"`"+`
	CVV        string `+"`pii:\"cvv\"`"+`
}

// Line is one line of an invoice.
type Line struct {
	SKU      string
	Quantity int
	Price    int64
}

// Invoice is a bill sent to a customer.
type Invoice struct {
	ID           int64
	IssuedAt     time.Time
	Status       string
	Currency     string
	Amount       int64
	Customer     *core.Customer
	BillingEmail string `+"`pii:\"email\"`"+`
	Payment      *Payment
	Lines        []Line
}

// Total sums the invoice lines.
func (inv *Invoice) Total() int64 {
	var sum int64
	for _, l := range inv.Lines {
		sum += int64(l.Quantity) * l.Price
	}
	return sum
}

// PayerEmail returns where the invoice is sent.
func (inv *Invoice) PayerEmail() string {
	if inv.Customer == nil {
		return inv.BillingEmail
	}
	return inv.Customer.Email
}
`)

var identityText = mustTemplate("identity", `// Package identity holds login credentials and identity documents.
package identity

import (
	"time"

	"{{.Module}}/model/core"
)

// Credentials are what a customer logs in with.
type Credentials struct {
	Username  string `+"`pii:\"username\"`"+`
	Password  string `+"`pii:\"password\"`"+`
	LastLogin time.Time
}

// Identity ties a verified identity document to a customer.
type Identity struct {
	ID          int64
	Status      string
	VerifiedAt  time.Time
	NationalID  string `+"`pii:\"national_id\"`"+`
	Holder      *core.Customer
	Credentials Credentials
}

// Verified reports whether the identity has been checked.
func (id *Identity) Verified() bool { return !id.VerifiedAt.IsZero() }
`)

var supportText = mustTemplate("support", `// Package support holds customer support tickets.
package support

import (
	"time"

	"{{.Module}}/model/billing"
	"{{.Module}}/model/core"
)

// Note is a comment on a ticket.
type Note struct {
	Author string `+"`pii:\"name\"`"+`
	Body   string
	At     time.Time
}

// Ticket is a support request.
type Ticket struct {
	ID            int64
	CreatedAt     time.Time
	Status        string
	Priority      int
	Subject       string
	Reporter      core.Customer
	CallbackPhone string `+"`pii:\"phone\"`"+`
	Invoice       *billing.Invoice
	Notes         []Note
}

// Open reports whether the ticket still needs work.
func (t *Ticket) Open() bool { return t.Status != "closed" }
`)
