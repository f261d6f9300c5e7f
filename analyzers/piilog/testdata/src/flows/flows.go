// Package flows has one case per propagation form of the engine.
package flows

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strconv"
	"strings"
)

type Customer struct {
	ID      int64
	Email   string `pii:"email"`
	Phone   string `pii:"phone"`
	Age     int    `pii:"birthdate"`
	Secret  string `pii:"password" json:"-"`
	Address Address
}

type Address struct {
	Street string `pii:"address"`
	City   string
}

func sprint(c *Customer) {
	log.Print(fmt.Sprint("a", c.Email))                // want `Customer.Email`
	log.Print(fmt.Sprintf("%s/%d", c.Phone, c.ID))     // want `Customer.Phone`
	log.Print(fmt.Sprintf("%T %p", c.Email, &c.Phone)) // formatted with %T and %p: not a leak
}

func errs(c *Customer) {
	err := fmt.Errorf("lookup %s: failed", c.Email)
	log.Print(err) // want `Customer.Email`
	wrapped := fmt.Errorf("outer: %w", err)
	log.Print(wrapped)                            // want `Customer.Email`
	log.Print(errors.New("bad phone " + c.Phone)) // want `Customer.Phone`
	log.Print(errors.Unwrap(wrapped))             // want `Customer.Email`
}

func builders(c *Customer) {
	var sb strings.Builder
	sb.WriteString("to: ")
	sb.WriteString(c.Email)
	log.Print(sb.String()) // want `Customer.Email`

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "phone=%s", c.Phone)
	log.Print(buf.String()) // want `Customer.Phone`

	var clean strings.Builder
	clean.WriteString(strconv.FormatInt(c.ID, 10))
	log.Print(clean.String())
}

func conversions(c *Customer) {
	log.Print(strconv.Itoa(c.Age))        // want `Customer.Age \(birthdate\)`
	log.Print(string([]byte(c.Email)))    // want `Customer.Email`
	log.Print(strings.Split(c.Phone, "")) // want `Customer.Phone`
	log.Print(len(c.Phone) > 3)
}

func containers(c *Customer) {
	emails := []string{c.Email}
	log.Print(emails[0]) // want `Customer.Email`

	var list []string
	list = append(list, c.Phone)
	log.Print(list) // want `Customer.Phone`

	dst := make([]byte, 10)
	copy(dst, c.Email)
	log.Print(dst) // want `Customer.Email`

	m := map[string]string{}
	m["e"] = c.Email
	log.Print(m["e"]) // want `Customer.Email`

	ch := make(chan string, 1)
	ch <- c.Phone
	log.Print(<-ch) // want `Customer.Phone`

	arr := [2]string{"x", c.Email}
	log.Print(arr[1]) // want `Customer.Email`
}

type row struct {
	Label string
	Value string
}

func structs(c *Customer) {
	r := row{Label: "email", Value: c.Email}
	log.Print(r.Value) // want `Customer.Email`
	log.Print(r.Label)

	p := &row{}
	p.Value = c.Phone
	log.Print(p.Value) // want `Customer.Phone`
	log.Print(p.Label)

	log.Print(c.Address.Street) // want `Customer.Address.Street|Address.Street`
	log.Print(c.Address.City)
}

func pointers(c *Customer) {
	s := new(string)
	*s = c.Email
	log.Print(*s) // want `Customer.Email`
	ps := &c.Phone
	log.Print(*ps) // want `Customer.Phone`
}

func closures(c *Customer) {
	e := c.Email
	f := func() {
		log.Print(e) // want `Customer.Email`
	}
	f()
	var captured string
	g := func() { captured = c.Phone }
	g()
	log.Print(captured) // want `Customer.Phone`
}

func goDefer(c *Customer) {
	go log.Print(c.Email)    // want `Customer.Email`
	defer log.Print(c.Phone) // want `Customer.Phone`
}

func ifaces(c *Customer) {
	var v any = c.Email
	log.Print(v) // want `Customer.Email`
	s := v.(string)
	log.Print(s) // want `Customer.Email`
	var st fmt.Stringer = strBox(c.Phone)
	log.Print(st.String()) // want `Customer.Phone`
}

type strBox string

func (s strBox) String() string { return string(s) }

func jsonFlow(c *Customer) {
	b, _ := json.Marshal(c)
	log.Print(string(b)) // want `Address\.Street \(address\), Customer\.Age \(birthdate\) and 2 more fields of Customer reach log output via log\.Print`

	type public struct {
		ID     int64
		Secret string `pii:"password" json:"-"`
	}
	b2, _ := json.Marshal(public{ID: 1, Secret: "x"})
	log.Print(string(b2))

	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(c.Email)
	log.Print(buf.String()) // want `Customer.Email`
}

type ctxKey struct{}

func contexts(c *Customer) {
	ctx := context.WithValue(context.Background(), ctxKey{}, c.Email)
	log.Print(ctx.Value(ctxKey{})) // want `Customer.Email`
}

func outParams(c *Customer) {
	_, err := fmt.Sscan("x", &c.Email) // &c.Email is written, not read
	log.Print(err)
	log.Print(&c.Phone) // prints an address
	p := &c.Phone
	log.Print(*p) // want `Customer.Phone`
}

// event is a builder in the style of zerolog: methods append their
// argument to the receiver's buffer.
type event struct{ buf []byte }

func (e *event) Str(k, v string) *event {
	e.buf = append(e.buf, k...)
	e.buf = append(e.buf, v...)
	return e
}

func (e *event) String() string { return string(e.buf) }

func fillRow(r *row, s string) { r.Value = s }

func sideEffects(c *Customer) {
	ev := &event{}
	ev.Str("email", c.Email)
	log.Print(ev.String()) // want `Customer.Email`
	log.Print((&event{}).Str("id", "1").String())

	var r row
	fillRow(&r, c.Phone)
	log.Print(r.Value) // want `Customer.Phone`
}

// profiler is implemented only in this package: calls through it are
// judged by what the implementations do.
type profiler interface {
	ProfileID(c *Customer) string
	Contact(c *Customer) string
}

type google struct{}

func (google) ProfileID(c *Customer) string { return strconv.FormatInt(c.ID, 10) }
func (google) Contact(c *Customer) string   { return c.Email }

type oidc struct{ prefix string }

func (o *oidc) ProfileID(c *Customer) string { return o.prefix + "-1" }
func (o *oidc) Contact(c *Customer) string   { return c.Phone }

func dispatch(p profiler, c *Customer) {
	log.Print(p.ProfileID(c))
	log.Print(p.Contact(c)) // want `Customer\.Email \(email\) and Customer\.Phone \(phone\) reach log output via log\.Print`
}
