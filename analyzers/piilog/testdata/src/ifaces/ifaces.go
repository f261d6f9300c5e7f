// Package ifaces: the results of an interface method whose
// implementations are not known carry the call's arguments, not what the
// object behind the interface holds; test doubles speak only for tests.
package ifaces

import (
	"log"

	"example.com/agent"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
}

// ownerTool holds its owner: printed, it shows the email.
type ownerTool struct{ owner Customer }

func (t ownerTool) Name() string            { return "owner" }
func (t ownerTool) Run(input string) string { return input }

func describe(c *Customer) {
	var t agent.Tool = ownerTool{owner: *c}
	log.Printf("tool %s", t.Name())      // a tool's name, not its owner
	log.Printf("ran %s", t.Run(c.Email)) // want `Customer.Email \(email\) reaches log output via log.Printf`
	log.Printf("tool %v", t)             // want `Customer.Email \(email\) reaches log output via log.Printf`
}

// Store is implemented by the database package; ifaces_test.go has a
// fake.
type Store interface {
	Save(c *Customer) error
	Summary() string
}

type Service struct{ store Store }

func (s *Service) Register(c *Customer) {
	st := s.store
	if err := st.Save(c); err != nil {
		return
	}
	log.Printf("customers: %s", st.Summary()) // the fake remembers the last email; the real store counts
}

// Handler is implemented here: one implementation shows a name it was
// given, another holds its owner.
type Handler interface{ Label() string }

type named struct{ name string }

func (n *named) Label() string { return n.name }

type owned struct{ owner Customer }

func (o *owned) Label() string { return "owned" }

func register(hs []Handler, c *Customer) {
	hs = append(hs, &owned{owner: *c})
	for _, h := range hs {
		log.Printf("handler %s", h.Label()) // a label, not the owner the value holds
	}
}

func registerNamed(c *Customer) {
	var h Handler = &named{name: c.Email}
	log.Printf("handler %s", h.Label()) // want `Customer.Email \(email\) reaches log output via log.Printf`
}

func logLabels(hs []Handler) {
	for _, h := range hs {
		log.Printf("handler %s", h.Label())
	}
}

// The helper logs each handler's label; the owner an implementation holds
// is not its label.
func registerOwned(c *Customer) {
	logLabels([]Handler{&owned{owner: *c}})
}
