// Package mlogcaller logs through the mlog facade of the same module.
package mlogcaller

import (
	"mlog"

	"example.com/xlog"
)

type User struct {
	ID    int64
	Email string `pii:"email"`
}

func signup(u *User) {
	mlog.Warn("signup", "email", u.Email) // want `User.Email \(email\) reaches log output via mlog.Warn → log.Print`
	mlog.Warn("signup", "id", u.ID)
	mlog.Quiet("signup", "email", u.Email)
	xlog.Info("signup", "email", u.Email) // want `User.Email \(email\) reaches log output via xlog.Info → \(xlog.logger\).print → log.Print`
	xlog.Info("signup", "id", u.ID)
}
