// Package audit keeps the audit trail; the plugin's settings may allow
// its log of email addresses.
package audit

import (
	"log"

	"example.com/gclmod/model"
)

// Record logs who changed a customer.
func Record(c *model.Customer) {
	log.Printf("audit: %s changed", c.Email)
}
