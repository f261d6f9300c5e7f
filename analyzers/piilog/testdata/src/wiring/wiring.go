// Package wiring gives notify's functions a sender of another package:
// the sender's method logs what notify passes it.
package wiring

import (
	"notify"
	"smtpsend"
)

func Signup(u *notify.User) {
	notify.Welcome(smtpsend.New("mx"), u) // want `User.Email \(email\) reaches log output via notify.Welcome → \(\*smtpsend.Sender\).Send → log.Printf`
	notify.Welcome(smtpsend.Quiet{}, u)
	notify.Ping(smtpsend.New("mx"))
}
