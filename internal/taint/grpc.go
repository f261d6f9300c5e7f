package taint

import (
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

func isGRPCConn(t types.Type) bool {
	return ssax.IsNamed(t, grpcPkg, "ClientConn") || ssax.IsNamed(t, grpcPkg, "ClientConnInterface")
}

// grpcOrigin judges the dial options of a gRPC connection: credentials
// from insecure.NewCredentials() or WithInsecure(), directly or in an
// option slice; TLS credentials whose configuration does not verify.
func (ch *channels) grpcOrigin(opts ssa.Value) origin {
	o := originNone
	ch.eachOption(opts, func(c *ssa.Call) {
		obj, _ := ssax.CalleeObj(&c.Call)
		if obj == nil {
			return
		}
		switch sinks.Key(obj) {
		case grpcWithInsecure:
			o = worse(o, originGRPC)
		case grpcWithCreds:
			if len(c.Call.Args) == 1 {
				if cred := ssax.ResultOf(c.Call.Args[0]); cred != nil {
					if cobj, _ := ssax.CalleeObj(&cred.Call); cobj != nil {
						switch sinks.Key(cobj) {
						case grpcInsecureCreds:
							o = worse(o, originGRPC)
						case grpcTLSCreds:
							if len(cred.Call.Args) == 1 {
								o = worse(o, ch.tlsOrigin(cred.Call.Args[0]))
							}
						}
					}
				}
			}
		}
	})
	return o
}

// optionCalls reports whether the options opts hold the result of a call
// to one of the functions named.
func (ch *channels) optionCalls(opts ssa.Value, names ...string) bool {
	found := false
	ch.eachOption(opts, func(c *ssa.Call) {
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
func (ch *channels) eachOption(opts ssa.Value, f func(*ssa.Call)) {
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

// grpcStub judges the receiver of a method call: a client built by a
// constructor given a gRPC connection (pb.NewGreeterClient(cc), as
// protoc-gen-go-grpc generates) sends its methods' arguments over that
// connection.
func (ch *channels) grpcStub(recv ssa.Value) origin {
	call := ssax.ResultOf(recv)
	if call == nil || isGRPCConn(recv.Type()) {
		return originNone
	}
	if obj, _ := ssax.CalleeObj(&call.Call); obj == nil || obj.Pkg() == nil || strings.HasPrefix(obj.Pkg().Path(), grpcPkg) {
		return originNone
	}
	o := originNone
	for _, a := range ssax.CallArgs(&call.Call) {
		if isGRPCConn(a.Type()) {
			o = worse(o, ch.originOf(a))
		}
	}
	return o
}

// grpcServices finds the gRPC services this package registers on a
// server without TLS credentials (pb.RegisterDirectoryServer(s, &impl{})
// with s from grpc.NewServer()) and returns the methods of their
// implementations, whose responses go over that server.
func (e *engine) grpcServices() map[*ssa.Function]origin {
	var out map[*ssa.Function]origin
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok {
					continue
				}
				obj, _ := ssax.CalleeObj(&call.Call)
				args := ssax.CallArgs(&call.Call)
				if obj == nil || obj.Signature().Recv() != nil || obj.Signature().Params().Len() != 2 || len(args) != 2 ||
					!strings.HasPrefix(obj.Name(), "Register") || !strings.HasSuffix(obj.Name(), "Server") {
					continue
				}
				o := e.ch.serverOrigin(args[0])
				if o == originNone {
					continue
				}
				iface, _ := obj.Signature().Params().At(1).Type().Underlying().(*types.Interface)
				impl := ssax.Unwrap(args[1]).Type()
				if iface == nil {
					continue
				}
				for _, m := range e.Funcs {
					recv := m.Signature.Recv()
					if recv == nil || m.Parent() != nil || !types.Identical(recv.Type(), impl) {
						continue
					}
					if sel, _, _ := types.LookupFieldOrMethod(iface, false, nil, m.Name()); sel == nil {
						continue
					}
					if out == nil {
						out = make(map[*ssa.Function]origin)
					}
					out[m] = worse(out[m], o)
				}
			}
		}
	}
	return out
}

// serverOrigin judges a gRPC server from its options: none given by
// grpc.Creds is strict-only; insecure credentials are plainly unprotected.
func (ch *channels) serverOrigin(v ssa.Value) origin {
	call := ssax.ResultOf(v)
	if call == nil {
		return originNone
	}
	obj, _ := ssax.CalleeObj(&call.Call)
	if obj == nil || sinks.Key(obj) != grpcNewServer || len(call.Call.Args) != 1 {
		return originNone
	}
	o, creds := originGRPCServer, false
	ch.eachOption(call.Call.Args[0], func(c *ssa.Call) {
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
			o = originGRPC
		}
	})
	if creds && o == originGRPCServer {
		return originNone
	}
	return o
}

// respond reports what a method of a service served without TLS returns:
// its response goes over the server's connections.
func (e *engine) respond(fn *ssa.Function, ret *ssa.Return) {
	o := e.responders[fn]
	if o == originNone || len(ret.Results) == 0 {
		return
	}
	class, dest := o.dest()
	name := fn.Name()
	if obj, ok := fn.Object().(*types.Func); ok {
		name = shortName(obj)
	}
	pos := ret.Pos()
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	r := ret.Results[0]
	e.reach(fn, pos, arg{val: r, param: -1, ast: -1}, e.deep(r), SinkRef{Class: class, Dest: dest, Callee: "the response of " + name})
}
