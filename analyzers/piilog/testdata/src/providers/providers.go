// Package providers declares an interface with its implementations.
package providers

type User struct {
	ID       int64
	Email    string `pii:"email"` // want Email:"pii email"
	GoogleID string
}

// Provider is an identity provider.
type Provider interface {
	ProfileID(u *User) string // want ProfileID:`p0.issuer->r0 p1.GoogleID->r0`
	Describe(u *User) string  // want Describe:`p0.issuer->r0 p1.Email->r0 r0<-User.Email`
}

type google struct{}

func (google) ProfileID(u *User) string { return u.GoogleID }              // want ProfileID:`p1.GoogleID->r0`
func (google) Describe(u *User) string  { return "google user " + u.Email } // want Describe:`p1.Email->r0 r0<-User.Email`

type oidc struct{ issuer string }

func (o *oidc) ProfileID(u *User) string { return o.issuer + "/" + u.GoogleID } // want ProfileID:`p0.issuer->r0 p1.GoogleID->r0`
func (o *oidc) Describe(u *User) string  { return o.issuer }                    // want Describe:`p0.issuer->r0`

func Get(name string) Provider { // want Get:`p0->r0 p0->r0.issuer`
	if name == "google" {
		return google{}
	}
	return &oidc{issuer: name}
}
