// Package providercaller calls an interface of another package of the
// module, whose implementations are there: their summaries say what the
// calls return.
package providercaller

import (
	"log"

	"providers"
)

func link(p providers.Provider, u *providers.User) {
	log.Printf("linked %s", p.ProfileID(u)) // a profile ID, not the user's email
	log.Printf("linked %s", p.Describe(u))  // want `User.Email \(email\) reaches log output via log.Printf`
}
