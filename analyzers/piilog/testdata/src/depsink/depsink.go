// Package depsink: a call into another module is a sink for its caller
// only when the library's role is to output the argument.
package depsink

import (
	"example.com/kv"
	"example.com/logx"
	"example.com/orm"
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
