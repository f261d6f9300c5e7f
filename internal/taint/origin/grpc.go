package origin

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

func isGRPCConn(t types.Type) bool {
	return ssax.IsNamed(t, grpcPkg, grpcClientConn) || ssax.IsNamed(t, grpcPkg, grpcConnIface)
}

// grpcDialOptions are the dial options that decide a gRPC connection's
// transport security, with how they judge it from the option's call;
// grpcCredentials are the transport credentials WithTransportCredentials
// is given, judged from the credentials' call.
var (
	grpcDialOptions = map[string]func(ch *Channels, opt *ssa.Call) Kind{
		grpcWithInsecure: func(*Channels, *ssa.Call) Kind { return GRPC },
		grpcWithCreds: func(ch *Channels, opt *ssa.Call) Kind {
			if len(opt.Call.Args) != 1 {
				return None
			}
			cred := ssax.ResultOf(opt.Call.Args[0])
			if cred == nil {
				return None
			}
			obj, _ := ssax.CalleeObj(&cred.Call)
			if obj == nil {
				return None
			}
			if judge, ok := grpcCredentials[sinks.Key(obj)]; ok {
				return judge(ch, cred)
			}
			return None
		},
	}
	grpcCredentials = map[string]func(ch *Channels, cred *ssa.Call) Kind{
		grpcInsecureCreds: func(*Channels, *ssa.Call) Kind { return GRPC },
		grpcTLSCreds: func(ch *Channels, cred *ssa.Call) Kind {
			if len(cred.Call.Args) != 1 {
				return None
			}
			return ch.tlsOrigin(cred.Call.Args[0])
		},
	}
)

// grpcOrigin judges the dial options of a gRPC connection: credentials
// from insecure.NewCredentials() or WithInsecure(), directly or in an
// option slice; TLS credentials whose configuration does not verify.
func (ch *Channels) grpcOrigin(opts ssa.Value) Kind {
	o := None
	eachOption(opts, func(c *ssa.Call) {
		obj, _ := ssax.CalleeObj(&c.Call)
		if obj == nil {
			return
		}
		if judge, ok := grpcDialOptions[sinks.Key(obj)]; ok {
			o = Worse(o, judge(ch, c))
		}
	})
	return o
}

// optionCalls reports whether the options opts hold the result of a call
// to one of the functions named.
func optionCalls(opts ssa.Value, names ...string) bool {
	found := false
	eachOption(opts, func(c *ssa.Call) {
		if obj, _ := ssax.CalleeObj(&c.Call); obj != nil {
			for _, n := range names {
				if sinks.Key(obj) == n {
					found = true
				}
			}
		}
	})
	return found
}

// eachOption calls f with every call whose result is an element of the
// variadic option slice opts: grpc.NewClient(addr, a, b), opts... built
// from a literal, by append, across phis.
func eachOption(opts ssa.Value, f func(*ssa.Call)) {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || seen[v] || depth > 8 {
			return
		}
		seen[v] = true
		switch v := ssax.Unwrap(v).(type) {
		case *ssa.Call:
			if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
				for _, a := range v.Call.Args {
					walk(a, depth+1)
				}
				return
			}
			if fn := v.Call.StaticCallee(); fn != nil && len(fn.Blocks) > 0 && isSlice(v.Type()) {
				// Options built by a helper of the package
				// (opts := dialOptions()): what it returns.
				for _, b := range fn.Blocks {
					if r, ok := b.Instrs[len(b.Instrs)-1].(*ssa.Return); ok && len(r.Results) > 0 {
						walk(r.Results[0], depth+1)
					}
				}
				return
			}
			f(v)
		case *ssa.Slice:
			walk(v.X, depth+1)
		case *ssa.Phi:
			for _, edge := range v.Edges {
				walk(edge, depth+1)
			}
		case *ssa.UnOp:
			if v.Op == token.MUL {
				walk(v.X, depth+1)
			}
		case *ssa.Alloc:
			// The elements stored into a literal's backing array.
			for _, r := range *v.Referrers() {
				ia, ok := r.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				for _, rr := range *ia.Referrers() {
					if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
						walk(st.Val, depth+1)
					}
				}
			}
		}
	}
	walk(opts, 0)
}

