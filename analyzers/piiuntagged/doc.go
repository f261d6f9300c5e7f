// Package piiuntagged defines an Analyzer that reports struct fields that
// look like personal data but are not marked.
//
// # Analyzer piiuntagged
//
// piiuntagged: fields that look like PII but are not marked
//
// piilint only knows the personal data that is marked. piiuntagged finds
// the fields nobody marked: from the field's name (camelCase, snake_case,
// acronyms: UserEMail, phone_no, SSN, DOB), its json, db, gorm, bson, xml
// and similar tag names, its type (net.IP and netip.Addr are IP
// addresses, mail.Address an email address, time.Time only a birth date)
// and the struct it sits in (a Name is a person's in Customer, User,
// Contact, Patient, Cliente, Usuario, Kunde…, not in Group or Bucket), in
// English, Spanish, Portuguese, French and German: correo, teléfono,
// telefone, Vorname, dirección, endereço, Anschrift, fecha_nacimiento,
// SSN, DNI, NIE, NIF, CPF, CNPJ, CURP, RFC, RUT, cédula, CUIT, NIR,
// Steuer-ID, passport, IBAN, CBU, CLABE, contraseña, senha, mot de passe,
// Passwort, tokens and API keys, IP addresses, coordinates, diagnoses,
// allergies and biometrics.
//
// Each finding names the kind it guesses and offers a fix that adds the
// tag, merged into the field's tag (json:"email" pii:"email"). A field of
// a generated file gets no fix: the message names the .piilint.yml fields
// entry to add instead. A field marked in any way (a pii or alias tag, a
// directive, a configured field, pii:"-" for a field that is not personal
// data) is never reported, nor one whose type is marked.
//
// A field whose name alone is ambiguous (Name, Address, Mail outside a
// struct that holds a person) is reported only with -piiuntagged.all.
//
// piiuntagged is off by default: piilint -piiuntagged ./... turns it on,
// and piilint -piiuntagged -fix ./... adds every tag it suggests. Under
// go vet, pass -piiuntagged.on (and -piiuntagged.all).
//
// # Examples
//
//	type Customer struct {
//		Email    string `json:"email"` // Customer.Email looks like email but is not marked; add pii:"email"
//		Teléfono string                // Customer.Teléfono looks like phone but is not marked; add pii:"phone"
//		EmailVerified bool             // fine: a bool holds no personal data
//		Plan     string `pii:"-"`      // fine: marked as not personal data
//	}
package piiuntagged
