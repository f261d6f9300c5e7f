// Package testlogs: the builtins print and println write to standard
// error, and the methods of tests' handles to the test log.
package testlogs

import (
	"errors"
	"testing"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Year  int    `pii:"birthdate"`
}

//pii:sanitizer
func Mask(s string) string {
	if len(s) < 2 {
		return "**"
	}
	return s[:1] + "***"
}

func builtins(c *Customer) {
	println("signup", c.Email) // want `Customer.Email \(email\) reaches log output via println`
	print(c.Name, "\n")        // want `Customer.Name \(name\) reaches log output via print`
	println("born", c.Year)    // want `Customer.Year \(birthdate\) reaches log output via println`
	println("signup", c.ID)
	println("signup", Mask(c.Email))
	println(len(c.Email))
}

// Print and println show pointers, interfaces (errors too), slices and
// maps as addresses, not what they hold.
func addresses(c *Customer) {
	err := errors.New("no customer " + c.Email)
	println(c)
	println(err)
	println([]string{c.Email})
	println(map[string]string{"e": c.Email})
	println(err.Error())  // want `Customer.Email \(email\) reaches log output via println`
	defer println(c.Name) // want `Customer.Name \(name\) reaches log output via println`
}

// debug forwards its argument to println: its callers are reported.
func debug(s string) { println("debug:", s) }

func helperCaller(c *Customer) {
	debug(c.Email) // want `Customer.Email \(email\) reaches log output via testlogs.debug → println`
	debug(Mask(c.Name))
}

// CheckCustomer is a test helper outside a _test.go file (a testutil
// package's): its log line is in the test output all the same.
func CheckCustomer(tb testing.TB, c *Customer) {
	tb.Helper()
	tb.Logf("checking customer %d", c.ID)
	tb.Logf("checking %s", c.Email) // want `Customer.Email \(email\) reaches log output via \(testing.TB\).Logf`
}
