package taint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/origin"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// instr is the transfer function of one instruction: a dispatch to one
// method per kind of instruction (value instructions add to the label set
// of the value they define; the others write the heap or are calls).
func (e *engine) instr(fn *ssa.Function, instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Phi:
		e.phi(in)
	case *ssa.UnOp:
		e.unOp(in)
	case *ssa.BinOp:
		e.binOp(in)
	case *ssa.Convert:
		e.vs.add(in, e.vs.convert(in.X, in.Type()))
	case *ssa.MultiConvert:
		e.vs.add(in, e.vs.convert(in.X, in.Type()))
	case *ssa.ChangeType:
		e.vs.add(in, e.vs.flow(in.X, in.Type()))
		e.heap.alias(in, in.X)
	case *ssa.ChangeInterface:
		e.vs.add(in, e.vs.explicit(in.X))
		e.heap.alias(in, in.X)
	case *ssa.SliceToArrayPointer:
		e.vs.add(in, e.vs.explicit(in.X))
		e.heap.alias(in, in.X)
	case *ssa.MakeInterface:
		e.vs.add(in, e.boxed(in.X))
		e.heap.alias(in, in.X)
	case *ssa.TypeAssert:
		e.vs.add(in, minus(e.vs.explicit(in.X), e.types.of(in.AssertedType)))
		e.heap.alias(in, in.X)
	case *ssa.Extract:
		e.extract(in)
	case *ssa.Field:
		e.field(in)
	case *ssa.FieldAddr:
		// The address of a PII field is not PII: loading through it is
		// (see fieldAddrSource). Passing &c.Email to rows.Scan reads
		// nothing.
		e.vs.add(in, e.vs.part(in.X, "."+ssax.FieldName(in.X.Type(), in.Field)))
	case *ssa.Index:
		e.vs.add(in, e.vs.part(in.X, "[]"))
	case *ssa.IndexAddr:
		e.vs.add(in, e.vs.part(in.X, "[]"))
	case *ssa.Lookup:
		e.vs.add(in, e.vs.part(in.X, "[]"))
		if _, ok := ssax.Under(in.X.Type()).(*types.Map); ok {
			e.vs.add(in, e.heap.load(in.X))
		}
	case *ssa.Slice:
		e.vs.add(in, e.vs.explicit(in.X))
		e.heap.alias(in, in.X)
	case *ssa.Range:
		e.vs.add(in, e.vs.flow(in.X, in.Type()))
		if isRef(in.X.Type()) {
			e.vs.add(in, e.heap.load(in.X))
		}
	case *ssa.Next:
		e.vs.add(in, e.vs.explicit(in.Iter))
	case *ssa.Select:
		e.selectStates(in)
	case *ssa.MakeClosure:
		e.makeClosure(in)
	case *ssa.Store:
		e.storeInstr(in)
	case *ssa.MapUpdate:
		e.mapUpdate(in)
	case *ssa.Send:
		if isStruct(in.X.Type()) {
			// A struct sent keeps its fields apart in the channel
			// (a store's result: its Err is not its Data).
			src := in.X
			if ld, ok := src.(*ssa.UnOp); ok && ld.Op == token.MUL {
				src = ld.X
			}
			e.vs.copyMem(in.Chan, src)
		} else {
			e.heap.store(in.Chan, e.vs.flow(in.X, in.X.Type()))
		}
		if isRef(in.X.Type()) {
			e.heap.linkPointee(e.heap.class(in.Chan), e.heap.class(in.X))
		}
	case *ssa.Call:
		e.call(fn, in.Common(), in)
	case *ssa.Go:
		e.call(fn, in.Common(), nil)
	case *ssa.Defer:
		e.call(fn, in.Common(), nil)
	case *ssa.Return:
		e.ret(fn, in)
	case *ssa.Panic:
		e.rep.sink(fn, in.Pos(), []arg{{val: in.X, ast: 0}}, sinks.Sink{Class: sinks.Log, Data: sinks.Arg(0)}, "panic", nil)
	}
}

func (e *engine) phi(in *ssa.Phi) {
	for _, edge := range in.Edges {
		e.vs.add(in, e.vs.flow(edge, in.Type()))
		e.heap.alias(in, edge)
		if isStruct(in.Type()) {
			e.heap.unite(e.heap.class(in), e.heap.class(edge))
		}
	}
}

