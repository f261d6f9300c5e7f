package taint

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

// plainWrappers are the constructors whose result writes, unencrypted,
// into the writer arguments they are given: a gzip writer over a file
// still makes a readable file. A constructor not listed here (an
// encrypting writer from another package) does not make a plain file.
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

// plainFile reports whether writing to v writes a file on disk in the
// clear: an *os.File other than standard output and standard error (from
// os.Create, os.OpenFile, a parameter or field of that type), or a plain
// wrapper over one (bufio, gzip, tabwriter, an encoder). Writers whose
// origin is unknown (an io.Writer parameter, a network connection, an
// encrypting writer) are not.
func (e *engine) plainFile(v ssa.Value) bool {
	if b, ok := e.files[v]; ok {
		return b
	}
	e.files[v] = false // cycles through phis
	b := e.attrs(v)&attrStdout == 0 && e.fileOrigin(v)
	e.files[v] = b
	return b
}

func (e *engine) fileOrigin(v ssa.Value) bool {
	if isOSFile(v.Type()) {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
				return false // os.Stdin, os.Stdout, os.Stderr
			}
		}
		return true
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return e.plainFile(v.X)
	case *ssa.ChangeInterface:
		return e.plainFile(v.X)
	case *ssa.ChangeType:
		return e.plainFile(v.X)
	case *ssa.TypeAssert:
		return e.plainFile(v.X)
	case *ssa.Extract:
		return v.Index == 0 && e.plainFile(v.Tuple)
	case *ssa.Phi:
		for _, edge := range v.Edges {
			if e.plainFile(edge) {
				return true
			}
		}
	case *ssa.Call:
		obj, _ := calleeObj(&v.Call)
		if obj == nil || !plainWrappers[sinks.Key(obj)] {
			return false
		}
		for _, a := range v.Call.Args {
			if e.plainFile(a) {
				return true
			}
		}
	}
	return false
}

// isOSFile reports whether t is *os.File.
func isOSFile(t types.Type) bool {
	p, ok := t.Underlying().(*types.Pointer)
	if !ok {
		return false
	}
	n, ok := types.Unalias(p.Elem()).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "os" && n.Obj().Name() == "File"
}

// writeFile reports taint w of argument a written by the call at pos
// into target's memory when target is a plain file: an io.Writer's Write,
// io.Copy into a gzip writer over a file, an encoder over a file, a
// helper whose summary writes its argument into the writer it is given.
func (e *engine) writeFile(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if len(w) == 0 || a.val == target || !e.plainFile(target) {
		return
	}
	e.reach(fn, pos, a, w, SinkRef{Class: sinks.Export, Dest: sinks.DestFile, Callee: name})
}
