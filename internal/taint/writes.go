package taint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// channelOrigin judges the channel of a Transport sink row: the value of
// its Channel parameter (a URL, a request, a connection) and the
// receiver of a method (a client's TLS configuration).
func (ch *channels) channelOrigin(s sinks.Sink, args []arg) origin {
	want := s.Channel
	if hasRecv(args) {
		want++
	}
	if s.Channel == sinks.Receiver {
		want = 0
	}
	o := originNone
	for _, a := range args {
		switch {
		case a.param == want && s.Address != "":
			// A protocol that starts in plaintext whatever the server:
			// only a loopback address keeps the data on the machine.
			if hostOf(ssax.ConstString(a.val)) != loopback {
				o = worse(o, addressOrigins[s.Address])
			}
		case a.param == want:
			o = worse(o, ch.channelValue(a.val))
		case a.param == 0 && hasRecv(args):
			o = worse(o, ch.tlsOrigin(a.val))
		}
	}
	return o
}

// addressOrigins are the origins of the protocols of sinks.Sink.Address.
var addressOrigins = map[string]origin{"smtp": originSMTP}

func (ch *channels) channelValue(v ssa.Value) origin {
	t := v.Type()
	switch {
	case ssax.IsNamed(t, httpPkg, "Request"):
		return ch.requestOrigin(v)
	case ssax.IsNamed(t, urlPkg, "URL"):
		return ch.urlOrigin(v, "http")
	}
	if b, ok := ssax.Under(t).(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return ch.urlOrigin(v, "http")
	}
	return worse(ch.originOf(v), ch.tlsOrigin(v))
}

// writeOut reports taint w of argument a written by the call at pos into
// target's memory when target is a file or an unprotected channel: an
// io.Writer's Write, io.Copy into a gzip writer over a file, an encoder
// over a connection, a helper whose summary writes its argument into the
// writer it is given.
func (e *engine) writeOut(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if len(w) == 0 || a.val == target {
		return
	}
	e.writeInto(fn, pos, target, a, w, name)
}

// writesOut reports whether what is written into target leaves the
// function (fn's writer parameter) or the process (standard output, a
// file, an unprotected channel): the cheap test before computing what is
// written.
func (e *engine) writesOut(fn *ssa.Function, target ssa.Value) bool {
	if e.heap.attrs(target)&attrStdout != 0 || e.writerParam(fn, target) >= 0 {
		return true
	}
	o := e.ch.originOf(target)
	return o != originNone && o != originUnknown
}

// writeInto reports taint w, brought by argument a of the call at pos,
// written into target: a finding when target is a file or an unprotected
// channel, a Write of fn's summary when it is fn's writer parameter.
func (e *engine) writeInto(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if p := e.writerParam(fn, target); p >= 0 {
		e.recordWrites(fn, p, w)
		return
	}
	if e.heap.attrs(target)&attrStdout != 0 {
		e.reach(fn, pos, a, w, SinkRef{Class: sinks.Log, Callee: name})
		return
	}
	o := e.ch.originOf(target)
	if o == originNone || o == originUnknown {
		return
	}
	class, dest := o.dest()
	e.reach(fn, pos, a, w, SinkRef{Class: class, Dest: dest, Callee: name})
}

// writerParam returns the index of the parameter of fn that target is,
// or a plain wrapper over (bufio.NewWriter(w)), or -1.
func (e *engine) writerParam(fn *ssa.Function, target ssa.Value) int {
	switch v := ssax.Unwrap(target).(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return i
			}
		}
	case *ssa.Call:
		if obj, _ := ssax.CalleeObj(&v.Call); obj != nil && plainWrappers[sinks.Key(obj)] {
			for _, a := range v.Call.Args {
				if p := e.writerParam(fn, a); p >= 0 {
					return p
				}
			}
		}
	}
	return -1
}

// recordWrites adds to fn's summary the sources of w it writes into its
// writer parameter p.
func (e *engine) recordWrites(fn *ssa.Function, p int, w set) {
	sum := e.summaries[fn]
	if sum == nil || !e.isStream(fn.Params[p].Type()) {
		return
	}
	for _, id := range sortedIDs(w) {
		src := e.labels.all[id].src
		if src == nil {
			continue
		}
		if k := (writeKey{fn, p, src.Key}); !e.seen[k] {
			e.seen[k] = true
			sum.Writes = append(sum.Writes, Write{Into: p, Source: *src})
			e.changedSummary(fn)
		}
	}
}

type writeKey struct {
	fn   *ssa.Function
	into int
	src  string
}
