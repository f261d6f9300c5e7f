package cgocaller

import "cgocase"

func Use(u *cgocase.User) {
	cgocase.Record(u.Email) // want `User.Email \(email\) reaches log output via cgocase.Record → log.Print`
	cgocase.Native(u)
}
