package inventory

// categories maps the built-in kinds to data categories of the Fides
// taxonomy (fideslang v2): what a privacy team's records of processing
// and a Fides dataset call them.
var categories = map[string]string{
	"name":         "user.name",
	"email":        "user.contact.email",
	"phone":        "user.contact.phone_number",
	"address":      "user.contact.address",
	"birthdate":    "user.demographic.date_of_birth",
	"national_id":  "user.government_id.national_identification_number",
	"passport":     "user.government_id.passport_number",
	"tax_id":       "user.government_id",
	"card":         "user.financial.credit_card",
	"cvv":          "user.financial.credit_card",
	"bank_account": "user.financial.bank_account",
	"password":     "user.authorization.password",
	"secret":       "user.authorization.credentials",
	"token":        "user.authorization.credentials",
	"ip":           "user.device.ip_address",
	"location":     "user.location",
	"health":       "user.health_and_medical",
	"biometric":    "user.biometric",
	"username":     "user.account.username",
	"pii":          "user",
}

// CategoryOf is the data category of a kind: "user" (the taxonomy's root
// for data about a person) for a kind the taxonomy table does not know.
func CategoryOf(kind string) string {
	if c, ok := categories[kind]; ok {
		return c
	}
	return "user"
}
