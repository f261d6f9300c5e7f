package guess

// The vocabulary: a name's head (its last words, joined, after trailing
// qualifiers are dropped) to the kind it is. Words are lowercase ASCII
// with accents removed, in English, Spanish, Portuguese, French and
// German.
var vocabulary = build(map[string][]string{
	"secret": {
		"dsn", "datasource", "connectionstring", "connstring", "databaseurl",
	},
	"email": {
		"replyto", "replytoaddress", "replytoemail",
		"email", "emails", "emailaddr", "mailaddress", "mailaddr", "useremail", "correo", "correoelectronico",
		"courriel", "adresseemail", "emailadresse", "mailadresse", "emailcontato", "emailcontacto",
	},
	"phone": {
		"phone", "phones", "telephone", "tel", "mobile", "mobilephone", "cellphone", "cellular",
		"msisdn", "fax", "whatsapp", "telefono", "telefone", "telefon", "celular", "movil", "handy",
		"handynummer", "telefonnummer", "portable", "numerotelephone", "numerodetelephone",
	},
	"name": {
		"author", "authorname",
		"firstname", "lastname", "fullname", "givenname", "familyname", "surname", "surnames", "middlename",
		"maidenname", "realname", "legalname", "nickname", "personname", "contactname", "customername",
		"nombre", "nombres", "apellido", "apellidos", "nombrecompleto", "primernombre", "segundonombre",
		"nome", "nomecompleto", "sobrenome", "prenom", "nomdefamille", "nomcomplet", "vorname", "nachname",
		"familienname", "vollername",
	},
	"username": {
		"user", "usernames", "basicauthuser", "bindusername", "binduser",
		"username", "userlogin", "loginname", "login", "screenname", "nombreusuario", "nomeusuario",
		"nomutilisateur", "benutzername", "usuario",
	},
	"address": {
		"street", "streetaddress", "addressline", "homeaddress", "postaladdress", "mailingaddress",
		"billingaddress", "shippingaddress", "residentialaddress", "postalcode", "zipcode", "zip", "postcode",
		"direccion", "domicilio", "calle", "codigopostal", "rua", "endereco", "logradouro", "cep", "adresse",
		"adressepostale", "codepostal", "anschrift", "strasse", "wohnort", "plz", "postleitzahl",
	},
	"birthdate": {
		"birthdate", "dateofbirth", "birthday", "dob", "bday", "borndate", "birthdt",
		"fechanacimiento", "fechadenacimiento", "nacimiento", "datanascimento", "datadenascimento",
		"nascimento", "datenaissance", "datedenaissance", "geburtsdatum", "geburtstag",
	},
	"national_id": {
		"ssn", "socialsecuritynumber", "socialsecurity", "nationalid", "nationalidentifier",
		"nationalidnumber", "nin", "nino", "dni", "nie", "cpf", "curp", "rut", "cedula",
		"numerocedula", "cuil", "nir", "insee", "numerosecuritesociale", "personalausweis",
		"ausweisnummer", "personalausweisnummer", "aadhaar", "pesel", "bsn", "documentonacional",
		"identitynumber", "idcardnumber", "idnumber", "numerodocumento", "documentnumber",
	},
	"passport": {
		"passport", "passportnumber", "passportid", "pasaporte", "passaporte", "reisepass", "reisepassnummer",
	},
	"tax_id": {
		"taxid", "tin", "taxnumber", "taxidentifier", "nif", "rfc", "cuit", "cnpj", "steuerid",
		"steueridentifikationsnummer", "steuernummer", "itin", "codicefiscale", "numerofiscal",
	},
	"card": {
		"cardnumber", "creditcard", "creditcardnumber", "debitcard", "ccnumber", "pan", "cardno", "cardnum",
		"primaryaccountnumber", "tarjeta", "numerotarjeta", "tarjetacredito", "tarjetadecredito", "cartao",
		"numerocartao", "cartaodecredito", "kartennummer", "kreditkarte", "kreditkartennummer", "cartebancaire",
	},
	"cvv": {
		"cvv", "cvc", "cvv2", "cvc2", "cardsecuritycode", "securitycode", "cardcvv", "cardcvc",
		"codigoseguridad", "codigodeseguranca", "pruefnummer",
	},
	"bank_account": {
		"iban", "bankaccount", "bankaccountnumber", "accountnumber", "cbu", "clabe", "cuentabancaria",
		"numerocuenta", "cuenta", "contabancaria", "numeroconta", "kontonummer", "bankkonto", "rib",
	},
	"password": {
		"password", "passwd", "pwd", "passphrase", "userpassword", "hashedpassword", "encryptedpassword",
		"contrasena", "clave", "senha", "motdepasse", "mdp", "passwort", "kennwort",
	},
	"token": {
		"jwk", "jwks", "jsonwebkey", "jsonwebkeys",
		"passcode", "csrf", "codeverifier", "twofakey", "mfakey", "otpkey", "totpkey", "encryptkey", "accesskeyid", "sharecode",
		"token", "tokens", "accesstoken", "refreshtoken", "idtoken", "authtoken", "sessiontoken", "bearertoken",
		"apikey", "apitoken", "apisecret", "secretkey", "privatekey", "clientsecret", "sessionkey",
		"otpsecret", "totpsecret", "mfasecret", "totp", "otp", "recoverycode", "recoverycodes", "backupcodes",
		"jwt", "signingkey", "encryptionkey", "webhooksecret", "secret", "secrets", "accesskey", "secretaccesskey",
		"authkey", "authorization", "credentials", "credential", "cookie", "csrftoken", "resettoken",
		"verificationtoken", "invitetoken",
	},
	"ip": {
		"remoteaddr", "remoteaddress", "clientaddr", "clientaddress",
		"ip", "ipaddress", "ipaddr", "ips", "remoteip", "clientip", "userip", "ipv4", "ipv6", "lastip",
		"lastloginip", "sourceip", "originip", "direccionip", "enderecoip", "adresseip",
	},
	"location": {
		"altitude", "elevation",
		"latitude", "longitude", "lat", "lng", "lon", "geo", "geolocation", "geopoint", "coordinates",
		"coords", "gps", "latlng", "latlon", "ubicacion", "localizacao", "geolocalizacion", "standort",
	},
	"health": {
		"diagnosis", "diagnoses", "diagnostico", "diagnostic", "allergies", "allergy", "alergias", "alergia",
		"allergien", "medication", "medications", "medicamentos", "medicalrecord", "medicalhistory",
		"historiaclinica", "prontuario", "bloodtype", "grupossanguineo", "tiposanguineo", "disability",
		"disabilities", "symptoms", "sintomas", "prescription", "receta", "healthrecord", "healthdata",
		"illness", "enfermedad", "doenca", "krankheit", "vaccination", "vacunas", "pregnancy", "embarazo",
	},
	"biometric": {
		"biometric", "biometrics", "biometria", "faceprint", "faceid", "faceembedding", "faceimage",
		"retina", "retinascan", "iris", "irisscan", "voiceprint", "palmprint", "fingerprintimage",
		"fingerprinttemplate", "huelladactilar", "impressaodigital", "empreintedigitale", "fingerabdruck",
	},
})

