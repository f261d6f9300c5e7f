// Package notify sends through an interface it declares; the
// implementations are elsewhere, in packages it does not import.
package notify

type User struct {
	ID    int64
	Email string `pii:"email"`
}

// Sender delivers a message to an address.
type Sender interface {
	Send(to string) error
}

// Welcome sends the welcome message: what it passes to s.Send is in its
// summary, for callers that know the sender.
func Welcome(s Sender, u *User) error {
	return s.Send(u.Email)
}

// Ping sends to a fixed address.
func Ping(s Sender) error {
	return s.Send("ops@example.com")
}
