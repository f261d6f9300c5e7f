package taint

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
)

type paramKey struct {
	fn   *ssa.Function
	i    int
	path string
}

type resultKey struct {
	fn   *ssa.Function
	j    int
	path string
	key  string
}

type effectKey struct {
	fn *ssa.Function
	ef Effect
}

type flowKey struct {
	fn *ssa.Function
	f  Flow
}

type sinkSeenKey struct {
	fn    *ssa.Function
	param int
	path  string
	class sinks.Class
}

type findingKey struct {
	call token.Pos
	src  string
	cls  sinks.Class
}

type engine struct {
	Input

	labels labelTable
	// seen deduplicates summary entries: Flow, ParamSink keys, and
	// result sources, per function.
	seen map[any]bool

	vs   *values
	heap *heap

	types *typeSources
	ch    *origin.Channels
	rep   *reporter

	local map[*ssa.Function]bool

	sched     *schedule
	byObj     map[*types.Func]*ssa.Function
	impls     map[implKey][]*ssa.Function // interface method implementations in the package
	applied   map[appliedKey]int          // fingerprint of the inputs a summary was last applied to
	summaries map[*ssa.Function]*Summary
	foreign   map[*Summary]*Summary // imported summaries as this module sees them
	services  map[*Summary]*Summary // interface methods' summaries as callers see them
	loggers   *loggers
	fstores   *funcStores
	fvalues   map[*ssa.CallCommon]fvalue // see cachedValueSummary
	implSums  map[implKey]*implSummary   // see implUnion
	testFuncs map[*ssa.Function]bool     // see inTestFile
	redaction slogRedaction              // keys the package's slog handlers redact
}

// Run analyses one package.
func Run(in Input) *Result {
	e := &engine{
		Input:     in,
		labels:    newLabelTable(),
		seen:      make(map[any]bool),
		local:     make(map[*ssa.Function]bool),
		byObj:     make(map[*types.Func]*ssa.Function),
		impls:     make(map[implKey][]*ssa.Function),
		applied:   make(map[appliedKey]int),
		summaries: make(map[*ssa.Function]*Summary),
		foreign:   make(map[*Summary]*Summary),
		services:  make(map[*Summary]*Summary),
		fvalues:   make(map[*ssa.CallCommon]fvalue),
		implSums:  make(map[implKey]*implSummary),
		testFuncs: make(map[*ssa.Function]bool),
		loggers:   &loggers{oracle: in.Oracle},
	}
	e.sched = newSchedule(e.local)
	e.heap = newHeap(&e.labels, e.sched)
	e.ch = origin.New(heapMemory{e.heap})
	e.types = &typeSources{oracle: in.Oracle, labels: &e.labels, results: e.resultSources}
	e.vs = newValues(in.Oracle, &e.labels, e.heap, e.types, e.sched)
	e.rep = &reporter{
		vs:        e.vs,
		heap:      e.heap,
		ch:        e.ch,
		labels:    &e.labels,
		sched:     e.sched,
		summaries: e.summaries,
		seen:      e.seen,
		calls:     make(map[token.Pos]*ast.CallExpr),
		findings:  make(map[findingKey]*Finding),
		sinkAt:    make(map[sinkSeenKey]int),
	}
	for _, f := range in.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok {
				e.rep.calls[c.Lparen] = c
			}
			return true
		})
	}
	for _, fn := range in.Funcs {
		e.local[fn] = true
		if obj, ok := fn.Object().(*types.Func); ok && fn.Parent() == nil {
			e.byObj[obj] = fn
		}
	}
	e.rep.responders = origin.GRPCServices(in.Funcs)
	e.fstores = newFuncStores(in.Funcs)
	e.redaction = newSlogRedaction(in.Funcs)
	for _, fn := range in.Funcs {
		sig := fn.Signature
		e.summaries[fn] = &Summary{Results: make([][]Source, sig.Results().Len())}
		for i, p := range fn.Params {
			e.vs.add(p, set{e.labels.param(fn, i, ""): nil})
		}
	}
	e.sched.run(callOrder(in.Funcs, e.local), workBudget(in.Funcs), e.instr)
	return e.result()
}

func (e *engine) result() *Result {
	r := &Result{Summaries: make(map[*types.Func]*Summary)}
	for _, f := range e.rep.findings {
		r.Findings = append(r.Findings, f)
	}
	sort.Slice(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Pos != b.Pos {
			return a.Pos < b.Pos
		}
		if a.Source.Key != b.Source.Key {
			return a.Source.Key < b.Source.Key
		}
		return a.Sink.Class < b.Sink.Class
	})
	for fn, s := range e.summaries {
		obj, _ := fn.Object().(*types.Func)
		if obj == nil || fn.Parent() != nil || s.Empty() {
			continue
		}
		normalize(s)
		r.Summaries[obj] = s
	}
	for k := range e.rep.sanitizes {
		r.Sanitized = append(r.Sanitized, Sanitization{Pos: k.pos, Source: k.source, Sanitizer: k.sanitizer})
	}
	slices.SortFunc(r.Sanitized, func(a, b Sanitization) int {
		return cmp.Or(cmp.Compare(a.Pos, b.Pos), cmp.Compare(a.Source.Key, b.Source.Key), cmp.Compare(a.Sanitizer, b.Sanitizer))
	})
	r.Vars = e.varSummaries()
	for m, s := range e.ifaceSummaries() {
		r.Summaries[m] = s
	}
	return r
}

func normalize(s *Summary) {
	slices.SortFunc(s.Flows, func(a, b Flow) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Result, b.Result), cmp.Compare(a.Into, b.Into))
	})
	slices.SortFunc(s.Stored, func(a, b Stored) int {
		return cmp.Or(cmp.Compare(a.Result, b.Result), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Source.Key, b.Source.Key))
	})
	slices.SortFunc(s.Effects, func(a, b Effect) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Into, b.Into))
	})
	slices.SortFunc(s.Writes, func(a, b Write) int {
		return cmp.Or(cmp.Compare(a.Into, b.Into), cmp.Compare(a.Source.Key, b.Source.Key))
	})
	slices.SortFunc(s.Sinks, func(a, b ParamSink) int {
		return cmp.Or(cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(sinkKey(a.Sink), sinkKey(b.Sink)))
	})
	slices.SortFunc(s.Calls, func(a, b CallArg) int {
		return cmp.Or(cmp.Compare(a.Func, b.Func), cmp.Compare(a.Method, b.Method), cmp.Compare(a.Arg, b.Arg),
			cmp.Compare(a.Param, b.Param), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Source.Key, b.Source.Key))
	})
	for _, r := range s.Results {
		slices.SortFunc(r, func(a, b Source) int { return cmp.Compare(a.Key, b.Key) })
	}
}

func sinkKey(s SinkRef) string {
	return string(s.Class) + "\x00" + s.Callee + "\x00" + strings.Join(s.Via, "\x00")
}
