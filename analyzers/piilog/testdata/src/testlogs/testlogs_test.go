package testlogs

import (
	"fmt"
	"testing"
)

func fixture() *Customer {
	return &Customer{ID: 7, Email: "ann@example.com", Name: "Ann", Year: 1990}
}

func TestSignup(t *testing.T) {
	c := fixture()
	t.Logf("created %s", c.Email) // want `Customer.Email \(email\) reaches log output via \(\*testing.T\).Logf`
	t.Logf("created %d", c.ID)
	t.Logf("created %s", Mask(c.Email))
	t.Logf("created %T %p", c, c)
	t.Log("created", c.Name) // want `Customer.Name \(name\) reaches log output via \(\*testing.T\).Log`
	t.Log("created", c.ID)
	if c.ID == 0 {
		t.Errorf("got %+v", c) // want `Customer.Email \(email\), Customer.Name \(name\) and Customer.Year \(birthdate\) reach log output via \(\*testing.T\).Errorf`
		t.Errorf("got customer %d", c.ID)
		t.Error("no id for", c.Email)           // want `Customer.Email \(email\) reaches log output via \(\*testing.T\).Error`
		t.Fatalf("lost %s", c.Name)             // want `Customer.Name \(name\) reaches log output via \(\*testing.T\).Fatalf`
		t.Fatal(fmt.Errorf("lost %s", c.Email)) // want `Customer.Email \(email\) reaches log output via \(\*testing.T\).Fatal`
		t.Fatal(fmt.Errorf("lost customer %d", c.ID))
	}
	if c.Year == 0 {
		t.Skipf("no birth year for %s", c.Email) // want `Customer.Email \(email\) reaches log output via \(\*testing.T\).Skipf`
		t.Skip("no birth year for", c.ID)
	}
	t.Run("sub", func(t *testing.T) {
		t.Log(c.Email) // want `Customer.Email \(email\) reaches log output via \(\*testing.T\).Log`
		t.Log(c.ID)
	})
	logf := t.Logf
	logf("created %s", c.Name) // want `Customer.Name \(name\) reaches log output via \(\*testing.T\).Logf`
	logf("created %d", c.ID)
	// The helpers' own log lines are their findings; these calls are not others.
	CheckCustomer(t, c)
	logCustomer(t, c)
	logValue(t, c.Email) // want `Customer.Email \(email\) reaches log output via testlogs.logValue → \(testing.TB\).Log`
	logValue(t, Mask(c.Email))
}

// logCustomer takes a test's handle and logs the customer's name.
func logCustomer(tb testing.TB, c *Customer) {
	tb.Log("customer", c.ID)
	tb.Log("customer", c.Name) // want `Customer.Name \(name\) reaches log output via \(testing.TB\).Log`
}

// logValue logs what it is given.
func logValue(tb testing.TB, v string) {
	tb.Helper()
	tb.Log("value", v)
}

func BenchmarkSignup(b *testing.B) {
	c := fixture()
	b.Log(c.Email) // want `Customer.Email \(email\) reaches log output via \(\*testing.B\).Log`
	b.Log(c.ID)
	b.Logf("%s", Mask(c.Email))
}

func FuzzSignup(f *testing.F) {
	c := fixture()
	if c.ID == 0 {
		f.Fatal(c.Name) // want `Customer.Name \(name\) reaches log output via \(\*testing.F\).Fatal`
	}
	f.Log(c.ID)
	f.Add(c.Email) // the seed corpus, not output
	f.Fuzz(func(t *testing.T, email string) {
		if email == "" {
			t.Skip("empty")
		}
	})
}
