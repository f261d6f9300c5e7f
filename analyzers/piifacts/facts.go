package piifacts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/piilint/piilint/internal/taint"
)

// FieldFact marks a struct field as PII, or as explicitly not PII.
type FieldFact struct {
	Key    string // "import/path.Type.Field"
	Name   string // "Customer.Email"
	Kind   string // "" when NotPII
	How    string // how it was marked: `tag pii:"email"`, "directive", "config"
	NotPII bool
}

func (*FieldFact) AFact() {}

func (f *FieldFact) String() string {
	if f.NotPII {
		return "not pii"
	}
	return "pii " + f.Kind
}

// TypeFact marks every value of a named type as PII.
type TypeFact struct {
	Key  string
	Name string
	Kind string
	How  string
}

func (*TypeFact) AFact() {}

func (f *TypeFact) String() string { return "pii " + f.Kind }

// FailedFact records that piifacts failed on a package (an internal
// error): its facts are missing, so findings through it may be too. The
// packages that import it report so: a failure on a dependency is
// otherwise silent (go vet keeps the standard error of dependencies to
// itself with -json, and caches their result).
type FailedFact struct {
	Error string // the error's first line
}

func (*FailedFact) AFact() {}

func (f *FailedFact) String() string { return "failed: " + f.Error }

// VarFact describes a package-level variable of function type for
// callers in other packages: what a call through it does with PII, the
// union of what the functions the package assigns to it do (a logging
// facade's var Warn = ...).
type VarFact struct {
	Summary taint.Summary

	raw []byte // the encoded Summary, until decode
}

func (*VarFact) AFact() {}

func (f *VarFact) String() string {
	f.decode()
	return "var " + f.Summary.String()
}

// GobEncode encodes the fact compactly (see appendSummary).
func (f *VarFact) GobEncode() ([]byte, error) {
	return appendSummary(nil, &f.Summary, f.raw), nil
}

// GobDecode keeps the encoding; decode decodes it when the variable is
// used. Most facts a package imports are never used: they travel on to
// its importers.
func (f *VarFact) GobDecode(b []byte) error {
	*f = VarFact{raw: b}
	return nil
}

func (f *VarFact) decode() { decodeSummary(&f.Summary, &f.raw) }

// appendSummary appends the encoding of a fact's summary (see
// taint.Summary.AppendBinary): raw, the encoding it was decoded from, when
// it has not been used since.
func appendSummary(b []byte, sum *taint.Summary, raw []byte) []byte {
	if raw != nil {
		return append(b, raw...)
	}
	return sum.AppendBinary(b)
}

// decodeSummary decodes a fact's summary from *raw, if it is still
// encoded. A malformed encoding is a corrupted build cache: it panics,
// which piifacts reports as an internal error on the package.
func decodeSummary(sum *taint.Summary, raw *[]byte) {
	if *raw == nil {
		return
	}
	s, err := taint.DecodeSummary(*raw)
	if err != nil {
		panic(fmt.Errorf("reading the facts of a dependency: %v", err))
	}
	*sum, *raw = s, nil
}

// FuncFact describes a function for callers in other packages: whether it
// is a sanitizer or a declared sink, and what it does with PII.
type FuncFact struct {
	Sanitizer bool
	Sink      string // sink class from a //pii:sink directive
	Summary   taint.Summary

	raw []byte // the encoded Summary, until decode
}

func (*FuncFact) AFact() {}

// GobEncode encodes the fact compactly: a flags byte (1: sanitizer), the
// sink class and the summary (see taint.Summary.AppendBinary); a fact
// decoded and not yet used is written out as it came.
func (f *FuncFact) GobEncode() ([]byte, error) {
	var flags byte
	if f.Sanitizer {
		flags |= 1
	}
	b := append([]byte{flags}, binary.AppendUvarint(nil, uint64(len(f.Sink)))...)
	b = append(b, f.Sink...)
	return appendSummary(b, &f.Summary, f.raw), nil
}

// GobDecode decodes the flags and the sink class and keeps the encoded
// summary for decode: most facts a package imports are never used, they
// travel on to its importers.
func (f *FuncFact) GobDecode(b []byte) error {
	if len(b) < 1 {
		return errors.New("FuncFact: empty encoding")
	}
	n, k := binary.Uvarint(b[1:])
	if k <= 0 || n > uint64(len(b)-1-k) {
		return errors.New("FuncFact: bad sink length")
	}
	rest := b[1+k:]
	*f = FuncFact{Sanitizer: b[0]&1 != 0, Sink: string(rest[:n]), raw: rest[n:]}
	return nil
}

func (f *FuncFact) decode() { decodeSummary(&f.Summary, &f.raw) }

// String is a compact, deterministic rendering used in tests:
// "sanitizer", "sink log", "p0->r0", "p0.Name->r0", "p1->log(log.Printf)",
// "r0<-Customer.Email".
func (f *FuncFact) String() string {
	f.decode()
	var parts []string
	if f.Sanitizer {
		parts = append(parts, "sanitizer")
	}
	if f.Sink != "" {
		parts = append(parts, "sink "+f.Sink)
	}
	if sum := f.Summary.String(); sum != "" {
		parts = append(parts, sum)
	}
	return strings.Join(parts, " ")
}
