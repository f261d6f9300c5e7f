package taint

import (
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"
)

// maxIterations bounds the local fixpoint of one function; every set only
// grows, so the bound is reached only on pathological inputs, and then
// results are merely incomplete.
const maxIterations = 40

// workBudget bounds the instructions visited for a package, so that no
// input makes the engine run away: a generous multiple of the package size.
func workBudget(funcs []*ssa.Function) int {
	n := 0
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			n += len(b.Instrs)
		}
	}
	return 60*n + 100_000
}

// callOrder lists funcs callees first, so that most summaries are complete
// before their callers are analysed.
func callOrder(funcs []*ssa.Function, local map[*ssa.Function]bool) []*ssa.Function {
	seen := make(map[*ssa.Function]bool)
	var order []*ssa.Function
	var visit func(fn *ssa.Function)
	visit = func(fn *ssa.Function) {
		if seen[fn] {
			return
		}
		seen[fn] = true
		for _, b := range fn.Blocks {
			for _, instr := range b.Instrs {
				if c, ok := instr.(ssa.CallInstruction); ok {
					if callee := c.Common().StaticCallee(); callee != nil {
						if o := callee.Origin(); o != nil {
							callee = o
						}
						if local[callee] {
							visit(callee)
						}
					}
				}
			}
		}
		order = append(order, fn)
	}
	for _, fn := range funcs {
		visit(fn)
	}
	return order
}

// schedule is the worklist: which functions are to be analysed again,
// the function being analysed, and which functions read which summary. A
// function is re-analysed when something it read changed: a value it owns,
// memory it loaded, a summary it applied. Functions are analysed in the
// order they were scheduled, and the readers of what changed are
// scheduled in the call order (see each): which parts of parameters a
// summary tells apart (maxPaths) depends on that order, and it must be
// the same on every run.
type schedule struct {
	local      map[*ssa.Function]bool
	cur        *ssa.Function
	curChanged bool
	dirty      map[*ssa.Function]bool
	queue      []*ssa.Function
	index      map[*ssa.Function]int // position in the call order
	sumReaders map[*ssa.Function]map[*ssa.Function]bool
	sumVersion map[*ssa.Function]int // grows with every change of a summary
}

func newSchedule(local map[*ssa.Function]bool) *schedule {
	return &schedule{
		local:      local,
		dirty:      make(map[*ssa.Function]bool),
		sumReaders: make(map[*ssa.Function]map[*ssa.Function]bool),
		sumVersion: make(map[*ssa.Function]int),
	}
}

// run analyses the functions of order, callees first, then whatever is
// rescheduled, each to a local fixpoint (bounded by maxIterations), until
// nothing changes or the budget of instructions is spent.
func (sc *schedule) run(order []*ssa.Function, budget int, instr func(*ssa.Function, ssa.Instruction)) {
	sc.index = make(map[*ssa.Function]int, len(order))
	for i, fn := range order {
		sc.index[fn] = i
		sc.markDirty(fn)
	}
	for len(sc.queue) > 0 && budget > 0 {
		fn := sc.queue[0]
		sc.queue = sc.queue[1:]
		sc.dirty[fn] = false
		sc.cur = fn
		for range maxIterations {
			sc.curChanged = false
			for _, b := range fn.Blocks {
				for _, in := range b.Instrs {
					instr(fn, in)
				}
				budget -= len(b.Instrs)
			}
			if !sc.curChanged || budget <= 0 {
				break
			}
		}
	}
	sc.cur = nil
}

// markDirty schedules fn for analysis, or marks the current function
// changed.
func (sc *schedule) markDirty(fn *ssa.Function) {
	switch {
	case fn == nil || !sc.local[fn]:
	case fn == sc.cur:
		sc.curChanged = true
	case !sc.dirty[fn]:
		sc.dirty[fn] = true
		sc.queue = append(sc.queue, fn)
	}
}

// owner is the function whose analysis reads value v.
func owner(v ssa.Value) *ssa.Function {
	switch v := v.(type) {
	case ssa.Instruction:
		return v.Parent()
	case *ssa.Parameter:
		return v.Parent()
	case *ssa.FreeVar:
		return v.Parent()
	}
	return nil
}

// readSummary records that the current function read fn's summary.
func (sc *schedule) readSummary(fn *ssa.Function) {
	if sc.cur == nil {
		return
	}
	m := sc.sumReaders[fn]
	if m == nil {
		m = make(map[*ssa.Function]bool)
		sc.sumReaders[fn] = m
	}
	m[sc.cur] = true
}

// readVersion is readSummary, and returns the version of fn's summary,
// which grows with every change: a sum of versions fingerprints what a
// cached union of summaries was made from.
func (sc *schedule) readVersion(fn *ssa.Function) int {
	sc.readSummary(fn)
	return sc.sumVersion[fn]
}

// changedSummary reschedules the functions that read fn's summary.
func (sc *schedule) changedSummary(fn *ssa.Function) {
	sc.sumVersion[fn]++
	sc.each(sc.sumReaders[fn], sc.markDirty)
}

// each calls f with the functions of fns in the call order: functions
// are scheduled in the same order on every run, whatever the iteration
// order of the map that holds them.
func (sc *schedule) each(fns map[*ssa.Function]bool, f func(*ssa.Function)) {
	if len(fns) == 1 {
		for fn := range fns {
			f(fn)
		}
		return
	}
	sorted := slices.Collect(maps.Keys(fns))
	slices.SortFunc(sorted, func(a, b *ssa.Function) int { return sc.index[a] - sc.index[b] })
	for _, fn := range sorted {
		f(fn)
	}
}

// current is the function being analysed.
func (sc *schedule) current() *ssa.Function { return sc.cur }
