package aliases

import "log"

type Account struct {
	Phone string `pii:"phone"`
	Plan  string
}

type Acct = Account

type PhoneNumber = string

func use(a *Acct) {
	var p PhoneNumber = a.Phone
	log.Print(p) // want `Account.Phone`
	log.Print(a.Plan)
}
