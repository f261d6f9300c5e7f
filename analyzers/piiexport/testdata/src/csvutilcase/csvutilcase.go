// Package csvutilcase encodes whole structs with csvutil.
package csvutilcase

import (
	"encoding/csv"
	"os"

	"github.com/jszwec/csvutil"
)

type User struct {
	ID    int
	Name  string `csv:"name" pii:"name"`
	Phone string `csv:"-" pii:"phone"`
	SSN   string `csv:"ssn,omitempty" pii:"national_id"`
}

type Stats struct {
	Count int
	Phone string `csv:"-" pii:"phone"`
}

func encode(users []User) error {
	w := csv.NewWriter(os.Stdout)
	enc := csvutil.NewEncoder(w)
	for _, u := range users {
		if err := enc.Encode(u); err != nil { // want `User.Name \(name\) and User.SSN \(national_id\) are written to a CSV file via \(\*csvutil.Encoder\).Encode`
			return err
		}
	}
	w.Flush()
	return nil
}

func marshal(users []User, st Stats) ([]byte, error) {
	if _, err := csvutil.Marshal(st); err != nil {
		return nil, err
	}
	return csvutil.Marshal(users) // want `User.Name \(name\) and User.SSN \(national_id\) are written to a CSV file via csvutil.Marshal`
}
