package ifaces

import (
	"log"
	"testing"
)

type fakeStore struct{ last string }

func (f *fakeStore) Save(c *Customer) error { f.last = c.Email; return nil }
func (f *fakeStore) Summary() string        { return f.last }

func TestRegister(t *testing.T) {
	var s Store = &fakeStore{}
	c := &Customer{ID: 1}
	_ = s.Save(c)
	log.Printf("saved %s", s.Summary()) // want `Customer.Email \(email\) reaches log output via log.Printf`
}
