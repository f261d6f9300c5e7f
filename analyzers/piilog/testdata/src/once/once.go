// Package once checks that a helper that leaks a field of its parameter
// is reported inside the helper, and not again at each call site.
package once

import (
	"log"

	"middle"
	"upstream"
)

func logCustomer(c *upstream.Customer) {
	log.Print(c.Email) // want `Customer.Email \(email\) reaches log output via log.Print`
}

func logAny(v any) {
	log.Print(v)
}

func use(c *upstream.Customer) {
	logCustomer(c)
	middle.LogCustomer(c)
	middle.LogID(c)
	logAny(c.First) // want `Customer.First \(name\) reaches log output via once.logAny → log.Print`
}
