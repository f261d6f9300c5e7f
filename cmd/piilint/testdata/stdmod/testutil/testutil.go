// Package testutil holds a test helper outside _test.go files, as
// conformance suites and test stores are: what it gives the test log is
// printed only when tests run, and -tests=false leaves it out.
package testutil

import (
	"testing"

	"example.com/stdmod/model"
)

// Check logs the customer under test.
func Check(t testing.TB, c *model.Customer) {
	t.Logf("checking %s", c.Email) // want "Customer.Email (email) reaches log output via (testing.TB).Logf"
}
