package untagged

import (
	"net"
	"net/mail"
	"time"
)

type Customer struct {
	ID            int64
	Email         string    `json:"email"` // want `Customer.Email looks like email but is not marked; add pii:"email"`
	Name          string    // want `Customer.Name looks like name but is not marked; add pii:"name"`
	Phone         string    `json:"phone" db:"phone"` // want `Customer.Phone looks like phone but is not marked; add pii:"phone"`
	SSN           string    `json:"-"`                // want `Customer.SSN looks like national_id but is not marked; add pii:"national_id"`
	DOB           time.Time // want `Customer.DOB looks like birthdate but is not marked; add pii:"birthdate"`
	LastIP        net.IP    // want `Customer.LastIP looks like ip but is not marked; add pii:"ip"`
	EmailVerified bool
	PhoneCount    int
	CreatedAt     time.Time
	Tagged        string `pii:"email"`
	Alias         string `json:"a" pii:"phone"`
	NotPII        string `pii:"-"`
	Plan          string
	Address       struct { // a nested struct: its fields are reported
		Street string // want `Customer.Address.Street looks like address but is not marked; add pii:"address"`
		Zip    string // want `Customer.Address.Zip looks like address but is not marked; add pii:"address"`
	}
}

// Cliente is Spanish.
type Cliente struct {
	Correo          string // want `Cliente.Correo looks like email but is not marked; add pii:"email"`
	Teléfono        string // want `Cliente.Teléfono looks like phone but is not marked; add pii:"phone"`
	Nombre          string // want `Cliente.Nombre looks like name but is not marked; add pii:"name"`
	FechaNacimiento string // want `Cliente.FechaNacimiento looks like birthdate but is not marked; add pii:"birthdate"`
	Contraseña      string // want `Cliente.Contraseña looks like password but is not marked; add pii:"password"`
	Tarjeta         string // want `Cliente.Tarjeta looks like card but is not marked; add pii:"card"`
}

// Kunde is German; Usuario Portuguese; Client French.
type Kunde struct {
	Vorname   string // want `Kunde.Vorname looks like name but is not marked; add pii:"name"`
	Anschrift string // want `Kunde.Anschrift looks like address but is not marked; add pii:"address"`
}

type Usuario struct {
	Senha string // want `Usuario.Senha looks like password but is not marked; add pii:"password"`
	CPF   string // want `Usuario.CPF looks like national_id but is not marked; add pii:"national_id"`
}

type Client struct {
	Courriel string // want `Client.Courriel looks like email but is not marked; add pii:"email"`
}

// Group's Name is ambiguous: reported only with -piiuntagged.all.
type Group struct {
	Name     string
	FileName string
	HostName string
}

type Session struct {
	Token       string // want `Session.Token looks like token but is not marked; add pii:"token"`
	TokenExpiry time.Time
	UserAgent   string
	From        mail.Address // want `Session.From looks like email but is not marked; add pii:"email"`
	Callback    func(string)
}

// Policy holds no personal data.
type Policy struct {
	PasswordPolicy  string
	MaxPasswordAge  time.Duration
	EmailTemplateID string
	Namespace       string
}

// Marked types: a field of a marked type is marked.
//
//pii:email
type EmailAddr string

type Contact struct {
	Primary EmailAddr
	Emails  []EmailAddr
	Mail    string //piilint:ignore piiuntagged the contact's mailbox name, not an address
}

// Two names share one tag: no fix.
type pair struct {
	FirstName, LastName string // want `pair.FirstName looks like name but is not marked; add pii:"name"` `pair.LastName looks like name but is not marked; add pii:"name"`
}
