package guess

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	for name, want := range map[string][]string{
		"UserEMail":        {"user", "e", "mail"},
		"phone_no":         {"phone", "no"},
		"SSN":              {"ssn"},
		"SSNNumber":        {"ssn", "number"},
		"DOB":              {"dob"},
		"HTTPServerAddr":   {"http", "server", "addr"},
		"Teléfono":         {"telefono"},
		"Straße":           {"strasse"},
		"fecha_nacimiento": {"fecha", "nacimiento"},
		"e-mail":           {"e", "mail"},
		"CVV2":             {"cvv2"},
		"AddressLine1":     {"address", "line1"},
		"código postal":    {"codigo", "postal"},
	} {
		if got := Words(name); !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestField checks every language and kind with a positive case, and the
// negatives the issue lists; each case names what it checks.
func TestField(t *testing.T) {
	g := New(Options{})
	type want struct {
		kind      string
		confident bool
	}
	none := want{}
	for _, c := range []struct {
		f    Field
		want want
	}{
		// English, by name.
		{Field{"Customer", "Email", "string", ""}, want{"email", true}},
		{Field{"Account", "UserEMail", "string", ""}, want{"email", true}},
		{Field{"Customer", "EmailAddress", "*string", ""}, want{"email", true}},
		{Field{"Contact", "phone_no", "string", ""}, want{"phone", true}},
		{Field{"Contact", "PhoneNumber", "int64", ""}, want{"phone", true}},
		{Field{"Person", "SSN", "string", ""}, want{"national_id", true}},
		{Field{"Person", "DOB", "time.Time", ""}, want{"birthdate", true}},
		{Field{"Person", "DateOfBirth", "*time.Time", ""}, want{"birthdate", true}},
		{Field{"Person", "FirstName", "string", ""}, want{"name", true}},
		{Field{"Person", "PassportNumber", "string", ""}, want{"passport", true}},
		{Field{"Person", "TaxID", "string", ""}, want{"tax_id", true}},
		{Field{"Payment", "CardNumber", "string", ""}, want{"card", true}},
		{Field{"Payment", "CVV", "string", ""}, want{"cvv", true}},
		{Field{"Payout", "IBAN", "string", ""}, want{"bank_account", true}},
		{Field{"Login", "PasswordHash", "[]byte", ""}, want{"password", true}},
		{Field{"Client", "APIKey", "string", ""}, want{"token", true}},
		{Field{"Session", "RefreshToken", "string", ""}, want{"token", true}},
		{Field{"Session", "ClientIP", "string", ""}, want{"ip", true}},
		{Field{"Checkin", "Latitude", "float64", ""}, want{"location", true}},
		{Field{"Patient", "Diagnosis", "string", ""}, want{"health", true}},
		{Field{"Patient", "Allergies", "[]string", ""}, want{"health", true}},
		{Field{"Enrollment", "FaceEmbedding", "[]float32", ""}, want{"biometric", true}},
		{Field{"Customer", "Username", "string", ""}, want{"username", true}},
		{Field{"Customer", "PostalCode", "string", ""}, want{"address", true}},
		// Spanish.
		{Field{"Cliente", "Correo", "string", ""}, want{"email", true}},
		{Field{"Cliente", "Teléfono", "string", ""}, want{"phone", true}},
		{Field{"Cliente", "Móvil", "string", ""}, want{"phone", true}},
		{Field{"Cliente", "Nombre", "string", ""}, want{"name", true}},
		{Field{"Cliente", "Apellido", "string", ""}, want{"name", true}},
		{Field{"Cliente", "Dirección", "string", ""}, want{"address", true}},
		{Field{"Cliente", "Calle", "string", ""}, want{"address", true}},
		{Field{"Cliente", "CodigoPostal", "string", ""}, want{"address", true}},
		{Field{"Cliente", "FechaNacimiento", "time.Time", ""}, want{"birthdate", true}},
		{Field{"Cliente", "DNI", "string", ""}, want{"national_id", true}},
		{Field{"Cliente", "NIE", "string", ""}, want{"national_id", true}},
		{Field{"Cliente", "NIF", "string", ""}, want{"tax_id", true}},
		{Field{"Cliente", "CURP", "string", ""}, want{"national_id", true}},
		{Field{"Cliente", "RFC", "string", ""}, want{"tax_id", true}},
		{Field{"Cliente", "RUT", "string", ""}, want{"national_id", true}},
		{Field{"Cliente", "Cedula", "string", ""}, want{"national_id", true}},
		{Field{"Cliente", "CUIT", "string", ""}, want{"tax_id", true}},
		{Field{"Cliente", "Pasaporte", "string", ""}, want{"passport", true}},
		{Field{"Pago", "Tarjeta", "string", ""}, want{"card", true}},
		{Field{"Pago", "CBU", "string", ""}, want{"bank_account", true}},
		{Field{"Pago", "CLABE", "string", ""}, want{"bank_account", true}},
		{Field{"Pago", "Cuenta", "string", ""}, want{"bank_account", true}},
		{Field{"Usuario", "Contraseña", "string", ""}, want{"password", true}},
		{Field{"Paciente", "Diagnóstico", "string", ""}, want{"health", true}},
		{Field{"Paciente", "Alergias", "[]string", ""}, want{"health", true}},
		{Field{"Usuario", "Usuario", "string", ""}, want{"username", true}},
		// Portuguese.
		{Field{"Cliente", "Telefone", "string", ""}, want{"phone", true}},
		{Field{"Cliente", "Celular", "string", ""}, want{"phone", true}},
		{Field{"Cliente", "Nome", "string", ""}, want{"name", true}},
		{Field{"Cliente", "Sobrenome", "string", ""}, want{"name", true}},
		{Field{"Cliente", "Endereço", "string", ""}, want{"address", true}},
		{Field{"Cliente", "Rua", "string", ""}, want{"address", true}},
		{Field{"Cliente", "CEP", "string", ""}, want{"address", true}},
		{Field{"Cliente", "DataNascimento", "string", ""}, want{"birthdate", true}},
		{Field{"Cliente", "CPF", "string", ""}, want{"national_id", true}},
		{Field{"Empresa", "CNPJ", "string", ""}, want{"tax_id", true}},
		{Field{"Cliente", "Passaporte", "string", ""}, want{"passport", true}},
		{Field{"Pagamento", "Cartão", "string", ""}, want{"card", true}},
		{Field{"Pagamento", "Conta", "string", `json:"conta_bancaria"`}, want{"bank_account", true}},
		{Field{"Usuario", "Senha", "string", ""}, want{"password", true}},
		// French.
		{Field{"Client", "Courriel", "string", ""}, want{"email", true}},
		{Field{"Client", "Téléphone", "string", ""}, want{"phone", true}},
		{Field{"Client", "Prénom", "string", ""}, want{"name", true}},
		{Field{"Client", "Adresse", "string", ""}, want{"address", true}},
		{Field{"Client", "DateNaissance", "time.Time", ""}, want{"birthdate", true}},
		{Field{"Assure", "NIR", "string", ""}, want{"national_id", true}},
		{Field{"Assure", "NumeroINSEE", "string", ""}, want{"national_id", true}},
		{Field{"Compte", "MotDePasse", "string", ""}, want{"password", true}},
		// German.
		{Field{"Kunde", "Telefon", "string", ""}, want{"phone", true}},
		{Field{"Kunde", "Handy", "string", ""}, want{"phone", true}},
		{Field{"Kunde", "Vorname", "string", ""}, want{"name", true}},
		{Field{"Kunde", "Nachname", "string", ""}, want{"name", true}},
		{Field{"Kunde", "Anschrift", "string", ""}, want{"address", true}},
		{Field{"Kunde", "Straße", "string", ""}, want{"address", true}},
		{Field{"Kunde", "PLZ", "string", ""}, want{"address", true}},
		{Field{"Kunde", "Geburtsdatum", "time.Time", ""}, want{"birthdate", true}},
		{Field{"Kunde", "SteuerID", "string", ""}, want{"tax_id", true}},
		{Field{"Kunde", "Personalausweis", "string", ""}, want{"national_id", true}},
		{Field{"Kunde", "Passwort", "string", ""}, want{"password", true}},
		// Tags name the field when its name does not.
		{Field{"Row", "C1", "string", `json:"correo" db:"correo"`}, want{"email", true}},
		{Field{"Row", "Col", "string", `gorm:"column:phone_number;size:20"`}, want{"phone", true}},
		{Field{"Row", "X", "string", `bson:"ssn,omitempty"`}, want{"national_id", true}},
		// Types.
		{Field{"Server", "Listen", "net.IP", ""}, want{"ip", true}},
		{Field{"Event", "From", "netip.Addr", ""}, want{"ip", true}},
		{Field{"Message", "To", "*mail.Address", ""}, want{"email", true}},
		// Ambiguous words: confident in a person's struct or after a
		// person modifier, a guess without confidence elsewhere.
		{Field{"Customer", "Name", "string", ""}, want{"name", true}},
		{Field{"Paciente", "Name", "string", ""}, want{"name", true}},
		{Field{"Order", "CustomerName", "string", ""}, want{"name", true}},
		{Field{"Group", "Name", "string", ""}, want{"name", false}},
		{Field{"Customer", "Address", "string", ""}, want{"address", true}},
		{Field{"Order", "ContactAddress", "string", ""}, want{"address", true}},
		{Field{"Warehouse", "Address", "string", ""}, want{"address", false}},
		{Field{"Member", "Mail", "string", ""}, want{"email", true}},
		// Not personal data.
		{Field{"User", "EmailVerified", "bool", ""}, none},
		{Field{"User", "Email", "bool", ""}, none},
		{Field{"Settings", "EmailTemplateID", "string", ""}, none},
		{Field{"Stats", "PhoneCount", "int", ""}, none},
		{Field{"Pod", "Namespace", "string", ""}, none},
		{Field{"Upload", "FileName", "string", ""}, none},
		{Field{"Node", "HostName", "string", ""}, none},
		{Field{"Session", "TokenExpiry", "time.Time", ""}, none},
		{Field{"Config", "PasswordPolicy", "string", ""}, none},
		{Field{"Config", "MaxPasswordAge", "time.Duration", ""}, none},
		{Field{"Request", "UserAgent", "string", ""}, none},
		{Field{"Config", "ServerAddress", "string", ""}, none},
		{Field{"Plan", "Price", "float64", ""}, none},
		{Field{"User", "CreatedAt", "time.Time", ""}, none},
		{Field{"User", "Name", "time.Time", ""}, none},
		{Field{"User", "Password", "func() string", ""}, none},
		{Field{"User", "Email", "chan string", ""}, none},
		{Field{"Template", "Body", "string", `json:"body"`}, none},
		{Field{"Bucket", "Region", "string", ""}, want{"location", false}},
		{Field{"LDAPAttributes", "Email", "string", ""}, none},
		{Field{"Bot", "Username", "string", ""}, none},
		{Field{"Webhook", "Secret", "string", ""}, want{"token", true}},
		{Field{"User", "Session", "*Session", ""}, none},
		{Field{"Issuer", "PrivateKey", "*rsa.PrivateKey", ""}, want{"token", true}},
		{Field{"Message", "From", "string", ""}, want{"email", true}},
		{Field{"Route", "From", "string", ""}, want{"email", false}},
		{Field{"OAuthCallback", "Code", "string", ""}, want{"token", true}},
		{Field{"Country", "Code", "string", ""}, want{"token", false}},
	} {
		got, ok := g.Field(c.f)
		gw := want{}
		if ok {
			gw = want{got.Kind, got.Confident}
		}
		if gw != c.want {
			t.Errorf("%s.%s %s `%s`: got %+v (%s), want %+v", c.f.Struct, c.f.Name, c.f.Type, c.f.Tag, gw, got.Reason, c.want)
		}
	}
}

func TestOptions(t *testing.T) {
	g := New(Options{
		Words:  map[string][]string{"national_id": {"Kundennummer"}, "email": {"e-post"}},
		Ignore: []string{"Email", "Audit.Phone"},
	})
	for _, c := range []struct {
		f    Field
		kind string
	}{
		{Field{"Kunde", "Kundennummer", "string", ""}, "national_id"},
		{Field{"Kunde", "EPost", "string", ""}, "email"},
		{Field{"Customer", "Email", "string", ""}, ""},
		{Field{"Audit", "Phone", "string", ""}, ""},
		{Field{"Customer", "Phone", "string", ""}, "phone"},
	} {
		got, ok := g.Field(c.f)
		if !ok {
			got.Kind = ""
		}
		if got.Kind != c.kind {
			t.Errorf("%s.%s: got %q, want %q", c.f.Struct, c.f.Name, got.Kind, c.kind)
		}
	}
}
