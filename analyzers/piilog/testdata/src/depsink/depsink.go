// Package depsink: a call into another module is a sink for its caller
// only when the library's role is to output the argument.
package depsink

import (
	"fmt"
	"log"

	"example.com/kv"
	"example.com/logx"
	"example.com/orm"
	"example.com/pseudo"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
}

func facade(c *Customer) {
	logx.Infof("signup %s", c.Email)      // want `Customer.Email \(email\) reaches log output via logx.Infof`
	logx.Info("signup", "email", c.Email) // want `Customer.Email \(email\) reaches log output via logx.Info`
	logx.Infof("signup %d", c.ID)
}

func library(c *Customer, e *orm.Engine, st *kv.Store) {
	_ = e.Insert(c)          // a debug log four calls deep, behind an option
	st.Put("email", c.Email) // an assertion's panic inside the store
	e.Trace(c.Email)         // want `Customer.Email \(email\) reaches log output via \(\*orm.Engine\).Trace`
}

type Account struct {
	Hash []byte `pii:"password"`
}

// The error of a function in another module says what failed; one built
// here from the data carries it.
func libraryErrors(a *Account, c *Customer, st *kv.Store) {
	if err := kv.Check(a.Hash, nil); err != nil {
		log.Print(err)
	}
	if _, err := st.Lookup(c.Email); err != nil {
		log.Print(err)
	}
	if err := checkHash(a.Hash); err != nil {
		log.Print(err) // want `Account.Hash \(password, secret\) reaches log output via log.Print`
	}
}

func checkHash(hash []byte) error {
	if len(hash) == 0 || hash[0] != '$' {
		return fmt.Errorf("invalid hash prefix %q", hash)
	}
	return nil
}

// A keyed pseudonym computed in another module is not the email.
func pseudonyms(c *Customer) {
	log.Printf("signup %s", pseudo.Of(c.Email))
}