func (e *engine) unOp(in *ssa.UnOp) {
	switch in.Op {
	case token.MUL:
		e.vs.add(in, e.vs.fieldAddrSource(in.X))
		if !carriesData(in.Type()) {
			// A number or a boolean read from memory is what its
			// field is, not what was stored around it: user.ID after
			// the struct was filled from an email. Parts of
			// parameters stay, for the summary: the caller judges
			// them by their types.
			e.vs.add(in, e.labels.symbolic(e.vs.explicit(in.X)))
			e.vs.add(in, e.labels.symbolic(e.heap.load(in.X)))
			return
		}
		e.vs.add(in, e.vs.explicit(in.X))
		if f := sharedField(in.X, e.pkg()); f != nil {
			// A channel kept in a struct field is the same channel in
			// every method: what one sends, another receives; a
			// client made by a constructor is the one methods use.
			e.heap.unite(e.heap.class(in), e.heap.fieldClass(f))
			e.heap.read(e.heap.fieldClass(f))
		}
		if fa, ok := in.X.(*ssa.FieldAddr); ok && (isError(in.Type()) || isErrorType(in.Type())) {
			// The error field of a struct carries what code stored in
			// it, not what was stored around it (a store's result
			// received whole from an unknown call): see field.
			e.vs.add(in, e.heap.loadStored(fa, ""))
			e.vs.add(in, e.labels.symbolic(e.heap.load(fa)))
		} else {
			e.vs.add(in, e.heap.load(in.X))
		}
		if isRef(in.Type()) {
			e.heap.linkPointee(e.heap.class(in.X), e.heap.class(in))
		}
		if g, ok := in.X.(*ssa.Global); ok && g.Pkg != nil && stdStreams[g.Pkg.Pkg.Path()+"."+g.Name()] {
			e.rep.setAttr(in, origin.AttrStdout)
		}
	case token.ARROW:
		e.vs.add(in, e.vs.explicit(in.X))
		if isStruct(in.Type()) {
			// A struct received holds its fields apart, as it was
			// sent: its own memory keeps them (see field).
			for _, p := range e.heap.parts(in.X) {
				if p.path == "" {
					e.vs.add(in, p.taint)
				} else {
					e.heap.storePath(e.heap.class(in), p.path, p.taint)
				}
			}
			return
		}
		e.vs.add(in, e.heap.load(in.X))
	default:
		e.vs.add(in, e.vs.explicit(in.X))
	}
}

// sharedField is the field addr is the address of (&n.events), when the
// field holds one object for every method of its struct: a channel (not
// of structs), or a handle of a network client (an *http.Client, a
// transport, a TLS configuration, a gRPC connection) that a constructor
// makes and methods use. Only the fields of the package's own structs
// (pkg) are: a library struct's field (http.Client.Transport) is a field
// of every client. Otherwise nil.
func sharedField(addr ssa.Value, pkg *types.Package) *types.Var {
	fa, ok := addr.(*ssa.FieldAddr)
	if !ok {
		return nil
	}
	st, ok := ssax.Under(deref(fa.X.Type())).(*types.Struct)
	if !ok || fa.Field >= st.NumFields() {
		return nil
	}
	f := st.Field(fa.Field)
	if f.Pkg() != pkg {
		return nil
	}
	if ch, ok := ssax.Under(f.Type()).(*types.Chan); ok {
		if isStruct(ch.Elem()) {
			// A struct sent over a channel is held whole, its fields
			// not apart: joined across methods, every field of a
			// received message would carry every other's data.
			return nil
		}
		return f
	}
	if clientHandle(f.Type()) || writerField(f.Type()) {
		return f
	}
	return nil
}

// pkg is the package of the function being analysed, for sharedField:
// nil in a test file, whose fixtures (an insecure client for an httptest
// server, a buffer for a file) do not stand for what the package's
// methods use.
func (e *engine) pkg() *types.Package {
	if fn := e.sched.current(); fn != nil && fn.Pkg != nil && !e.inTestFile(fn) {
		return fn.Pkg.Pkg
	}
	return nil
}

// writerField reports whether a field of type t holds a writer that may
// be a file: an io.Writer, an io.WriteCloser, an *os.File.
func writerField(t types.Type) bool {
	n, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	switch n.Obj().Pkg().Path() + "." + n.Obj().Name() {
	case "io.Writer", "io.WriteCloser", "os.File":
		return true
	}
	return false
}

// clientHandles are the types of network clients' handles whose TLS
// configuration decides a channel, by package path and name.
var clientHandles = map[[2]string]bool{
	{"net/http", "Client"}:                     true,
	{"net/http", "Transport"}:                  true,
	{"net/http", "RoundTripper"}:               true,
	{"crypto/tls", "Config"}:                   true,
	{"google.golang.org/grpc", "ClientConn"}:   true,
	{"github.com/gorilla/websocket", "Dialer"}: true,
}

func clientHandle(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && clientHandles[[2]string{n.Obj().Pkg().Path(), n.Obj().Name()}]
}

