package taint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
)

// This file is the engine's side of package origin, which judges what a
// value is as a channel: the heap's attributes as origin reads them, the
// sink rows whose channel it judges, the TLS configurations it marks, and
// the responses of gRPC services it reports.

// heapMemory is the heap as package origin reads it.
type heapMemory struct{ h *heap }

// Attrs are the attributes of v's memory.
func (m heapMemory) Attrs(v ssa.Value) origin.Attr { return m.h.attrs(v) }

// FieldAttrs are the attributes of what the package stores into field f.
func (m heapMemory) FieldAttrs(f *types.Var) origin.Attr { return m.h.fieldAttrs[f] }

// DeepAttrs are the attributes of v's memory and of the memory it refers
// to, maxDepth references deep.
func (m heapMemory) DeepAttrs(v ssa.Value) origin.Attr {
	a := m.h.attrs(v)
	m.h.eachPointee(v, func(p *location) { a |= p.attrs })
	return a
}

// transport judges the channel of a Transport sink row: the arguments of
// its Channel parameter, and the receiver of a method.
func (rep *reporter) transport(s sinks.Sink, args []arg) origin.Kind {
	want := s.Channel.Pos(hasRecv(args))
	var recv ssa.Value
	var buf [2]ssa.Value
	channel := buf[:0]
	for _, a := range args {
		switch {
		case a.param == want:
			channel = append(channel, a.val)
		case a.param == 0 && hasRecv(args):
			recv = a.val
		}
	}
	return rep.ch.Transport(s.Address, recv, channel)
}

// tlsStore marks a TLS configuration whose fields are set to values that
// leave it without verification or below TLS 1.2 (origin.TLSStore), and
// what holds it, when it was reached through fields:
// tr.TLSClientConfig.InsecureSkipVerify = true marks tr.
func (rep *reporter) tlsStore(st *ssa.Store) {
	v, a := origin.TLSStore(st)
	if a == 0 {
		return
	}
	for range maxDepth {
		rep.setAttr(v, a)
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			break
		}
		up, ok := ld.X.(*ssa.FieldAddr)
		if !ok {
			break
		}
		v = up.X
	}
}

// respond reports what a method of a service served without TLS returns
// (origin.GRPCServices): its response goes over the server's connections.
func (rep *reporter) respond(fn *ssa.Function, ret *ssa.Return) {
	o := rep.responders[fn]
	if o == origin.None || len(ret.Results) == 0 {
		return
	}
	class, dest := o.Dest()
	name := fn.Name()
	if obj, ok := fn.Object().(*types.Func); ok {
		name = shortName(obj)
	}
	pos := ret.Pos()
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	r := ret.Results[0]
	rep.reach(fn, pos, arg{val: r, param: -1, ast: -1}, rep.vs.deep(r), SinkRef{Class: class, Dest: dest, Callee: "the response of " + name})
}

// setFieldAttr gives the field f attribute a; the functions that read
// the field run again.
func (rep *reporter) setFieldAttr(f *types.Var, a origin.Attr) {
	h := rep.heap
	if h.fieldAttrs[f]&a == a {
		return
	}
	if h.fieldAttrs == nil {
		h.fieldAttrs = make(map[*types.Var]origin.Attr)
	}
	h.fieldAttrs[f] |= a
	h.changed(h.fieldClass(f))
	rep.ch.Reset()
}

func (rep *reporter) setAttr(v ssa.Value, a origin.Attr) {
	if rep.heap.setAttr(v, a) && a&(origin.AttrNoVerify|origin.AttrWeakTLS) != 0 {
		// Origins judged from TLS configurations may have changed; the
		// functions that judged them read this location and run again.
		rep.ch.Reset()
	}
}
