// Package marks has every way of marking PII, and the malformed ones.
package marks

type Customer struct {
	ID        int64
	Name      string `pii:"name"`                // want Name:"pii name"
	Email     string `json:"email" pii:"email"`  // want Email:"pii email"
	Phone     string `pii:"phone"`               // want Phone:"pii phone"
	Street    string `pii:"address"`             // want Street:"pii address"
	Born      string `pii:"birthdate"`           // want Born:"pii birthdate"
	SSN       string `pii:"national_id"`         // want SSN:"pii national_id"
	Passport  string `pii:"passport"`            // want Passport:"pii passport"
	TaxID     string `pii:"tax_id"`              // want TaxID:"pii tax_id"
	Card      string `pii:"card"`                // want Card:"pii card"
	CVV       string `pii:"cvv"`                 // want CVV:"pii cvv"
	IBAN      string `pii:"bank_account"`        // want IBAN:"pii bank_account"
	Password  string `pii:"password"`            // want Password:"pii password"
	APIKey    string `pii:"secret"`              // want APIKey:"pii secret"
	Session   string `pii:"token"`               // want Session:"pii token"
	IP        string `pii:"ip"`                  // want IP:"pii ip"
	Geo       string `pii:"location"`            // want Geo:"pii location"
	Allergy   string `pii:"health"`              // want Allergy:"pii health"
	Face      []byte `pii:"biometric"`           // want Face:"pii biometric"
	Login     string `pii:"username"`            // want Login:"pii username"
	Notes     string `pii:""`                    // want Notes:"pii pii"
	Flag      string `pii:"true"`                // want Flag:"pii pii"
	Nickname  string `pii:"-"`                   // want Nickname:"not pii"
	K8sPass   string `datapolicy:"password"`     // want K8sPass:"pii password"
	K8sToken  string `datapolicy:"token"`        // want K8sToken:"pii token"
	K8sKey    []byte `datapolicy:"security-key"` // want K8sKey:"pii secret"
	Sensitive string `sensitive:"true"`          // want Sensitive:"pii pii"
	Levee     string `levee:"source"`            // want Levee:"pii pii"
	NotSens   string `sensitive:"false"`

	//pii:health
	Diagnosis string // want Diagnosis:"pii health"
	Diet      string //pii:health // want Diet:"pii health"

	// Typos are reported and the field is still tracked.
	Typo   string `pii:"emial"`                // want `pii tag: unknown kind "emial" \(did you mean "email"\?\); tracked as the generic kind "pii"` Typo:"pii pii"
	Bad    string `pii:email`                  // want `malformed struct tag pii:email` Bad:"pii email"
	Two    string `pii:"email,name"`           // want `want a single kind` Two:"pii pii"
	Levee2 string `levee:"sink"`               // want `levee tag "sink"`
	Upper  string `pii:"Email"`                // want Upper:"pii email"
	Dup    string `json:"d" pii:"card" pii:"x"` // want `struct tag has 2 pii keys: only the first, pii:"card", is read` Dup:"pii card"

	//pii:helth
	Other string // want `unknown kind "helth" \(did you mean "health"\?\)` Other:"pii pii"

	//pii:sanitizer
	Wrong string // want `//pii:sanitizer applies to functions, not fields`
}

//pii:secret
type APIToken string // want APIToken:"pii secret"

//pii:sanitizer
type NotAFunc int // want `//pii:sanitizer applies to functions, not types`

//pii:sanitizer
func Mask(s string) string { return "***" } // want Mask:"sanitizer"

//pii:sink log
func Emit(msg string) {} // want Emit:"sink log"

//pii:sink printer
func Print(msg string) {} // want `unknown class "printer"`

//pii:email
func Get() string { return "" } // want `//pii:email marks fields and types`

func ignores() {
	_ = 1 /* want `piilint:ignore directive needs a reason` */ //piilint:ignore piilog
	_ = 2 /* want `unknown analyzer "piilgo"` */ //piilint:ignore piilgo because
}
