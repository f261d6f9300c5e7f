package taint

import (
	"go/token"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// An origin is where writing into a value, or sending through it, takes
// data: the engine tells files and unprotected network channels from
// memory, protected channels and writers it cannot trace.
type origin uint8

const (
	originNone       origin = iota // memory, a protected channel, an untraceable writer
	originUnknown                  // a URL or request not known at analysis time
	originGRPCServer               // a gRPC server without transport credentials
	originWeakTLS                  // TLS below version 1.2
	originNoVerify                 // TLS without certificate verification
	originFile                     // a file on disk, in the clear
	originHTTP                     // http:// to a host that is not loopback
	originConn                     // a TCP or UDP connection without TLS
	originSMTP                     // SMTP without STARTTLS
	originWS                       // ws://
	originFTP                      // FTP without TLS
	originGRPC                     // gRPC with insecure credentials
)

// worse returns the origin that a message should name when data goes
// through both: a definite problem beats an unknown one.
func worse(a, b origin) origin { return max(a, b) }

// dest is the sink class and the destination of an origin.
func (o origin) dest() (sinks.Class, sinks.Dest) {
	if d, ok := dests[o]; ok {
		return d.class, d.dest
	}
	return "", ""
}

var dests = map[origin]struct {
	class sinks.Class
	dest  sinks.Dest
}{
	originFile:       {sinks.Export, sinks.DestFile},
	originHTTP:       {sinks.Transport, sinks.DestHTTP},
	originConn:       {sinks.Transport, sinks.DestConn},
	originSMTP:       {sinks.Transport, sinks.DestSMTP},
	originWS:         {sinks.Transport, sinks.DestWS},
	originFTP:        {sinks.Transport, sinks.DestFTP},
	originGRPC:       {sinks.Transport, sinks.DestGRPC},
	originNoVerify:   {sinks.Transport, sinks.DestNoVerify},
	originWeakTLS:    {sinks.Transport, sinks.DestWeakTLS},
	originUnknown:    {sinks.Transport, sinks.DestUnknown},
	originGRPCServer: {sinks.Transport, sinks.DestGRPCServer},
}

// channels judges what a value is as a channel for data — a file, a
// connection, a client, a URL, a TLS configuration — from how it was
// made (its origin), with the heap's attributes (standard streams, TLS
// settings), and caches the judgement per value.
type channels struct {
	heap  *heap
	cache map[ssa.Value]origin // see originOf
}

// plainWrappers are the constructors whose result writes, unencrypted,
// into the writer arguments they are given: a gzip writer over a file
// still makes a readable file. A constructor not listed here (an
// encrypting writer from another package) does not pass its writer's
// origin on.
var plainWrappers = map[string]bool{
	"bufio.NewWriter":              true,
	"bufio.NewWriterSize":          true,
	"bufio.NewReadWriter":          true,
	"compress/gzip.NewWriter":      true,
	"compress/gzip.NewWriterLevel": true,
	"compress/zlib.NewWriter":      true,
	"compress/zlib.NewWriterLevel": true,
	"compress/flate.NewWriter":     true,
	"compress/lzw.NewWriter":       true,
	"text/tabwriter.NewWriter":     true,
	"io.MultiWriter":               true,
	"encoding/csv.NewWriter":       true,
	"encoding/json.NewEncoder":     true,
	"encoding/xml.NewEncoder":      true,
	"encoding/gob.NewEncoder":      true,
}

// originOf tells where writing into v, or sending through it, takes
// data: an *os.File other than standard output and error (os.Create, a
// parameter of that type), a connection from net.Dial, smtp.Dial, a ws://
// dial, an FTP dial, a gRPC connection with insecure credentials, TLS
// without verification, or a plain wrapper over one of these. It is
// decided from v's definition within its function.
func (ch *channels) originOf(v ssa.Value) origin {
	if o, ok := ch.cache[v]; ok {
		return o
	}
	ch.cache[v] = originNone // cycles through phis
	o := originNone
	if ch.heap.attrs(v)&attrStdout == 0 {
		o = ch.origin1(v)
	}
	ch.cache[v] = o
	return o
}

func (ch *channels) origin1(v ssa.Value) origin {
	if ssax.IsNamed(v.Type(), "os", "File") {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
				return originNone // os.Stdin, os.Stdout, os.Stderr
			}
		}
		return originFile
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract:
		// Not through ssax.Unwrap: a conversion's operand has an origin of
		// its own (an *os.File made an io.Writer).
		if call := ssax.ResultOf(v); call != nil {
			return ch.callOrigin(call, v)
		}
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return ch.originOf(v.X)
	case *ssa.ChangeInterface:
		return ch.originOf(v.X)
	case *ssa.ChangeType:
		return ch.originOf(v.X)
	case *ssa.TypeAssert:
		return ch.originOf(v.X)
	case *ssa.Phi:
		return overEdges(v, ch.originOf)
	}
	return originNone
}

