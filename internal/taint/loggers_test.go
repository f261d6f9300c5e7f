package taint

import (
	"go/types"
	"testing"
)

// TestLoggers: output handles (loggers, tests' handles) are told apart
// from data and from event builders whose sink outputs their receiver.
func TestLoggers(t *testing.T) {
	in := prepare(t, `package p

import (
	"bytes"
	"log"
	"log/slog"
	"testing"
)

type Customer struct{ Email string }

func use() {}

var (
	_ *log.Logger
	_ *slog.Logger
	_ *testing.T
	_ testing.TB
	_ *bytes.Buffer
)
`)
	ls := &loggers{oracle: in.Oracle}
	pkg := in.Funcs[0].Pkg.Pkg
	lookup := func(path, name string) types.Type {
		if path == "p" {
			return pkg.Scope().Lookup(name).Type()
		}
		for _, imp := range pkg.Imports() {
			if imp.Path() == path {
				return imp.Scope().Lookup(name).Type()
			}
		}
		t.Fatalf("no %s.%s", path, name)
		return nil
	}
	for _, tc := range []struct {
		path, name string
		ptr, want  bool
	}{
		{"log", "Logger", true, true},
		{"log/slog", "Logger", true, true},
		{"testing", "T", true, true},
		{"testing", "TB", false, true},
		{"testing", "common", true, true},
		{"bytes", "Buffer", true, false},
		{"p", "Customer", true, false},
	} {
		typ := lookup(tc.path, tc.name)
		if tc.ptr {
			typ = types.NewPointer(typ)
		}
		if got := ls.is(typ); got != tc.want {
			t.Errorf("loggers.is(%s) = %v, want %v", typ, got, tc.want)
		}
	}
}
