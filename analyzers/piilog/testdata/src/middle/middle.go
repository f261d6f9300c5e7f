// Package middle has helpers: a wrapper of a logger, a pass-through and a
// getter built on another package's getter.
package middle

import (
	"fmt"
	"log"
	"strings"

	"upstream"
)

// Infof forwards to log.Printf: a log sink for its callers.
func Infof(format string, args ...any) { // want Infof:`p0->log\(log.Printf\) p1->log\(log.Printf\)`
	log.Printf(format, args...)
}

// Normalize passes its argument through.
func Normalize(s string) string { return strings.ToLower(strings.TrimSpace(s)) } // want Normalize:`p0->r0`

// Describe returns PII through another package's getter.
func Describe(c *upstream.Customer) string { // want Describe:`r0<-Customer.Email`
	return fmt.Sprintf("<%s>", upstream.Contact(c))
}

// Audit logs through Infof: a wrapper of a wrapper.
func Audit(what string) { Infof("audit: %s", what) } // want Audit:`p0->log\(middle.Infof>log.Printf\)`

// Count is not PII: it returns a number.
func Count(c *upstream.Customer) int { return len(c.Email) }

// LogCustomer leaks a field of its parameter: reported here, not at each
// call site.
func LogCustomer(c *upstream.Customer) { // want LogCustomer:`p0.Email->log\(log.Print\)`
	log.Print(c.Email) // reported by piilog (see package once)
}

// LogID logs a field that is not PII: calls with a Customer are fine.
func LogID(c *upstream.Customer) { log.Print(c.ID) } // want LogID:`p0.ID->log\(log.Print\)`
