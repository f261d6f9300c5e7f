package taint

import (
	"go/types"
	"strings"
)

// Sinks deep inside dependencies. A function of another module is a sink
// for its caller only where its role is to output what it is given: it
// passes the parameter to a sink itself, or through at most
// maxForeignHops helpers of its own (a logging facade over zap, a
// wrapper around a wrapper). A longer chain inside a dependency (an ORM's
// optional query cache reached through two interfaces) and a panic inside
// one (an assertion in a key-value store, a framework's Must... helper)
// say what the library does on paths the caller does not choose: they are
// not the caller's leak. Inside the analysed module every chain counts.
const maxForeignHops = 2

// foreignSummary is sum, the summary of fn, as a caller in another
// module sees it: without the sinks that are no role of the function
// (see maxForeignHops), and without flows into error results. An error
// carries what code of the analysed module puts in it; a library error
// that shows its input (strconv's, url's) is modelled (errorInputs), and
// the others say what failed, not the data they were given: bcrypt's
// error on a malformed hash, a Redis command's error, an ORM's.
func (e *engine) foreignSummary(fn *types.Func, sum *Summary) *Summary {
	if out, ok := e.foreign[sum]; ok {
		return out
	}
	var keep []ParamSink
	for _, ps := range sum.Sinks {
		if outputs(ps.Sink) {
			keep = append(keep, ps)
		}
	}
	results := fn.Signature().Results()
	var flows []Flow
	for _, f := range sum.Flows {
		if f.Result >= results.Len() || !isError(results.At(f.Result).Type()) || buildsErrorFrom(fn, f.Param) {
			flows = append(flows, f)
		}
	}
	out := sum
	if len(keep) < len(sum.Sinks) || len(flows) < len(sum.Flows) {
		cp := *sum
		cp.Sinks = keep
		cp.Flows = flows
		out = &cp
	}
	e.foreign[sum] = out
	return out
}

// buildsErrorFrom reports whether function fn of another module builds
// its error from parameter i (receiver first): a function of an errors
// package (github.com/pkg/errors, cockroachdb/errors: errors.Wrapf(err,
// "email=%s", email)), an error it wraps (a parameter of type error), or
// the format and arguments of a printf-like signature (format string,
// args ...any).
func buildsErrorFrom(fn *types.Func, i int) bool {
	if fn.Pkg() != nil {
		path := fn.Pkg().Path()
		if path == "errors" || strings.HasSuffix(path, "/errors") {
			return true
		}
	}
	sig := fn.Signature()
	if sig.Recv() != nil {
		i-- // parameters, as the signature counts them
	}
	params := sig.Params()
	if i < 0 || i >= params.Len() {
		return false
	}
	if isError(params.At(i).Type()) {
		return true
	}
	n := params.Len()
	if !sig.Variadic() || n < 2 {
		return false
	}
	format, ok := params.At(n - 2).Type().(*types.Basic)
	return ok && format.Kind() == types.String && i >= n-2
}

// outputs reports whether a sink a function of another module reaches
// makes the function a sink for its callers.
func outputs(s SinkRef) bool {
	return s.Callee != "panic" && len(s.Via) <= maxForeignHops
}

// sameModule reports whether the package at path is in the module of the
// analysed package. Without a module path (GOPATH mode, analysistest),
// import paths are compared by their repository root: the first element
// for paths without a host (the GOPATH's own packages), the host and
// owner/name for code hosts, the host and first element otherwise.
func (e *engine) sameModule(path string) bool {
	if e.Module != "" {
		return path == e.Module || strings.HasPrefix(path, e.Module+"/")
	}
	if len(e.Funcs) == 0 || e.Funcs[0].Pkg == nil {
		return true
	}
	return repoRoot(path) == repoRoot(e.Funcs[0].Pkg.Pkg.Path())
}

// repoRoot is the repository part of an import path (see sameModule):
// "upstream/x" → "", "github.com/o/r/x" → "github.com/o/r",
// "golang.org/x/tools/go" → "golang.org/x/tools", "go.uber.org/zap/zapcore"
// → "go.uber.org/zap".
func repoRoot(path string) string {
	elems := strings.Split(path, "/")
	if !strings.Contains(elems[0], ".") {
		return ""
	}
	n := 2
	switch elems[0] {
	case "github.com", "gitlab.com", "bitbucket.org", "golang.org":
		n = 3
	}
	if len(elems) < n {
		n = len(elems)
	}
	return strings.Join(elems[:n], "/")
}