// binOp: comparisons give booleans, which carry nothing.
func (e *engine) binOp(in *ssa.BinOp) {
	switch in.Op {
	case token.EQL, token.NEQ, token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		e.vs.add(in, e.vs.flow(in.X, in.Type()))
		e.vs.add(in, e.vs.flow(in.Y, in.Type()))
	}
}

func (e *engine) field(in *ssa.Field) {
	root, path, fields := fieldChain(in)
	if len(fields) == 0 {
		return
	}
	data := carriesData(in.Type())
	for i, f := range fields {
		// The sources of the fields the chain goes through: a part
		// of a PII field is PII (c.Email.String), but a number or a
		// boolean inside one is not (c.Email.Valid).
		if i == len(fields)-1 || data {
			e.vs.add(in, e.vs.fieldSource(f, in.Pos()))
		}
	}
	var s set
	if ld, ok := root.(*ssa.UnOp); ok && ld.Op == token.MUL {
		// A field of a struct loaded from memory: read that field's
		// memory rather than the whole struct's.
		union(&s, e.vs.part(ld.X, path))
		union(&s, e.heap.loadPath(ld.X, path))
	} else {
		if isError(in.Type()) || isErrorType(in.Type()) {
			// The error field of a struct value (a store's result
			// received from a channel) carries what code stored in
			// it, not all the value carries: parts of parameters
			// stay for the summary.
			union(&s, e.labels.symbolic(e.vs.part(root, path)))
			union(&s, e.heap.loadStored(root, path))
			union(&s, e.labels.symbolic(e.heap.loadPath(root, path)))
		} else {
			union(&s, e.vs.part(root, path))
			// A struct value that holds its fields apart (a call's
			// result, see Stored).
			union(&s, e.heap.loadPath(root, path))
		}
	}
	if !data {
		s = e.labels.symbolic(s) // see unOp
	}
	e.vs.add(in, s)
}

// fieldChain walks a chain of field selections on struct values
// (x.Claims.Email): the value at its root, the path from it, and the
// fields selected, outermost first.
func fieldChain(in *ssa.Field) (root ssa.Value, path string, fields []*types.Var) {
	var v ssa.Value = in
	for {
		f, ok := v.(*ssa.Field)
		if !ok {
			break
		}
		st := ssax.StructOf(f.X.Type())
		if st == nil || f.Field >= st.NumFields() {
			return nil, "", nil
		}
		fld := st.Field(f.Field)
		fields = append([]*types.Var{fld}, fields...)
		path = "." + fld.Name() + path
		v = f.X
	}
	return v, path, fields
}

func (e *engine) selectStates(in *ssa.Select) {
	for _, st := range in.States {
		if st.Dir == types.RecvOnly {
			e.vs.add(in, e.heap.load(st.Chan))
		} else if st.Send != nil {
			e.heap.store(st.Chan, e.vs.flow(st.Send, types.Universe.Lookup("any").Type()))
		}
	}
}

func (e *engine) makeClosure(in *ssa.MakeClosure) {
	callee := in.Fn.(*ssa.Function)
	yields := hasFuncParam(callee.Signature)
	for i, b := range in.Bindings {
		if i < len(callee.FreeVars) {
			fv := callee.FreeVars[i]
			e.vs.add(fv, e.vs.explicit(b))
			e.heap.alias(fv, b)
		}
		// An iterator carries what it captured: an iterator over PII
		// yields PII to its callback. Other closures give what they
		// captured only when called, which calls follow; as a value a
		// function shows no data (fmt prints an address, encoders skip
		// it), so a map of template functions over a service object
		// does not carry the object's data.
		if yields {
			e.vs.add(in, e.vs.whole(b))
		}
	}
}

// hasFuncParam reports whether a function of signature sig is given a
// function: an iterator's yield, a visitor's callback.
func hasFuncParam(sig *types.Signature) bool {
	for v := range sig.Params().Variables() {
		if _, ok := ssax.Under(v.Type()).(*types.Signature); ok {
			return true
		}
	}
	return false
}

func (e *engine) storeInstr(in *ssa.Store) {
	if ld, ok := in.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && !isRef(ld.Type()) {
		// A struct or array copied from memory to memory keeps its
		// field structure.
		e.vs.copyMem(in.Addr, ld.X)
	} else {
		e.heap.store(in.Addr, e.vs.flow(in.Val, in.Val.Type()))
		if isStruct(in.Val.Type()) {
			// A struct value that holds its fields apart is stored
			// field by field.
			c, base := e.heap.address(in.Addr)
			for _, p := range e.heap.parts(in.Val) {
				e.heap.storePath(c, base+p.path, p.taint)
			}
		}
	}
	if isRef(in.Val.Type()) {
		e.heap.linkPointee(e.heap.address2class(in.Addr), e.heap.class(in.Val))
		if f := sharedField(in.Addr, e.pkg()); f != nil && !isChan(f.Type()) {
			// A client or a writer a constructor stores is the one
			// methods read (a channel is joined where it is read).
			e.heap.unite(e.heap.class(in.Val), e.heap.fieldClass(f))
			if writerField(f.Type()) && e.ch.Of(in.Val) == origin.File {
				e.rep.setFieldAttr(f, origin.AttrFile)
			}
		}
	}
	e.rep.tlsStore(in)
}

