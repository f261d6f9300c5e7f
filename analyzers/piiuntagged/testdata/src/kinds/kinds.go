// Package kinds has one field of each kind, in each language.
package kinds

type Customer struct {
	Email          string  // want `Customer.Email looks like email but is not marked; add pii:"email"`
	PhoneNumber    string  // want `Customer.PhoneNumber looks like phone but is not marked; add pii:"phone"`
	FullName       string  // want `Customer.FullName looks like name but is not marked; add pii:"name"`
	Username       string  // want `Customer.Username looks like username but is not marked; add pii:"username"`
	StreetAddress  string  // want `Customer.StreetAddress looks like address but is not marked; add pii:"address"`
	BirthDate      string  // want `Customer.BirthDate looks like birthdate but is not marked; add pii:"birthdate"`
	SSN            string  // want `Customer.SSN looks like national_id but is not marked; add pii:"national_id"`
	PassportNumber string  // want `Customer.PassportNumber looks like passport but is not marked; add pii:"passport"`
	TaxID          string  // want `Customer.TaxID looks like tax_id but is not marked; add pii:"tax_id"`
	CardNumber     string  // want `Customer.CardNumber looks like card but is not marked; add pii:"card"`
	CVC            string  // want `Customer.CVC looks like cvv but is not marked; add pii:"cvv"`
	IBAN           string  // want `Customer.IBAN looks like bank_account but is not marked; add pii:"bank_account"`
	PasswordHash   []byte  // want `Customer.PasswordHash looks like password but is not marked; add pii:"password"`
	APIKey         string  // want `Customer.APIKey looks like token but is not marked; add pii:"token"`
	LastLoginIP    string  // want `Customer.LastLoginIP looks like ip but is not marked; add pii:"ip"`
	Latitude       float64 // want `Customer.Latitude looks like location but is not marked; add pii:"location"`
	Diagnosis      string  // want `Customer.Diagnosis looks like health but is not marked; add pii:"health"`
	Voiceprint     []byte  // want `Customer.Voiceprint looks like biometric but is not marked; add pii:"biometric"`
}

type Paciente struct {
	CorreoElectronico string // want `Paciente.CorreoElectronico looks like email but is not marked; add pii:"email"`
	Celular           string // want `Paciente.Celular looks like phone but is not marked; add pii:"phone"`
	Apellidos         string // want `Paciente.Apellidos looks like name but is not marked; add pii:"name"`
	Domicilio         string // want `Paciente.Domicilio looks like address but is not marked; add pii:"address"`
	FechaDeNacimiento string // want `Paciente.FechaDeNacimiento looks like birthdate but is not marked; add pii:"birthdate"`
	Cedula            string // want `Paciente.Cedula looks like national_id but is not marked; add pii:"national_id"`
	Pasaporte         string // want `Paciente.Pasaporte looks like passport but is not marked; add pii:"passport"`
	RFC               string // want `Paciente.RFC looks like tax_id but is not marked; add pii:"tax_id"`
	NumeroTarjeta     string // want `Paciente.NumeroTarjeta looks like card but is not marked; add pii:"card"`
	CLABE             string // want `Paciente.CLABE looks like bank_account but is not marked; add pii:"bank_account"`
	Clave             string // want `Paciente.Clave looks like password but is not marked; add pii:"password"`
	Ubicacion         string // want `Paciente.Ubicacion looks like location but is not marked; add pii:"location"`
	Diagnóstico       string // want `Paciente.Diagnóstico looks like health but is not marked; add pii:"health"`
	HuellaDactilar    []byte // want `Paciente.HuellaDactilar looks like biometric but is not marked; add pii:"biometric"`
}

type Pessoa struct {
	Telefone         string // want `Pessoa.Telefone looks like phone but is not marked; add pii:"phone"`
	NomeCompleto     string // want `Pessoa.NomeCompleto looks like name but is not marked; add pii:"name"`
	Endereço         string // want `Pessoa.Endereço looks like address but is not marked; add pii:"address"`
	DataNascimento   string // want `Pessoa.DataNascimento looks like birthdate but is not marked; add pii:"birthdate"`
	CPF              string // want `Pessoa.CPF looks like national_id but is not marked; add pii:"national_id"`
	Passaporte       string // want `Pessoa.Passaporte looks like passport but is not marked; add pii:"passport"`
	CNPJ             string // want `Pessoa.CNPJ looks like tax_id but is not marked; add pii:"tax_id"`
	Cartão           string // want `Pessoa.Cartão looks like card but is not marked; add pii:"card"`
	ContaBancaria    string // want `Pessoa.ContaBancaria looks like bank_account but is not marked; add pii:"bank_account"`
	Senha            string // want `Pessoa.Senha looks like password but is not marked; add pii:"password"`
	Localizacao      string // want `Pessoa.Localizacao looks like location but is not marked; add pii:"location"`
	ImpressaoDigital []byte // want `Pessoa.ImpressaoDigital looks like biometric but is not marked; add pii:"biometric"`
}

type Personne struct {
	Courriel              string // want `Personne.Courriel looks like email but is not marked; add pii:"email"`
	Téléphone             string // want `Personne.Téléphone looks like phone but is not marked; add pii:"phone"`
	Prénom                string // want `Personne.Prénom looks like name but is not marked; add pii:"name"`
	CodePostal            string // want `Personne.CodePostal looks like address but is not marked; add pii:"address"`
	DateDeNaissance       string // want `Personne.DateDeNaissance looks like birthdate but is not marked; add pii:"birthdate"`
	NumeroSecuriteSociale string // want `Personne.NumeroSecuriteSociale looks like national_id but is not marked; add pii:"national_id"`
	MotDePasse            string // want `Personne.MotDePasse looks like password but is not marked; add pii:"password"`
	CarteBancaire         string // want `Personne.CarteBancaire looks like card but is not marked; add pii:"card"`
	RIB                   string // want `Personne.RIB looks like bank_account but is not marked; add pii:"bank_account"`
}

type Kunde struct {
	EmailAdresse       string // want `Kunde.EmailAdresse looks like email but is not marked; add pii:"email"`
	Handynummer        string // want `Kunde.Handynummer looks like phone but is not marked; add pii:"phone"`
	Nachname           string // want `Kunde.Nachname looks like name but is not marked; add pii:"name"`
	Postleitzahl       string // want `Kunde.Postleitzahl looks like address but is not marked; add pii:"address"`
	Geburtstag         string // want `Kunde.Geburtstag looks like birthdate but is not marked; add pii:"birthdate"`
	Ausweisnummer      string // want `Kunde.Ausweisnummer looks like national_id but is not marked; add pii:"national_id"`
	Reisepass          string // want `Kunde.Reisepass looks like passport but is not marked; add pii:"passport"`
	Steuernummer       string // want `Kunde.Steuernummer looks like tax_id but is not marked; add pii:"tax_id"`
	Kreditkartennummer string // want `Kunde.Kreditkartennummer looks like card but is not marked; add pii:"card"`
	Kontonummer        string // want `Kunde.Kontonummer looks like bank_account but is not marked; add pii:"bank_account"`
	Kennwort           string // want `Kunde.Kennwort looks like password but is not marked; add pii:"password"`
	Standort           string // want `Kunde.Standort looks like location but is not marked; add pii:"location"`
	Krankheit          string // want `Kunde.Krankheit looks like health but is not marked; add pii:"health"`
	Fingerabdruck      []byte // want `Kunde.Fingerabdruck looks like biometric but is not marked; add pii:"biometric"`
}
