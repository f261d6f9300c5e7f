// Package downstream imports middle, which imports upstream: the field
// markings and summaries must reach it through facts.
package downstream

import (
	"log"

	"middle"
	"upstream"
)

func use(c *upstream.Customer) {
	middle.Infof("x %s", c.Email) // want `Customer.Email \(email\) reaches log output via middle.Infof → log.Printf`
	middle.Infof("id %d", c.ID)
	log.Print(middle.Describe(c))        // want `Customer.Email \(email\) reaches log output via log.Print`
	log.Print(middle.Normalize(c.First)) // want `Customer.First \(name\)`
	log.Print(middle.Normalize("constant"))
	middle.Audit(c.Last)    // want `Customer.Last \(name\) reaches log output via middle.Audit → middle.Infof → log.Printf`
	log.Print(c.FullName()) // want `Customer\.First \(name\) and Customer\.Last \(name\) reach log output via log\.Print`
	log.Print(middle.Count(c))
	log.Print(c.Tier)
	log.Print(upstream.Key()) // want `APIKey \(secret\)`
	log.Printf("%v", *c)      // want `Customer\.Email \(email\), Customer\.First \(name\) and Customer\.Last \(name\) reach log output via log\.Printf`
}

func once(c *upstream.Customer) {
	middle.LogCustomer(c) // reported inside LogCustomer
	middle.LogID(c)
}
