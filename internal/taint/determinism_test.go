package taint

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/ssa"
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

// TestExtendOrder: when extending a set makes a parameter reach maxPaths
// parts, the parts that keep their own label are those of the set's
// first labels, on every run; the others stand for their top-level
// field. (Iterating the set as a map made the choice, and so the
// summaries, differ from run to run.)
func TestExtendOrder(t *testing.T) {
	const n = 10 // labels in the set; maxPaths-n of them get parts
	var want []string
	for i := range n {
		if i < maxPaths-n {
			want = append(want, fmt.Sprintf(".F%02d.X", i))
		} else {
			want = append(want, fmt.Sprintf(".F%02d", i))
		}
	}
	for run := range 30 {
		lt := newLabelTable()
		fn := new(ssa.Function)
		s := make(set)
		for i := range n {
			s[lt.part(fn, 0, fmt.Sprintf(".F%02d", i))] = nil
		}
		var got []string
		for id := range lt.extend(s, ".X") {
			got = append(got, lt.all[id].path)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("run %d: extend = %v, want %v", run, got, want)
		}
	}
}

// TestScheduleEach: the readers of what changed are scheduled in the call
// order, whatever the order of the map that holds them.
func TestScheduleEach(t *testing.T) {
	fns := make([]*ssa.Function, 8)
	local := make(map[*ssa.Function]bool)
	readers := make(map[*ssa.Function]bool)
	for i := range fns {
		fns[i] = new(ssa.Function)
		local[fns[i]] = true
		readers[fns[i]] = true
	}
	sc := newSchedule(local)
	sc.run(fns, 0, nil) // no budget: only the call order is recorded
	for run := range 30 {
		var got []*ssa.Function
		sc.each(readers, func(fn *ssa.Function) { got = append(got, fn) })
		if !slices.Equal(got, fns) {
			t.Fatalf("run %d: functions not in the call order", run)
		}
	}
}
