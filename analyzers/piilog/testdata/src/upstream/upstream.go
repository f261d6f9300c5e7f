// Package upstream declares the PII; it knows nothing of logging.
package upstream

type Customer struct {
	ID    int64
	Email string `pii:"email"` // want Email:"pii email"
	First string `pii:"name"`  // want First:"pii name"
	Last  string `pii:"name"`  // want Last:"pii name"
	Tier  string `pii:"-"`     // want Tier:"not pii"
}

//pii:secret
type APIKey string // want APIKey:"pii secret"

// Contact returns PII.
func Contact(c *Customer) string { return c.Email } // want Contact:`r0<-Customer.Email`

func (c *Customer) FullName() string { return c.First + " " + c.Last } // want FullName:`r0<-Customer.First r0<-Customer.Last`

// Key holds a secret of a named PII type.
func Key() APIKey { return APIKey("k") }
