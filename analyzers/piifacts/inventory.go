package piifacts

import (
	"cmp"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/inventory"
	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/report"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

// reportInventory reports the package's inventory records (-inventory):
// its marked fields and types, the flows of its findings with their
// status (reported, allowed by the configuration, silenced by
// //piilint:ignore), and the sanitizer calls that take fields' data, as
// diagnostics of category inventory.Category whose message is the record.
// The positions of the records are those of the diagnostics.
func (p *pkgState) reportInventory(res *Result, sanitized []taint.Sanitization) {
	pass := p.pass
	emit := func(pos token.Pos, r inventory.Record) {
		pass.Report(analysis.Diagnostic{Pos: pos, Category: inventory.Category, Message: r.Encode()})
	}
	element := func(key, name, kind, how string) *inventory.Element {
		cls, _ := p.vocab.Class(kind)
		category, ok := p.cfg.Category(kind)
		if !ok {
			category = inventory.CategoryOf(kind)
		}
		return &inventory.Element{Key: key, Package: pass.Pkg.Path(), Name: name, Kind: kind, Class: string(cls),
			Category: category, Special: pii.Special(kind), Marked: how}
	}
	vars := slices.Collect(func(yield func(*types.Var) bool) {
		for v, f := range p.fields {
			if !f.NotPII && !yield(v) {
				return
			}
		}
	})
	slices.SortFunc(vars, func(a, b *types.Var) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, v := range vars {
		f := p.fields[v]
		emit(v.Pos(), inventory.Record{Element: element(f.Key, f.Name, f.Kind, f.How)})
	}
	tns := slices.Collect(func(yield func(*types.TypeName) bool) {
		for tn := range p.types {
			if !yield(tn) {
				return
			}
		}
	})
	slices.SortFunc(tns, func(a, b *types.TypeName) int { return cmp.Compare(a.Pos(), b.Pos()) })
	for _, tn := range tns {
		f := p.types[tn]
		emit(tn.Pos(), inventory.Record{Element: element(f.Key, f.Name, f.Kind, f.How)})
	}

	for _, f := range res.Findings {
		if tf := pass.Fset.File(f.Pos); tf != nil && res.Generated[tf.Name()] || f.Sink.Dest.StrictOnly() {
			continue
		}
		flow := &inventory.Flow{Element: f.Source.Key, Name: f.Source.Name, Kind: f.Source.Kind, Class: string(f.Sink.Class),
			Destination: report.Destination(f.Sink), Sink: f.Sink.Callee, Via: f.Sink.Via, Function: enclosingFunc(pass.Files, f.Pos),
			Status: inventory.Reported}
		if f.Sink.Class == sinks.Transport {
			flow.URL = constURL(pass, f.Call)
		}
		name := f.Sink.Class.Analyzer()
		cls, _ := p.vocab.Class(f.Source.Kind)
		if d := res.Ignores.Find(name, f.Pos); d != nil {
			flow.Status, flow.Reason = inventory.Silenced, d.Reason
		} else if d := res.Ignores.Find(name, f.Call); d != nil {
			flow.Status, flow.Reason = inventory.Silenced, d.Reason
		} else if r, ok := res.Config.Allowed(name, f.Source.Kind, cls, pass.Pkg.Path()); ok {
			flow.Status, flow.Reason = inventory.Allowed, r.Reason
		}
		emit(f.Pos, inventory.Record{Flow: flow})
	}
	for _, f := range pass.Files {
		if tf := pass.Fset.File(f.Pos()); tf != nil && res.Generated[tf.Name()] {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.CompositeLit); ok && isTLSConfig(pass.TypesInfo.TypeOf(lit)) {
				emit(lit.Pos(), inventory.Record{Measure: &inventory.Measure{Kind: "tls", Setting: tlsSettings(lit),
					Function: enclosingFunc(pass.Files, lit.Pos())}})
			}
			return true
		})
	}
	for _, s := range sanitized {
		if tf := pass.Fset.File(s.Pos); tf != nil && res.Generated[tf.Name()] {
			continue
		}
		emit(s.Pos, inventory.Record{Flow: &inventory.Flow{Element: s.Source.Key, Name: s.Source.Name, Kind: s.Source.Kind,
			Class: "sanitizer", Destination: "sanitizer " + s.Sanitizer, Sink: s.Sanitizer, Function: enclosingFunc(pass.Files, s.Pos),
			Status: inventory.Sanitized, Reason: "taken by " + s.Sanitizer}})
	}
}

// isTLSConfig reports whether t is crypto/tls.Config.
func isTLSConfig(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "crypto/tls" && n.Obj().Name() == "Config"
}

// tlsSettings is what a tls.Config literal sets of what decides how a
// connection is protected ("defaults" when it sets none of it).
func tlsSettings(lit *ast.CompositeLit) string {
	var out []string
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch key.Name {
		case "InsecureSkipVerify", "MinVersion", "MaxVersion", "RootCAs", "ClientCAs", "ClientAuth", "Certificates",
			"VerifyPeerCertificate", "VerifyConnection", "CipherSuites", "ServerName":
			out = append(out, key.Name+": "+types.ExprString(kv.Value))
		}
	}
	if len(out) == 0 {
		return "defaults"
	}
	return strings.Join(out, ", ")
}

// constURL is the URL a call at lparen is given as a constant argument
// ("http://partner.example.com/tickets"), or "".
func constURL(pass *analysis.Pass, lparen token.Pos) string {
	var url string
	for _, f := range pass.Files {
		if lparen < f.FileStart || lparen > f.FileEnd {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if url != "" {
				return false
			}
			call, ok := n.(*ast.CallExpr)
			if !ok || call.Lparen != lparen {
				return n == nil || n.Pos() <= lparen && lparen <= n.End()
			}
			for _, a := range call.Args {
				if tv := pass.TypesInfo.Types[a]; tv.Value != nil && tv.Value.Kind() == constant.String {
					if s := constant.StringVal(tv.Value); strings.Contains(s, "://") {
						url = s
						return false
					}
				}
			}
			return false
		})
	}
	return url
}

// enclosingFunc names the function declaration around pos: "F", "(T).M",
// "(*T).M"; "" outside functions.
func enclosingFunc(files []*ast.File, pos token.Pos) string {
	for _, f := range files {
		if pos < f.FileStart || pos > f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || pos < fd.Pos() || pos > fd.End() {
				continue
			}
			if fd.Recv == nil || len(fd.Recv.List) == 0 {
				return fd.Name.Name
			}
			return "(" + types.ExprString(fd.Recv.List[0].Type) + ")." + fd.Name.Name
		}
	}
	return ""
}
