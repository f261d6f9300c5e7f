package taint

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// writeOut reports taint w of argument a written by the call at pos into
// target's memory when target is a file or an unprotected channel: an
// io.Writer's Write, io.Copy into a gzip writer over a file, an encoder
// over a connection, a helper whose summary writes its argument into the
// writer it is given.
func (rep *reporter) writeOut(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if len(w) == 0 || a.val == target {
		return
	}
	rep.writeInto(fn, pos, target, a, w, name)
}

// writesOut reports whether what is written into target leaves the
// function (fn's writer parameter) or the process (standard output, a
// file, an unprotected channel): the cheap test before computing what is
// written.
func (rep *reporter) writesOut(fn *ssa.Function, target ssa.Value) bool {
	if rep.heap.attrs(target)&origin.AttrStdout != 0 || rep.writerParam(fn, target) >= 0 {
		return true
	}
	o := rep.ch.Of(target)
	return o != origin.None && o != origin.Unknown
}

// writeInto reports taint w, brought by argument a of the call at pos,
// written into target: a finding when target is a file or an unprotected
// channel, a Write of fn's summary when it is fn's writer parameter.
func (rep *reporter) writeInto(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if p := rep.writerParam(fn, target); p >= 0 {
		rep.recordWrites(fn, p, w)
		return
	}
	if rep.heap.attrs(target)&origin.AttrStdout != 0 {
		rep.reach(fn, pos, a, w, SinkRef{Class: sinks.Log, Callee: name})
		return
	}
	o := rep.ch.Of(target)
	if o == origin.None || o == origin.Unknown {
		return
	}
	class, dest := o.Dest()
	rep.reach(fn, pos, a, w, SinkRef{Class: class, Dest: dest, Callee: name})
}

// writerParam returns the index of the parameter of fn that target is,
// or a plain wrapper over (bufio.NewWriter(w)), or -1.
func (rep *reporter) writerParam(fn *ssa.Function, target ssa.Value) int {
	switch v := ssax.Unwrap(target).(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return i
			}
		}
	case *ssa.Call:
		if obj, _ := ssax.CalleeObj(&v.Call); obj != nil && origin.PlainWrapper(sinks.Key(obj)) {
			for _, a := range v.Call.Args {
				if p := rep.writerParam(fn, a); p >= 0 {
					return p
				}
			}
		}
	}
	return -1
}

// recordWrites adds to fn's summary the sources of w it writes into its
// writer parameter p.
func (rep *reporter) recordWrites(fn *ssa.Function, p int, w set) {
	sum := rep.summaries[fn]
	if sum == nil || !rep.vs.isStream(fn.Params[p].Type()) {
		return
	}
	for _, id := range sortedIDs(w) {
		src := rep.labels.all[id].src
		if src == nil {
			continue
		}
		if k := (writeKey{fn, p, src.Key}); !rep.seen[k] {
			rep.seen[k] = true
			sum.Writes = append(sum.Writes, Write{Into: p, Source: *src})
			rep.sched.changedSummary(fn)
		}
	}
}

type writeKey struct {
	fn   *ssa.Function
	into int
	src  string
}
