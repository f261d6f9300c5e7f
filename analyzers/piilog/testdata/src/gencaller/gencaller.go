package gencaller

import "generated"

func Use(t generated.T) {
	generated.LogIt(t.Email) // want `T.Email \(email\) reaches log output via generated.LogIt → log.Print`
}