// ambiguous are heads that are personal data only in a struct that holds
// a person or after a person modifier (CustomerName, ContactAddress): a
// Group's Name, a server's Address, an order's Number are not.
var ambiguous = build(map[string][]string{
	"name":        {"name", "displayname", "nom"},
	"address":     {"address", "addr", "city", "ciudad", "cidade", "ville", "stadt"},
	"location":    {"location", "country", "region", "locality", "province", "provincia", "estado", "pais", "pays", "land", "bundesland"},
	"token":       {"code"},
	"email":       {"mail", "from", "to", "sender", "recipient", "recipients", "cc", "bcc"},
	"national_id": {"document", "documento", "identification", "identificacion"},
	"phone":       {"cell"},
})

// qualifiers are trailing words that keep the kind of the words before
// them: EmailAddress, PhoneNumber, PasswordHash, Address1.
var qualifiers = map[string]bool{
	"address": true, "addr": true, "number": true, "no": true, "num": true, "nr": true, "nro": true,
	"hash": true, "hashed": true, "digest": true, "encrypted": true, "enc": true, "plain": true, "raw": true,
	"value": true, "str": true, "string": true, "text": true, "1": true, "2": true, "line1": true, "line2": true,
	"list": true, "extension": true, "ext": true, "country": true, "code": true, "meters": true, "km": true,
	"degrees": true, "deg": true, "replicas": true, "replica": true,
	"numero": true, "nummer": true, "completo": true, "e164": true,
}

