package taint

import (
	"go/types"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/piilint/piilint/internal/sinks"
)

// loggers knows which types are output handles: loggers (a type with a
// method that is a log sink: *log.Logger, *slog.Logger, zap's, a logging
// facade's interface, and tests' handles *testing.T, B, F, TB and the
// common their methods are promoted from, whose Log, Error, Fatal and
// Skip methods are sinks), but not an event builder whose sink outputs
// its receiver (a zerolog event gathers its fields before Send). Such a
// value is where data goes, not data: what a call writes into it (an
// assertion helper given t and a user, a facade given a logger and an
// email) does not make every later use of it carry the email
// (t.TempDir(), an ID-only log line).
type loggers struct {
	oracle Oracle
	cache  typeutil.Map // types.Type -> bool
}

func (ls *loggers) is(t types.Type) bool {
	if v := ls.cache.At(t); v != nil {
		return v.(bool)
	}
	is := ls.compute(t)
	ls.cache.Set(t, is)
	return is
}

func (ls *loggers) compute(t types.Type) bool {
	named, ok := types.Unalias(deref(t)).(*types.Named)
	if !ok {
		return false
	}
	for _, mt := range []types.Type{named, types.NewPointer(named)} {
		if _, isIface := named.Underlying().(*types.Interface); isIface && mt != types.Type(named) {
			continue
		}
		ms := types.NewMethodSet(mt)
		for i := 0; i < ms.Len(); i++ {
			m, ok := ms.At(i).Obj().(*types.Func)
			if !ok {
				continue
			}
			if s, ok := ls.oracle.Sink(m); ok && s.Class == sinks.Log && s.Writer == 0 && s.Data != sinks.Recv {
				return true
			}
		}
	}
	return false
}
