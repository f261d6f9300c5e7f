// Package hofcaller passes functions to the helpers of another package:
// the helpers' summaries compose with the functions' own.
package hofcaller

import (
	"log"

	"hof"
)

type User struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func F(us []User, u *User) {
	log.Println(hof.Map(us, func(u User) int64 { return u.ID }))
	log.Println(hof.Map(us, func(u User) string { return u.Email })) // want `^User.Email \(email\) reaches log output via log.Println$`
	hof.Lazy(func() string { return u.Name })                        // want `User.Name \(name\) reaches log output via hof.Lazy → log.Println`
	hof.Lazy(func() string { return "static" })
	hof.Each([]string{u.Email}, func(s string) { log.Print(s) }) // want `User.Email \(email\) reaches log output via hof.Each → F.func5 → log.Print`
	hof.Each([]string{"x"}, func(s string) { log.Print(s) })
}