// personWords are words of a struct's name that make it hold a person,
// and modifiers that make an ambiguous word a person's (CustomerName).
var personWords = setOf(
	"customer", "customers", "user", "users", "person", "people", "contact", "contacts", "patient", "patients",
	"employee", "employees", "member", "members", "subscriber", "subscribers", "client", "clients",
	"account", "accounts", "profile", "profiles", "owner", "author", "recipient", "sender", "applicant",
	"student", "teacher", "guest", "visitor", "buyer", "seller", "lead", "leads", "candidate",
	"citizen", "resident", "tenant", "passenger", "traveler", "holder", "cardholder", "billing", "shipping",
	"signup", "registration", "identity", "claims", "claim", "userinfo", "hit", "hits", "visit", "visits", "pageview", "agent", "staff", "admin", "volunteer", "donor", "beneficiary",
	"cliente", "clientes", "usuario", "usuarios", "persona", "personas", "contacto", "paciente", "pacientes",
	"empleado", "empleados", "miembro", "socio", "alumno", "estudiante", "pessoa", "contato", "funcionario",
	"aluno", "utilisateur", "personne", "employe", "adherent", "kunde", "kunden", "benutzer", "nutzer",
	"mitarbeiter", "mitglied", "patient",
)

// nameModifiers make an ambiguous word a person's: FirstName is in the
// vocabulary, but so are Given + Name and Legal + Address.
var nameModifiers = setOf(
	"first", "last", "full", "given", "family", "middle", "nick", "real", "legal", "maiden", "display",
	"home", "postal", "mailing", "billing", "shipping", "street", "residential", "personal", "contact",
	"mobile", "phone", "work",
)

func build(m map[string][]string) map[string]string {
	out := make(map[string]string)
	for kind, words := range m {
		for _, w := range words {
			out[w] = kind
		}
	}
	return out
}

func setOf(words ...string) map[string]bool {
	out := make(map[string]bool, len(words))
	for _, w := range words {
		out[w] = true
	}
	return out
}

// notPersonWords are words of a struct's name that make it hold no
// person's data even when another word says otherwise (IdentityProvider,
// UserSettings), and whose fields named like personal data hold the names
// of attributes or a machine's identity (LDAPAttributes.Email is the
// attribute's name; a Bot's or a Webhook's Username is not a person's).
var notPersonWords = setOf(
	"attribute", "attributes", "mapping", "mappings", "columns", "schema", "provider", "providers",
	"bot", "bots", "webhook", "webhooks", "command", "commands", "plugin", "plugins", "template", "templates",
)

// contexts are words of a struct's name that make an ambiguous word of a
// kind confident: a Code in an OAuth or one-time-code struct is a
// credential, a From in a Message an email address.
var contexts = map[string]map[string]bool{
	"token": setOf("auth", "oauth", "oauth2", "otp", "totp", "mfa", "onetime", "callback", "login", "authorization",
		"verification", "invite", "invitation", "reset", "twofa"),
	"email": setOf("message", "messages", "mail", "email", "inbox", "smtp", "envelope", "notification", "newsletter", "campaign"),
}
