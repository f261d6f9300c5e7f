package taint

import (
	"fmt"
	"strings"
	"testing"
)

// chainsSrc reaches the same sink from the same parameter through chains
// of different lengths; the longest is met first, in source order and in
// the callee-first schedule.
const chainsSrc = `package p
import "log"
type C struct { Email string ` + "`pii:\"email\"`" + ` }
func sink(s string) { log.Print(s) }
func hop1(s string) { hop2(s) }
func hop2(s string) { hop3(s) }
func hop3(s string) { sink(s) }
func viaB(s string) { sink(s) }
func viaA(s string) { sink(s) }
func both(s string) {
	hop1(s)
	viaB(s)
	viaA(s)
}
func use(c *C) { both(c.Email) }
`

// TestChainChoice: of several chains to one sink, the summary and the
// finding keep the shortest, then the first by name, whatever the order
// the engine met them in; and every run gives the same output.
func TestChainChoice(t *testing.T) {
	var first string
	for i := range 20 {
		findings, sums := run(t, chainsSrc)
		got := fmt.Sprint(findings, " ", sums["both"].String())
		if i == 0 {
			first = got
			if want := "p0->log(p.viaA>p.sink>log.Print)"; sums["both"].String() != want {
				t.Errorf("summary of both = %s, want %s", sums["both"].String(), want)
			}
			continue
		}
		if got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, got, first)
		}
	}
	in := prepare(t, chainsSrc)
	res := Run(in)
	if len(res.Findings) != 1 {
		t.Fatalf("findings: %d, want 1", len(res.Findings))
	}
	if chain := strings.Join(append(res.Findings[0].Sink.Via, res.Findings[0].Sink.Callee), " → "); chain != "p.both → p.viaA → p.sink → log.Print" {
		t.Errorf("finding's chain = %s, want the shortest, first by name", chain)
	}
}
