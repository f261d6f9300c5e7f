package taint

import (
	"testing"
)

// TestFlows covers value-level constructs the engine must follow, each
// with a clean twin.
func TestFlows(t *testing.T) {
	const header = `package p
import ("encoding/json"; "log"; "errors")
var _, _ = errors.New, json.Marshal
type C struct { ID int; Email string ` + "`pii:\"email\"`" + `; Hidden string ` + "`json:\"-\" pii:\"name\"`" + ` }
`
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{"field of a struct value", `func use(c C) { log.Print(c.Email); log.Print(c.ID) }`, []string{"5: Email"}},
		{"JSON encoding renders tagged fields, not json:\"-\"", `func use(c *C) { b, _ := json.Marshal(c); log.Print(string(b)) }`, []string{"5: Email"}},
		{"tuple results of a local function", `func pair(c *C) (string, int) { return c.Email, c.ID }
func use(c *C) { s, n := pair(c); log.Print(s); log.Print(n) }`, []string{"6: Email"}},
		{"interface call dispatched to local implementations", `type namer interface{ name(*C) string }
type byEmail struct{}
func (byEmail) name(c *C) string { return c.Email }
type byID struct{}
func (byID) name(c *C) string { return "user" }
func use(c *C, n namer) { log.Print(n.name(c)) }`, []string{"10: Email"}},
		{"error built from PII", `func use(c *C) { err := errors.New("bad " + c.Email); log.Print(err) }`, []string{"5: Email"}},
		{"error built from an identifier", `func use(c *C) { err := errors.New("bad user"); _ = c; log.Print(err) }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) { checkFindings(t, header+tc.src, tc.want) })
	}
}