func isSlice(t types.Type) bool {
	_, ok := ssax.Under(t).(*types.Slice)
	return ok
}

// GRPCStub judges the receiver of a method call: a client built by a
// constructor given a gRPC connection (pb.NewGreeterClient(cc), as
// protoc-gen-go-grpc generates) sends its methods' arguments over that
// connection.
func (ch *Channels) GRPCStub(recv ssa.Value) Kind {
	c := ssax.ResultOf(recv)
	if c == nil || isGRPCConn(recv.Type()) {
		return None
	}
	if obj, _ := ssax.CalleeObj(&c.Call); obj == nil || obj.Pkg() == nil || strings.HasPrefix(obj.Pkg().Path(), grpcPkg) {
		return None
	}
	o := None
	for _, a := range ssax.CallArgs(&c.Call) {
		if isGRPCConn(a.Type()) {
			o = Worse(o, ch.Of(a))
		}
	}
	return o
}

// GRPCServices finds the gRPC services that funcs (a package's
// functions) register on a server without TLS credentials
// (pb.RegisterDirectoryServer(s, &impl{}) with s from grpc.NewServer())
// and returns the methods of their implementations among funcs, whose
// responses go over that server, with the server's kind.
func GRPCServices(funcs []*ssa.Function) map[*ssa.Function]Kind {
	var out map[*ssa.Function]Kind
	for _, fn := range funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(*ssa.Call)
				if !ok {
					continue
				}
				obj, _ := ssax.CalleeObj(&c.Call)
				args := ssax.CallArgs(&c.Call)
				if obj == nil || obj.Signature().Recv() != nil || obj.Signature().Params().Len() != 2 || len(args) != 2 ||
					!strings.HasPrefix(obj.Name(), registerPrefix) || !strings.HasSuffix(obj.Name(), registerSuffix) {
					continue
				}
				o := serverOrigin(args[0])
				if o == None {
					continue
				}
				iface, _ := obj.Signature().Params().At(1).Type().Underlying().(*types.Interface)
				impl := ssax.Unwrap(args[1]).Type()
				if iface == nil {
					continue
				}
				for _, m := range funcs {
					recv := m.Signature.Recv()
					if recv == nil || m.Parent() != nil || !types.Identical(recv.Type(), impl) {
						continue
					}
					if sel, _, _ := types.LookupFieldOrMethod(iface, false, nil, m.Name()); sel == nil {
						continue
					}
					if out == nil {
						out = make(map[*ssa.Function]Kind)
					}
					out[m] = Worse(out[m], o)
				}
			}
		}
	}
	return out
}

// serverOrigin judges a gRPC server from its options: none given by
// grpc.Creds is strict-only; insecure credentials are plainly unprotected.
func serverOrigin(v ssa.Value) Kind {
	c := ssax.ResultOf(v)
	if c == nil {
		return None
	}
	obj, _ := ssax.CalleeObj(&c.Call)
	if obj == nil || sinks.Key(obj) != grpcNewServer || len(c.Call.Args) != 1 {
		return None
	}
	o, creds := GRPCServer, false
	eachOption(c.Call.Args[0], func(c *ssa.Call) {
		cobj, _ := ssax.CalleeObj(&c.Call)
		if cobj == nil || sinks.Key(cobj) != grpcServerCreds || len(c.Call.Args) != 1 {
			return
		}
		creds = true
		inner := ssax.ResultOf(c.Call.Args[0])
		if inner == nil {
			return
		}
		if iobj, _ := ssax.CalleeObj(&inner.Call); iobj != nil && sinks.Key(iobj) == grpcInsecureCreds {
			o = GRPC
		}
	})
	if creds && o == GRPCServer {
		return None
	}
	return o
}
