package taint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
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

// dest is the sink class and the message's wording of an origin.
func (o origin) dest() (sinks.Class, string) {
	if d, ok := dests[o]; ok {
		return d.class, d.dest
	}
	return "", ""
}

var dests = map[origin]struct {
	class sinks.Class
	dest  string
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
func (e *engine) originOf(v ssa.Value) origin {
	if o, ok := e.origins[v]; ok {
		return o
	}
	e.origins[v] = originNone // cycles through phis
	o := originNone
	if e.attrs(v)&attrStdout == 0 {
		o = e.origin1(v)
	}
	e.origins[v] = o
	return o
}

func (e *engine) origin1(v ssa.Value) origin {
	if isNamed(v.Type(), "os", "File") {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
				return originNone // os.Stdin, os.Stdout, os.Stderr
			}
		}
		return originFile
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract:
		// Not through unwrap: a conversion's operand has an origin of
		// its own (an *os.File made an io.Writer).
		if call := resultOf(v); call != nil {
			return e.callOrigin(call, v)
		}
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return e.originOf(v.X)
	case *ssa.ChangeInterface:
		return e.originOf(v.X)
	case *ssa.ChangeType:
		return e.originOf(v.X)
	case *ssa.TypeAssert:
		return e.originOf(v.X)
	case *ssa.Phi:
		return overEdges(v, e.originOf)
	}
	return originNone
}

// callOrigin is the origin of the value (the call, or its first result
// res) a call returns.
func (e *engine) callOrigin(call *ssa.Call, res ssa.Value) origin {
	obj, _ := calleeObj(&call.Call)
	if obj == nil {
		return originNone
	}
	args := callArgs(&call.Call)
	arg := func(i int) ssa.Value {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	key := sinks.Key(obj)
	if plainWrappers[key] {
		o := originNone
		for _, a := range args {
			o = worse(o, e.originOf(a))
		}
		return o
	}
	switch key {
	case "net.Dial", "net.DialTimeout":
		return netOrigin(arg(0), arg(1))
	case "(*net.Dialer).Dial":
		return netOrigin(arg(1), arg(2))
	case "(*net.Dialer).DialContext":
		return netOrigin(arg(2), arg(3))
	case "net.DialTCP", "net.DialUDP", "net.DialIP":
		return originConn
	case "crypto/tls.Dial", "crypto/tls.Client", "crypto/tls.Server":
		return e.tlsOrigin(arg(len(args) - 1))
	case "crypto/tls.DialWithDialer":
		return e.tlsOrigin(arg(3))
	case "(*crypto/tls.Dialer).Dial", "(*crypto/tls.Dialer).DialContext":
		return e.tlsOrigin(arg(0))
	case "net/smtp.Dial":
		if hostOf(constString(arg(0))) == loopback {
			return originNone
		}
		return e.smtpClient(res)
	case "net/smtp.NewClient":
		if o := e.originOf(arg(0)); o != originConn {
			return o
		}
		return e.smtpClient(res)
	case "(*net/smtp.Client).Data":
		return e.originOf(arg(0))
	case "(*github.com/gorilla/websocket.Dialer).Dial":
		return worse(e.urlOrigin(arg(1), "ws"), e.tlsOrigin(arg(0)))
	case "(*github.com/gorilla/websocket.Dialer).DialContext":
		return worse(e.urlOrigin(arg(2), "ws"), e.tlsOrigin(arg(0)))
	case "github.com/coder/websocket.Dial":
		return e.urlOrigin(arg(1), "ws")
	case "(*github.com/gorilla/websocket.Conn).NextWriter", "(*github.com/coder/websocket.Conn).Writer":
		return e.originOf(arg(0))
	case "github.com/jlaffaye/ftp.Dial":
		if hostOf(constString(arg(0))) == loopback || e.optionCalls(arg(1), "github.com/jlaffaye/ftp.DialWithTLS", "github.com/jlaffaye/ftp.DialWithExplicitTLS") {
			return originNone
		}
		return originFTP
	case "github.com/jlaffaye/ftp.DialTimeout", "github.com/jlaffaye/ftp.Connect":
		if hostOf(constString(arg(0))) == loopback {
			return originNone
		}
		return originFTP
	case "google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial":
		return e.grpcOrigin(arg(1))
	case "google.golang.org/grpc.DialContext":
		return e.grpcOrigin(arg(2))
	case "(*google.golang.org/grpc.ClientConn).NewStream":
		return e.originOf(arg(0))
	}
	// A client built on a gRPC connection (a generated stub,
	// pb.NewGreeterClient(cc)) sends over it.
	for _, a := range args {
		if isGRPCConn(a.Type()) {
			if o := e.originOf(a); o != originNone {
				return o
			}
		}
	}
	return originNone
}

// callArgs are a call's arguments, receiver first.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

// isNamed reports whether t is the named type pkg.name or a pointer to it.
func isNamed(t types.Type, pkg, name string) bool {
	if p := pointee(t); p != nil {
		t = p
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

func unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// resultOf returns the call whose result, or first result, v is.
func resultOf(v ssa.Value) *ssa.Call {
	switch v := unwrap(v).(type) {
	case *ssa.Call:
		return v
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return call
		}
	}
	return nil
}

// overEdges is the worst origin f gives the edges of a phi.
func overEdges(phi *ssa.Phi, f func(ssa.Value) origin) origin {
	o := originNone
	for _, edge := range phi.Edges {
		o = worse(o, f(edge))
	}
	return o
}
