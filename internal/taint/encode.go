package taint

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/piilint/piilint/internal/sinks"
)

// Summaries travel inside analysis facts to every package that imports
// the function's package, directly or not, and the go vet protocol makes
// each package decode all of them and write them out again. Gob's
// reflection over nested slices of structs made that a tenth of the run
// on real dependency graphs, so a summary has its own compact encoding:
// varints, and each distinct string once. The encoding is the fact's
// payload (see piifacts' FuncFact.GobEncode), decoded only when the
// function is called.

// summaryVersion is the first byte of an encoded summary.
const summaryVersion = 1

// AppendBinary appends the encoding of s to b.
func (s *Summary) AppendBinary(b []byte) []byte {
	var e summaryEncoder
	e.index = make(map[string]uint64)
	e.summary(s)
	b = append(b, summaryVersion)
	b = binary.AppendUvarint(b, uint64(len(e.strs)))
	for _, str := range e.strs {
		b = binary.AppendUvarint(b, uint64(len(str)))
		b = append(b, str...)
	}
	return append(b, e.body...)
}

type summaryEncoder struct {
	index map[string]uint64
	strs  []string
	body  []byte
}

func (e *summaryEncoder) uint(n int) { e.body = binary.AppendUvarint(e.body, uint64(n)) }
func (e *summaryEncoder) int(n int)  { e.body = binary.AppendVarint(e.body, int64(n)) }
func (e *summaryEncoder) str(s string) {
	i, ok := e.index[s]
	if !ok {
		i = uint64(len(e.strs))
		e.index[s] = i
		e.strs = append(e.strs, s)
	}
	e.body = binary.AppendUvarint(e.body, i)
}

func (e *summaryEncoder) source(s Source) {
	e.str(s.Key)
	e.str(s.Name)
	e.str(s.Kind)
}

func (e *summaryEncoder) summary(s *Summary) {
	e.uint(len(s.Flows))
	for _, f := range s.Flows {
		e.int(f.Param)
		e.str(f.Path)
		e.int(f.Result)
		e.str(f.Into)
	}
	e.uint(len(s.Sinks))
	for _, ps := range s.Sinks {
		e.int(ps.Param)
		e.str(ps.Path)
		e.str(string(ps.Sink.Class))
		e.str(string(ps.Sink.Dest))
		e.str(ps.Sink.Callee)
		e.uint(len(ps.Sink.Via))
		for _, v := range ps.Sink.Via {
			e.str(v)
		}
	}
	e.uint(len(s.Effects))
	for _, ef := range s.Effects {
		e.int(ef.Param)
		e.str(ef.Path)
		e.int(ef.Into)
	}
	e.uint(len(s.Writes))
	for _, w := range s.Writes {
		e.int(w.Into)
		e.source(w.Source)
	}
	e.uint(len(s.Results))
	for _, srcs := range s.Results {
		e.uint(len(srcs))
		for _, src := range srcs {
			e.source(src)
		}
	}
	e.uint(len(s.Stored))
	for _, st := range s.Stored {
		e.int(st.Result)
		e.str(st.Path)
		e.source(st.Source)
	}
	e.uint(len(s.Calls))
	for _, ca := range s.Calls {
		e.int(ca.Func)
		e.str(ca.Method)
		e.int(ca.Arg)
		e.int(ca.Param)
		e.str(ca.Path)
		e.source(ca.Source)
	}
}

// DecodeSummary decodes a summary AppendBinary encoded.
func DecodeSummary(b []byte) (s Summary, err error) {
	d := summaryDecoder{b: b}
	defer func() {
		if r := recover(); r != nil {
			if de, ok := r.(decodeError); ok {
				s, err = Summary{}, fmt.Errorf("decoding a summary: %s", string(de))
				return
			}
			panic(r)
		}
	}()
	if v := d.byte(); v != summaryVersion {
		return Summary{}, fmt.Errorf("decoding a summary: version %d, want %d", v, summaryVersion)
	}
	n := d.count()
	d.strs = make([]string, n)
	for i := range d.strs {
		l := d.count()
		d.strs[i] = string(d.take(l))
	}
	d.summary(&s)
	if len(d.b) != 0 {
		return Summary{}, errors.New("decoding a summary: trailing bytes")
	}
	return s, nil
}

// decodeError is a malformed encoding, raised by summaryDecoder's reads
// and turned into DecodeSummary's error.
type decodeError string

type summaryDecoder struct {
	b    []byte
	strs []string
}

func (d *summaryDecoder) fail(msg string) { panic(decodeError(msg)) }

func (d *summaryDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail("unexpected end")
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *summaryDecoder) take(n int) []byte {
	if n > len(d.b) {
		d.fail("unexpected end")
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *summaryDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail("bad varint")
	}
	d.b = d.b[n:]
	return v
}

// count is a length, which cannot exceed the bytes left (every element
// takes at least one).
func (d *summaryDecoder) count() int {
	v := d.uvarint()
	if v > uint64(len(d.b)) {
		d.fail("length out of range")
	}
	return int(v)
}

func (d *summaryDecoder) int() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v != int64(int(v)) {
		d.fail("bad varint")
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *summaryDecoder) str() string {
	i := d.uvarint()
	if i >= uint64(len(d.strs)) {
		d.fail("string index out of range")
	}
	return d.strs[i]
}

func (d *summaryDecoder) source() Source {
	return Source{Key: d.str(), Name: d.str(), Kind: d.str()}
}

// list decodes a count and that many elements with elem; a count of zero
// is a nil slice, as gob would give.
func list[T any](d *summaryDecoder, elem func() T) []T {
	n := d.count()
	if n == 0 {
		return nil
	}
	out := make([]T, n)
	for i := range out {
		out[i] = elem()
	}
	return out
}

func (d *summaryDecoder) summary(s *Summary) {
	s.Flows = list(d, func() Flow {
		return Flow{Param: d.int(), Path: d.str(), Result: d.int(), Into: d.str()}
	})
	s.Sinks = list(d, func() ParamSink {
		ps := ParamSink{Param: d.int(), Path: d.str()}
		ps.Sink.Class = sinks.Class(d.str())
		ps.Sink.Dest = sinks.Dest(d.str())
		ps.Sink.Callee = d.str()
		ps.Sink.Via = list(d, d.str)
		return ps
	})
	s.Effects = list(d, func() Effect {
		return Effect{Param: d.int(), Path: d.str(), Into: d.int()}
	})
	s.Writes = list(d, func() Write {
		return Write{Into: d.int(), Source: d.source()}
	})
	s.Results = list(d, func() []Source { return list(d, d.source) })
	s.Stored = list(d, func() Stored {
		return Stored{Result: d.int(), Path: d.str(), Source: d.source()}
	})
	s.Calls = list(d, func() CallArg {
		return CallArg{Func: d.int(), Method: d.str(), Arg: d.int(), Param: d.int(), Path: d.str(), Source: d.source()}
	})
}
