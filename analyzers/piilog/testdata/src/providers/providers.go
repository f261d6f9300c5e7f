// Package providers declares an interface with its implementations.
package providers

type User struct {
	ID       int64
	Email    string `pii:"email"`
	GoogleID string
}

// Provider is an identity provider.
type Provider interface {
	ProfileID(u *User) string
	Describe(u *User) string
}

type google struct{}

func (google) ProfileID(u *User) string { return u.GoogleID }
func (google) Describe(u *User) string  { return "google user " + u.Email }

type oidc struct{ issuer string }

func (o *oidc) ProfileID(u *User) string { return o.issuer + "/" + u.GoogleID }
func (o *oidc) Describe(u *User) string  { return o.issuer }

func Get(name string) Provider {
	if name == "google" {
		return google{}
	}
	return &oidc{issuer: name}
}
