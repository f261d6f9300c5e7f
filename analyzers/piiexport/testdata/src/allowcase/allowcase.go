// Package allowcase is a mailing-list export that an allow rule approves
// for emails and names, but never for secrets.
package allowcase

import (
	"encoding/csv"
	"os"
)

type Subscriber struct {
	Email    string `pii:"email"`
	Name     string `pii:"name"`
	Phone    string `pii:"phone"`
	Password string `pii:"password"`
}

func mailingList(ss []Subscriber) {
	w := csv.NewWriter(os.Stdout)
	defer w.Flush()
	for _, s := range ss {
		w.Write([]string{s.Email, s.Name})
		w.Write([]string{s.Email, s.Phone})    // want `Subscriber.Phone \(phone\) is written to a CSV file`
		w.Write([]string{s.Email, s.Password}) // want `Subscriber.Password \(password, secret\) is written to a CSV file`
	}
}
