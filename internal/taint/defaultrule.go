package taint

import (
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/stdlib"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// ruleDefault handles a call the engine has no summary or model for: data
// arguments flow to results that can carry data and into the memory of
// reference arguments; closures passed in receive the other arguments.
func (k *callSite) ruleDefault() {
	e, fn, c, call, args, obj := k.e, k.fn, k.c, k.call, k.args, k.obj
	ops := args
	if obj != nil {
		if format, ok := sinks.Formats[sinks.Key(obj)]; ok {
			ops = dataArgs(args, sinks.Arg(0), format)
		}
	}
	if obj != nil && decodes(obj.Name()) {
		// json.Unmarshal(data, &v), rows.Scan(&name): what the
		// destinations held does not come out of the call; what is
		// decoded into them does.
		var srcs []arg
		for _, a := range ops {
			switch ssax.Unwrap(a.val).(type) {
			case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr:
			default:
				srcs = append(srcs, a)
			}
		}
		ops = srcs
	}
	e.results(call, serviceReceiver(c, obj, ops))
	k.errorInputs(ops)
	var callee set // what a function value called carries
	if !c.IsInvoke() && c.StaticCallee() == nil {
		callee = e.vs.explicit(c.Value)
		e.results(call, []arg{{val: c.Value}})
	}
	for _, a := range args {
		switch ssax.Under(a.val.Type()).(type) {
		case *types.Pointer, *types.Interface, *types.Slice:
			target := a.val.Type()
			if mi, ok := a.val.(*ssa.MakeInterface); ok {
				target = mi.X.Type()
			}
			if !e.loggers.is(target) && (e.writable(a.val, target) || a.param == 0 && encodes(c)) {
				// What the other arguments carry may be written into
				// a's memory; what a held already stays where it was
				// (stored as a whole, it would smear into every field:
				// CreateContact(&user) does not make user.ID an email).
				stored := e.others(ops, a.val)
				union(&stored, callee)
				if isBytes(target) {
					// Data comes into a buffer from readers (Read(p)),
					// not from a stream that is only written to, and
					// not by a call that writes the buffer out.
					stored = nil
					if obj == nil || !strings.HasPrefix(obj.Name(), "Write") {
						stored = e.produced(ops)
					}
				}
				e.heap.store(a.val, minus(stored, e.types.of(target)))
				if obj != nil && e.rep.writesOut(fn, a.val) {
					for _, b := range ops {
						e.rep.writeOut(fn, c.Pos(), a.val, b, e.vs.deep(b.val), shortName(obj))
					}
				}
			}
			// A wrapper around a stream (bufio.NewWriter(f),
			// json.NewEncoder(&buf)) shares the stream's memory.
			// Its error does not (png.Encode(&buf, img)).
			if _, isConst := a.val.(*ssa.Const); !isConst && call != nil && isPtrOrIface(call.Type()) && !opaqueResult(call.Type()) && e.vs.isStream(target) {
				// Not a nil stream: every request made with a nil
				// body would share one memory.
				e.heap.alias(call, a.val)
			}
		case *types.Signature:
			// A callback receives what the other arguments carry (an
			// iterator's sequence), not what it captured itself.
			var in set
			for _, b := range ops {
				if b.val != a.val {
					union(&in, e.vs.whole(b.val))
				}
			}
			if !c.IsInvoke() && c.StaticCallee() == nil {
				union(&in, e.vs.explicit(c.Value))
			}
			e.feedClosure(a.val, in)
		}
	}
}

// serviceReceiver drops the receiver from ops when c calls a method of an
// interface of analysed code whose implementations are not known here: a
// store, a client, a tool, a messenger. Its results carry what the call
// was given, not everything the object behind the interface holds
// (store.MemberIDs(sender) returns IDs, tool.Name() a constant). The
// standard library's interfaces keep it (ctx.Value(k) returns what the
// context holds), and so does a method that returns the interface's own
// type: a derived logger (l.With(...).Named("api")) carries the
// receiver's fields.
func serviceReceiver(c *ssa.CallCommon, obj *types.Func, ops []arg) []arg {
	if !c.IsInvoke() || obj == nil || obj.Pkg() == nil || !stdlib.InModule(obj.Pkg().Path()) {
		return ops
	}
	res := obj.Signature().Results()
	for i := 0; i < res.Len(); i++ {
		if types.Identical(res.At(i).Type(), c.Value.Type()) {
			return ops
		}
	}
	var out []arg
	for _, a := range ops {
		if a.val != c.Value {
			out = append(out, a)
		}
	}
	return out
}

// writable reports whether code the engine does not see may write the
// data of a call into argument v (of concrete type t): a stream (an
// io.Writer: builders, buffers, files, hashes), an address taken for the
// call (json.Unmarshal(data, &v), rows.Scan(&name)), or a byte slice. A
// handle such as *sql.DB is not: a query's arguments do not become part of
// every later result.
func (e *engine) writable(v ssa.Value, t types.Type) bool {
	if e.vs.isStream(t) {
		return true
	}
	if mi, ok := v.(*ssa.MakeInterface); ok {
		v = mi.X
	}
	switch v.(type) {
	case *ssa.Alloc, *ssa.FieldAddr, *ssa.IndexAddr:
		return true
	}
	return isBytes(t)
}

func isBytes(t types.Type) bool {
	sl, ok := ssax.Under(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := ssax.Under(sl.Elem()).(*types.Basic)
	return ok && b.Kind() == types.Byte
}

// others is the taint of the arguments other than v.
func (e *engine) others(ops []arg, v ssa.Value) set {
	var out set
	for _, b := range ops {
		if b.val != v {
			union(&out, e.vs.whole(b.val))
		}
	}
	return out
}

// produced is the taint of the arguments that can give data out: all but
// the streams that are only written to (a file opened for writing is
// read from too, a gzip writer or an io.Writer is not).
func (e *engine) produced(ops []arg) set {
	var out set
	for _, b := range ops {
		if t := b.val.Type(); e.vs.isStream(t) && !types.Implements(t, ioReader) {
			continue
		}
		union(&out, e.vs.whole(b.val))
	}
	return out
}

// decodes reports whether a function named name fills the addresses it
// is given: Unmarshal, Decode, Scan and their variants.
func decodes(name string) bool {
	for _, p := range decoderPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// encodes reports whether c calls an encoder through an interface: a
// method named Add..., Append..., Encode... or Write... writes its
// arguments into the receiver (zapcore.ObjectEncoder.AddString). Recorded
// as a side effect when the receiver is a parameter, this tells what a
// MarshalLogObject method emits.
func encodes(c *ssa.CallCommon) bool {
	if !c.IsInvoke() {
		return false
	}
	name := c.Method.Name()
	for _, p := range encoderPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

var (
	byteSlice = types.NewSlice(types.Typ[types.Byte])
	streamSig = types.NewSignatureType(nil, nil, nil, types.NewTuple(types.NewParam(0, nil, "p", byteSlice)), types.NewTuple(types.NewParam(0, nil, "n", types.Typ[types.Int]), types.NewParam(0, nil, "err", types.Universe.Lookup("error").Type())), false)
	ioWriter  = types.NewInterfaceType([]*types.Func{types.NewFunc(0, nil, "Write", streamSig)}, nil).Complete()
	ioReader  = types.NewInterfaceType([]*types.Func{types.NewFunc(0, nil, "Read", streamSig)}, nil).Complete()
)

// results gives every result of call that can carry data the taint of
// args, and returns that taint. An error result (or a type descriptor: see opaqueResult) is not given
// it: an error
// carries data only where code the engine sees puts it there
// (fmt.Errorf("bad %s", email), errors.New(email), an error type whose
// Error returns a field), never because of what its call was given (the
// error of db.Exec(q, email), of w.Write(row), of an interface method).
func (e *engine) results(call *ssa.Call, args []arg) set {
	var all set
	for _, a := range args {
		union(&all, e.vs.whole(a.val))
	}
	if call == nil || len(all) == 0 {
		return all
	}
	if tup, ok := call.Type().(*types.Tuple); ok && tup.Len() > 1 {
		for i := 0; i < tup.Len(); i++ {
			if t := tup.At(i).Type(); !opaqueResult(t) {
				e.vs.setResult(call, i, minus(all, e.types.of(t)))
			}
		}
	} else if !opaqueResult(call.Type()) {
		e.vs.setResult(call, 0, minus(all, e.types.of(call.Type())))
	}
	return all
}

// errorInputs gives the error results of a library call that shows some
// of its arguments in its error (see errorInputs in models.go) their
// taint; args are the call's data arguments.
func (k *callSite) errorInputs(args []arg) {
	if k.obj == nil || k.call == nil {
		return
	}
	params, ok := errorInputs[sinks.Key(k.obj)]
	if !ok {
		return
	}
	e, call := k.e, k.call
	var s set
	for _, a := range args {
		if slices.Equal(params, allParams) || slices.Contains(params, a.param) {
			union(&s, e.vs.whole(a.val))
		}
	}
	if len(s) == 0 {
		return
	}
	if tup, ok := call.Type().(*types.Tuple); ok {
		for i := 0; i < tup.Len(); i++ {
			if isError(tup.At(i).Type()) {
				e.vs.setResult(call, i, s)
			}
		}
	} else if isError(call.Type()) {
		e.vs.setResult(call, 0, s)
	}
}

// opaqueResult reports whether a result of type t of a call the engine
// does not see carries nothing of the call's arguments: an error (see
// results), or a type descriptor (reflect.TypeOf(u), v.Kind(): types are
// not data).
func opaqueResult(t types.Type) bool {
	if isError(t) || isErrorType(t) {
		return true
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return typeDescriptors[n.Obj().Pkg().Path()+"."+n.Obj().Name()]
	}
	return false
}

// isError reports whether t is the error interface.
func isError(t types.Type) bool {
	return types.Identical(t, errorType)
}

var errorType = types.Universe.Lookup("error").Type()

// isErrorType reports whether t is a concrete error type: a named type,
// or a pointer to one, whose methods include Error() string
// (*model.AppError). What such a value carries is what code puts in it,
// as for the error interface.
func isErrorType(t types.Type) bool {
	if _, ok := types.Unalias(deref(t)).(*types.Named); !ok {
		return false
	}
	return types.Implements(t, errorIface)
}

var errorIface = errorType.Underlying().(*types.Interface)

func isPtrOrIface(t types.Type) bool {
	switch ssax.Under(t).(type) {
	case *types.Pointer, *types.Interface:
		return true
	}
	return false
}

// feedClosure gives the parameters of a function value passed to unknown
// code the taint of the call's other arguments (iterator callbacks,
// range-over-func bodies).
func (e *engine) feedClosure(v ssa.Value, s set) {
	if len(s) == 0 {
		return
	}
	var f *ssa.Function
	switch v := v.(type) {
	case *ssa.MakeClosure:
		f, _ = v.Fn.(*ssa.Function)
	case *ssa.Function:
		f = v
	}
	if f == nil || !e.local[f] {
		return
	}
	for _, p := range f.Params {
		if carriesData(p.Type()) {
			e.vs.add(p, minus(s, e.types.of(p.Type())))
		}
	}
}
