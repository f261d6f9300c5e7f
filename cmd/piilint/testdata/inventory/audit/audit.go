// Package audit logs emails, which the configuration allows here.
package audit

import (
	"log"

	"example.com/inventory/crm"
)

func Login(c crm.Customer) {
	log.Printf("login %s", c.Email)
}
