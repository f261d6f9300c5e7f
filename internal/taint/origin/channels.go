package origin

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// Channels judges what values are as channels for data — files,
// connections, clients, URLs, TLS configurations — from how they were
// made, with the attributes of a Memory (standard streams, TLS settings),
// and caches the judgement per value.
type Channels struct {
	mem   Memory
	cache map[ssa.Value]Kind // see Of
}

// New returns a Channels that reads attributes from mem.
func New(mem Memory) *Channels {
	return &Channels{mem: mem, cache: make(map[ssa.Value]Kind)}
}

// Reset forgets the judgements made so far: the memory's attributes
// changed (a TLS configuration was marked).
func (ch *Channels) Reset() { clear(ch.cache) }

// Of tells where writing into v, or sending through it, takes data: an
// *os.File other than standard output and error (os.Create, a parameter
// of that type), a connection from net.Dial, smtp.Dial, a ws:// dial, an
// FTP dial, a gRPC connection with insecure credentials, TLS without
// verification, or a plain wrapper over one of these. It is decided from
// v's definition within its function.
func (ch *Channels) Of(v ssa.Value) Kind {
	if o, ok := ch.cache[v]; ok {
		return o
	}
	ch.cache[v] = None // cycles through phis
	o := None
	if ch.mem.Attrs(v)&AttrStdout == 0 {
		o = ch.of1(v)
	}
	ch.cache[v] = o
	return o
}

func (ch *Channels) of1(v ssa.Value) Kind {
	if ssax.IsNamed(v.Type(), osPkg, osFile) {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == osPkg {
				return None // os.Stdin, os.Stdout, os.Stderr
			}
		}
		return File
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
	case *ssa.UnOp:
		// A writer read from a field that a method stores a file into.
		if fa, ok := v.X.(*ssa.FieldAddr); ok && v.Op == token.MUL {
			if f := ssax.FieldVar(fa); f != nil && ch.mem.FieldAttrs(f)&AttrFile != 0 {
				return File
			}
		}
	case *ssa.MakeInterface:
		return ch.Of(v.X)
	case *ssa.ChangeInterface:
		return ch.Of(v.X)
	case *ssa.ChangeType:
		return ch.Of(v.X)
	case *ssa.TypeAssert:
		return ch.Of(v.X)
	case *ssa.Phi:
		return overEdges(v, ch.Of)
	}
	return None
}

// callOrigin is the kind of the value (the call, or its first result res)
// a call returns.
func (ch *Channels) callOrigin(c *ssa.Call, res ssa.Value) Kind {
	obj, _ := ssax.CalleeObj(&c.Call)
	if obj == nil {
		return None
	}
	args := ssax.CallArgs(&c.Call)
	key := sinks.Key(obj)
	if plainWrappers[key] {
		o := None
		for _, a := range args {
			o = Worse(o, ch.Of(a))
		}
		return o
	}
	if r, ok := originRules[key]; ok {
		return r(ch, call{args, res})
	}
	// A client built on a gRPC connection (a generated stub,
	// pb.NewGreeterClient(cc)) sends over it.
	for _, a := range args {
		if isGRPCConn(a.Type()) {
			if o := ch.Of(a); o != None {
				return o
			}
		}
	}
	return None
}

// overEdges is the worst kind f gives the edges of a phi.
func overEdges(phi *ssa.Phi, f func(ssa.Value) Kind) Kind {
	o := None
	for _, edge := range phi.Edges {
		o = Worse(o, f(edge))
	}
	return o
}

// PlainWrapper reports whether the library function of full name key
// (sinks.Key) is a constructor whose result writes, unencrypted, into the
// writers it is given: bufio.NewWriter, gzip.NewWriter.
func PlainWrapper(key string) bool { return plainWrappers[key] }

// Transport judges the channel of a Transport sink row (sinks.Sink): the
// values given for its Channel parameter (a URL, a request, a
// connection), and recv, the receiver of a method, or nil (a client's
// TLS configuration). address is the row's Address: the protocol of a
// channel that starts in plaintext whatever the server.
func (ch *Channels) Transport(address string, recv ssa.Value, channel []ssa.Value) Kind {
	o := None
	if recv != nil {
		o = ch.tlsOrigin(recv)
	}
	for _, v := range channel {
		switch {
		case address != "":
			// Only a loopback address keeps the data on the machine.
			if hostOf(ssax.ConstString(v)) != loopback {
				o = Worse(o, addressOrigins[address])
			}
		default:
			o = Worse(o, ch.channelValue(v))
		}
	}
	return o
}

// channelValue judges the value of a Transport row's Channel parameter.
func (ch *Channels) channelValue(v ssa.Value) Kind {
	t := v.Type()
	switch {
	case ssax.IsNamed(t, httpPkg, httpRequest):
		return ch.requestOrigin(v)
	case ssax.IsNamed(t, urlPkg, urlURL):
		return ch.urlOrigin(v, schemeHTTP)
	}
	if b, ok := ssax.Under(t).(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return ch.urlOrigin(v, schemeHTTP)
	}
	return Worse(ch.Of(v), ch.tlsOrigin(v))
}
