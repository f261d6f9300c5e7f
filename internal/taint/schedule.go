package taint

import "golang.org/x/tools/go/ssa"

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

func (e *engine) markDirty(fn *ssa.Function) {
	switch {
	case fn == nil || !e.local[fn]:
	case fn == e.cur:
		e.curChanged = true
	case !e.dirty[fn]:
		e.dirty[fn] = true
		e.queue = append(e.queue, fn)
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

func (e *engine) readSummary(fn *ssa.Function) {
	if e.cur == nil {
		return
	}
	m := e.sumReaders[fn]
	if m == nil {
		m = make(map[*ssa.Function]bool)
		e.sumReaders[fn] = m
	}
	m[e.cur] = true
}

func (e *engine) changedSummary(fn *ssa.Function) {
	for r := range e.sumReaders[fn] {
		e.markDirty(r)
	}
}

// current is the function being analysed.
func (e *engine) current() *ssa.Function { return e.cur }