// callOrigin is the origin of the value (the call, or its first result
// res) a call returns.
func (ch *channels) callOrigin(call *ssa.Call, res ssa.Value) origin {
	obj, _ := ssax.CalleeObj(&call.Call)
	if obj == nil {
		return originNone
	}
	args := ssax.CallArgs(&call.Call)
	key := sinks.Key(obj)
	if plainWrappers[key] {
		o := originNone
		for _, a := range args {
			o = worse(o, ch.originOf(a))
		}
		return o
	}
	if rule, ok := originRules[key]; ok {
		return rule(ch, originCall{args, res})
	}
	// A client built on a gRPC connection (a generated stub,
	// pb.NewGreeterClient(cc)) sends over it.
	for _, a := range args {
		if isGRPCConn(a.Type()) {
			if o := ch.originOf(a); o != originNone {
				return o
			}
		}
	}
	return originNone
}

// overEdges is the worst origin f gives the edges of a phi.
func overEdges(phi *ssa.Phi, f func(ssa.Value) origin) origin {
	o := originNone
	for _, edge := range phi.Edges {
		o = worse(o, f(edge))
	}
	return o
}

// originCall is a library call whose result an origin rule judges: its
// arguments, receiver first, and its result.
type originCall struct {
	args []ssa.Value
	res  ssa.Value
}

// arg returns argument i, or nil.
func (c originCall) arg(i int) ssa.Value {
	if i >= 0 && i < len(c.args) {
		return c.args[i]
	}
	return nil
}

// last returns the last argument, or nil.
func (c originCall) last() ssa.Value { return c.arg(len(c.args) - 1) }

// An originRule says what the result of a library call is as a channel.
type originRule func(e *channels, c originCall) origin

// originRules are the library calls that make connections, clients and
// writers, keyed by full function name (sinks.Key), argument indices
// counting the receiver. Filled by init: the rules call originOf, which
// reads the table. TestOriginRulesKeys checks every key against the real
// packages.
var originRules map[string]originRule

func init() {
	netDial := func(network, addr int) originRule {
		return func(_ *channels, c originCall) origin { return netOrigin(c.arg(network), c.arg(addr)) }
	}
	conn := func(*channels, originCall) origin { return originConn }
	tlsLast := func(e *channels, c originCall) origin { return e.tlsOrigin(c.last()) }
	tlsArg := func(i int) originRule {
		return func(e *channels, c originCall) origin { return e.tlsOrigin(c.arg(i)) }
	}
	same := func(i int) originRule { // a writer or stream of the argument's channel
		return func(e *channels, c originCall) origin { return e.originOf(c.arg(i)) }
	}
	wsDial := func(url int) originRule {
		return func(e *channels, c originCall) origin {
			return worse(e.urlOrigin(c.arg(url), "ws"), e.tlsOrigin(c.arg(0)))
		}
	}
	ftpDial := func(e *channels, c originCall) origin {
		if hostOf(ssax.ConstString(c.arg(0))) == loopback {
			return originNone
		}
		return originFTP
	}
	grpcDial := func(opts int) originRule {
		return func(e *channels, c originCall) origin { return e.grpcOrigin(c.arg(opts)) }
	}
	originRules = map[string]originRule{
		"net.Dial":                         netDial(0, 1),
		"net.DialTimeout":                  netDial(0, 1),
		"(*net.Dialer).Dial":               netDial(1, 2),
		"(*net.Dialer).DialContext":        netDial(2, 3),
		"net.DialTCP":                      conn,
		"net.DialUDP":                      conn,
		"net.DialIP":                       conn,
		"crypto/tls.Dial":                  tlsLast,
		"crypto/tls.Client":                tlsLast,
		"crypto/tls.Server":                tlsLast,
		"crypto/tls.DialWithDialer":        tlsArg(3),
		"(*crypto/tls.Dialer).Dial":        tlsArg(0),
		"(*crypto/tls.Dialer).DialContext": tlsArg(0),
		"net/smtp.Dial": func(e *channels, c originCall) origin {
			if hostOf(ssax.ConstString(c.arg(0))) == loopback {
				return originNone
			}
			return e.smtpClient(c.res)
		},
		"net/smtp.NewClient": func(e *channels, c originCall) origin {
			if o := e.originOf(c.arg(0)); o != originConn {
				return o
			}
			return e.smtpClient(c.res)
		},
		"(*net/smtp.Client).Data":                            same(0),
		"(*github.com/gorilla/websocket.Dialer).Dial":        wsDial(1),
		"(*github.com/gorilla/websocket.Dialer).DialContext": wsDial(2),
		"github.com/coder/websocket.Dial": func(e *channels, c originCall) origin {
			return e.urlOrigin(c.arg(1), "ws")
		},
		"(*github.com/gorilla/websocket.Conn).NextWriter": same(0),
		"(*github.com/coder/websocket.Conn).Writer":       same(0),
		"github.com/jlaffaye/ftp.Dial": func(e *channels, c originCall) origin {
			if e.optionCalls(c.arg(1), "github.com/jlaffaye/ftp.DialWithTLS", "github.com/jlaffaye/ftp.DialWithExplicitTLS") {
				return originNone
			}
			return ftpDial(e, c)
		},
		"github.com/jlaffaye/ftp.DialTimeout":            ftpDial,
		"github.com/jlaffaye/ftp.Connect":                ftpDial,
		"google.golang.org/grpc.NewClient":               grpcDial(1),
		"google.golang.org/grpc.Dial":                    grpcDial(1),
		"google.golang.org/grpc.DialContext":             grpcDial(2),
		"(*google.golang.org/grpc.ClientConn).NewStream": same(0),
	}
}