// mapUpdate: the stored values' own types are the map's key and element
// types, also when the map is a type parameter.
func (e *engine) mapUpdate(in *ssa.MapUpdate) {
	e.heap.store(in.Map, e.vs.flow(in.Key, in.Key.Type()))
	e.heap.store(in.Map, e.vs.flow(in.Value, in.Value.Type()))
	if isRef(in.Value.Type()) {
		e.heap.linkPointee(e.heap.class(in.Map), e.heap.class(in.Value))
	}
}

func (e *engine) extract(in *ssa.Extract) {
	if comps, ok := e.vs.tuples[in.Tuple]; ok {
		if in.Index < len(comps) {
			e.vs.add(in, comps[in.Index])
		}
		return
	}
	if !carriesData(in.Type()) {
		return
	}
	e.vs.add(in, e.vs.explicit(in.Tuple))
}

func (e *engine) ret(fn *ssa.Function, in *ssa.Return) {
	e.rep.respond(fn, in)
	sum := e.summaries[fn]
	if sum == nil {
		return
	}
	// What the function wrote into memory its parameters point to.
	for j, p := range fn.Params {
		if !isRef(p.Type()) {
			continue
		}
		for _, id := range sortedIDs(e.heap.load(p)) {
			l := e.labels.all[id]
			if l.src != nil || l.fn != fn || l.param == j {
				continue
			}
			ef := Effect{Param: l.param, Path: l.path, Into: j}
			if k := (effectKey{fn, ef}); !e.seen[k] {
				e.seen[k] = true
				sum.Effects = append(sum.Effects, ef)
				e.sched.changedSummary(fn)
			}
		}
	}
	results := fn.Signature.Results()
	for j, r := range in.Results {
		if j >= len(sum.Results) {
			break
		}
		rt := results.At(j).Type()
		switch {
		case isRef(r.Type()):
			e.retParts(fn, sum, j, "", e.vs.flow(r, rt))
			for _, p := range e.heap.parts(r) {
				e.retParts(fn, sum, j, p.path, minus(p.taint, e.types.of(rt)))
			}
			e.retParts(fn, sum, j, "", minus(e.heap.pointees(r), e.types.of(rt)))
		case isStruct(r.Type()):
			// A struct returned by value keeps its field structure:
			// what was stored at a field is returned at that field.
			mem := r
			if ld, ok := r.(*ssa.UnOp); ok && ld.Op == token.MUL {
				mem = ld.X
				e.retParts(fn, sum, j, "", e.vs.flow(ld.X, rt))
				e.retParts(fn, sum, j, "", e.vs.fieldAddrSource(ld.X))
			} else {
				e.retParts(fn, sum, j, "", e.vs.flow(r, rt))
			}
			for _, p := range e.heap.parts(mem) {
				e.retParts(fn, sum, j, p.path, minus(p.taint, e.types.of(rt)))
			}
		default:
			e.retParts(fn, sum, j, "", e.vs.flow(r, rt))
		}
	}
}

// retParts records in fn's summary that s reaches result j, at field path
// into of the memory it points to when into is not empty.
func (e *engine) retParts(fn *ssa.Function, sum *Summary, j int, into string, s set) {
	for _, id := range sortedIDs(s) {
		l := e.labels.all[id]
		switch {
		case l.src != nil:
			if k := (resultKey{fn, j, into, l.src.Key}); !e.seen[k] {
				e.seen[k] = true
				if into == "" {
					sum.Results[j] = append(sum.Results[j], *l.src)
				} else {
					sum.Stored = append(sum.Stored, Stored{Result: j, Path: into, Source: *l.src})
				}
				e.sched.changedSummary(fn)
			}
		case l.fn == fn:
			f := Flow{Param: l.param, Path: l.path, Result: j, Into: into}
			if k := (flowKey{fn, f}); !e.seen[k] {
				e.seen[k] = true
				sum.Flows = append(sum.Flows, f)
				e.sched.changedSummary(fn)
			}
		}
	}
}

func isChan(t types.Type) bool {
	_, ok := ssax.Under(t).(*types.Chan)
	return ok
}
