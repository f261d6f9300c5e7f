// Package origin decides what a value is as a channel for data: a file on
// disk, a TCP or UDP connection, an http:// or ws:// URL, an SMTP or FTP
// session, a gRPC connection or server without transport security, TLS
// without certificate verification or below version 1.2, or nothing the
// analysis reports (memory, a protected channel, a writer it cannot trace).
//
// It judges a value from how it was made within its function, through
// tables of library functions keyed by full name (sinks.Key): the
// constructors of connections, clients and writers (originRules), the
// writers that pass their writer's channel on (plainWrappers), the
// functions that make URLs and requests. What it cannot see from a
// definition — that a value is standard output, or that a TLS
// configuration was set to skip verification — it reads as attributes
// from a Memory.
//
// The package never sees the flow engine (package taint): the engine
// asks it questions about SSA values and gives it a view of its heap's
// attributes; it answers with a Kind, which Dest maps to a sink class and
// destination.
package origin

import (
	"go/types"
	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

// A Kind is where writing into a value, or sending through it, takes
// data. Kinds are ordered: a later kind is a worse one (see Worse).
type Kind uint8

// The kinds, from the harmless to the worst.
const (
	None       Kind = iota // memory, a protected channel, an untraceable writer
	Unknown                // a URL or request not known at analysis time
	GRPCServer             // a gRPC server without transport credentials
	WeakTLS                // TLS below version 1.2
	NoVerify               // TLS without certificate verification
	File                   // a file on disk, in the clear
	HTTP                   // http:// to a host that is not loopback
	Conn                   // a TCP or UDP connection without TLS
	SMTP                   // SMTP without STARTTLS
	WS                     // ws://
	FTP                    // FTP without TLS
	GRPC                   // gRPC with insecure credentials
)

var kindNames = [...]string{"none", "unknown", "grpc-server", "weak-tls", "no-verify", "file", "http", "conn", "smtp", "ws", "ftp", "grpc"}

// String is the kind's name, for messages of tests and debugging.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Worse returns the kind that a message should name when data goes
// through both: a definite problem beats an unknown one.
func Worse(a, b Kind) Kind { return max(a, b) }

// Dest is the sink class and the destination of a kind: an export to a
// file, or a transport over an unprotected channel; "" for None.
func (k Kind) Dest() (sinks.Class, sinks.Dest) {
	if d, ok := dests[k]; ok {
		return d.class, d.dest
	}
	return "", ""
}

var dests = map[Kind]struct {
	class sinks.Class
	dest  sinks.Dest
}{
	File:       {sinks.Export, sinks.DestFile},
	HTTP:       {sinks.Transport, sinks.DestHTTP},
	Conn:       {sinks.Transport, sinks.DestConn},
	SMTP:       {sinks.Transport, sinks.DestSMTP},
	WS:         {sinks.Transport, sinks.DestWS},
	FTP:        {sinks.Transport, sinks.DestFTP},
	GRPC:       {sinks.Transport, sinks.DestGRPC},
	NoVerify:   {sinks.Transport, sinks.DestNoVerify},
	WeakTLS:    {sinks.Transport, sinks.DestWeakTLS},
	Unknown:    {sinks.Transport, sinks.DestUnknown},
	GRPCServer: {sinks.Transport, sinks.DestGRPCServer},
}

// An Attr is a set of attributes of memory that the definition of a value
// does not show: the engine's heap keeps them per alias class.
type Attr uint8

// The attributes.
const (
	AttrStdout   Attr = 1 << iota // os.Stdout or os.Stderr, or a writer over one
	AttrHMAC                      // a keyed hash: what is written to it does not come out
	AttrNoVerify                  // a TLS configuration that skips certificate verification
	AttrWeakTLS                   // a TLS configuration that allows versions below 1.2
	AttrFile                      // a struct field a plain file is stored into (see Memory.FieldAttrs)
)

// Memory is what the judgement reads of the memory model.
type Memory interface {
	// Attrs are the attributes of v's memory.
	Attrs(v ssa.Value) Attr
	// DeepAttrs are the attributes of v's memory and of the memory it
	// refers to, a few references deep: a client's transport's TLS
	// configuration.
	DeepAttrs(v ssa.Value) Attr
	// FieldAttrs are the attributes of what the package stores into the
	// struct field f, whatever the struct value: AttrFile.
	FieldAttrs(f *types.Var) Attr
}
