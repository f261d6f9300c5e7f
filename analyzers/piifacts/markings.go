package piifacts

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"strconv"
	"strings"

	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/pii"
)

// mark reads the package's tags, directives and configured entries.
func (p *pkgState) mark() {
	seen := make(map[*ast.StructType]bool)
	for _, file := range p.pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.GenDecl:
				if n.Tok != token.TYPE {
					return true
				}
				for _, spec := range n.Specs {
					ts := spec.(*ast.TypeSpec)
					doc := ts.Doc
					if doc == nil && len(n.Specs) == 1 {
						doc = n.Doc
					}
					p.markType(ts, doc)
					if st, ok := ts.Type.(*ast.StructType); ok {
						seen[st] = true
						p.markStruct(ts.Name.Name, st, seen)
					}
				}
			case *ast.FuncDecl:
				p.markFunc(n)
			case *ast.StructType:
				if !seen[n] {
					seen[n] = true
					p.markStruct("", n, seen)
				}
			}
			return true
		})
	}
	p.markConfig()
}

func (p *pkgState) markStruct(owner string, st *ast.StructType, seen map[*ast.StructType]bool) {
	for _, f := range st.Fields.List {
		p.markField(owner, f)
		if inner, ok := f.Type.(*ast.StructType); ok && len(f.Names) > 0 && !seen[inner] {
			seen[inner] = true
			name := f.Names[0].Name
			if owner != "" {
				name = owner + "." + name
			}
			p.markStruct(name, inner, seen)
		}
	}
}

func (p *pkgState) markField(owner string, f *ast.Field) {
	var mark *pii.Marking
	var how string
	if f.Tag != nil {
		tag, err := strconv.Unquote(f.Tag.Value)
		if err == nil {
			for _, key := range p.cfg.TagKeys() {
				v, ok := reflect.StructTag(tag).Lookup(key)
				if !ok {
					// pii:email, pii:'email': the go vet structtag check
					// reports the tag; the marking still counts.
					v, ok = unquotedValue(tag, key)
					if !ok {
						continue
					}
					p.pass.Reportf(f.Tag.Pos(), "malformed struct tag %s: want %s:\"<kind>\" with the value in double quotes", tag, key)
				} else if n := countKey(tag, key); n > 1 {
					p.pass.Reportf(f.Tag.Pos(), "struct tag has %d %s keys: only the first, %s, is read", n, key, quote(key, v))
				}
				m, ok, err := p.vocab.ParseTag(key, v)
				if err != nil {
					p.pass.Reportf(f.Tag.Pos(), "%v", err)
				}
				if ok && mark == nil {
					mark, how = &m, quote(key, v)
				}
			}
		}
	}
	at := f.Type.Pos()
	if len(f.Names) > 0 {
		at = f.Names[0].Pos()
	}
	for _, cg := range []*ast.CommentGroup{f.Doc, f.Comment} {
		for _, d := range p.directives(cg, at) {
			switch d.Verb {
			case "sanitizer", "sink":
				p.pass.Reportf(d.pos, "//pii:%s applies to functions, not fields", d.Verb)
			case "-":
				if mark == nil {
					mark, how = &pii.Marking{NotPII: true}, "directive //pii:-"
				}
			default:
				if mark == nil {
					mark, how = &pii.Marking{Kind: d.Verb}, "directive //pii:"+d.Verb
				}
			}
		}
	}
	if mark == nil {
		return
	}
	idents := f.Names
	if len(idents) == 0 {
		idents = []*ast.Ident{embeddedName(f.Type)}
	}
	for _, id := range idents {
		if id == nil {
			continue
		}
		v, ok := p.pass.TypesInfo.Defs[id].(*types.Var)
		if !ok {
			continue
		}
		p.setField(v, owner, *mark, how)
	}
}

func (p *pkgState) setField(v *types.Var, owner string, m pii.Marking, how string) {
	name := v.Name()
	if owner != "" {
		name = owner + "." + name
	}
	p.fields[v] = &FieldFact{
		Key:    p.pass.Pkg.Path() + "." + name,
		Name:   name,
		Kind:   m.Kind,
		How:    how,
		NotPII: m.NotPII,
	}
}

func embeddedName(e ast.Expr) *ast.Ident {
	switch e := e.(type) {
	case *ast.Ident:
		return e
	case *ast.StarExpr:
		return embeddedName(e.X)
	case *ast.SelectorExpr:
		return e.Sel
	case *ast.IndexExpr:
		return embeddedName(e.X)
	case *ast.IndexListExpr:
		return embeddedName(e.X)
	}
	return nil
}

func (p *pkgState) markType(ts *ast.TypeSpec, doc *ast.CommentGroup) {
	tn, ok := p.pass.TypesInfo.Defs[ts.Name].(*types.TypeName)
	if !ok {
		return
	}
	for _, d := range p.directives(doc, ts.Name.Pos()) {
		switch d.Verb {
		case "sanitizer", "sink":
			p.pass.Reportf(d.pos, "//pii:%s applies to functions, not types", d.Verb)
		case "-":
		default:
			p.types[tn] = &TypeFact{Key: p.pass.Pkg.Path() + "." + tn.Name(), Name: tn.Name(), Kind: d.Verb, How: "directive //pii:" + d.Verb}
		}
	}
}

func (p *pkgState) markFunc(fd *ast.FuncDecl) {
	fn, ok := p.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return
	}
	for _, d := range p.directives(fd.Doc, fd.Name.Pos()) {
		ff := p.funcs[fn]
		if ff == nil {
			ff = new(FuncFact)
		}
		switch d.Verb {
		case "sanitizer":
			ff.Sanitizer = true
		case "sink":
			ff.Sink = d.Arg
		default:
			p.pass.Reportf(d.pos, "//pii:%s marks fields and types; a function is marked with //pii:sanitizer or //pii:sink <class>", d.Verb)
			continue
		}
		p.funcs[fn] = ff
	}
}

type directive struct {
	pii.Directive
	pos token.Pos
}

// directives parses the //pii: lines of a comment group, reporting
// malformed ones.
// Problems are reported at the declaration the directive decorates, at.
func (p *pkgState) directives(cg *ast.CommentGroup, at token.Pos) []directive {
	if cg == nil {
		return nil
	}
	var out []directive
	for _, c := range cg.List {
		d, ok, err := p.vocab.ParseDirective(c.Text)
		if err != nil {
			p.pass.Reportf(at, "%v", err)
			if d.Verb == "" {
				continue
			}
			// An unknown kind, tracked as the generic kind.
		}
		if ok {
			out = append(out, directive{d, at})
		}
	}
	return out
}

// markConfig applies the configured fields and types of this package and
// reports those that match nothing.
func (p *pkgState) markConfig() {
	if len(p.pass.Files) == 0 {
		return
	}
	path := p.pass.Pkg.Path()
	where := p.pass.Files[0].Name.Pos()
	at := func(line int) string {
		if p.cfg.File == "" {
			return "configuration"
		}
		if line > 0 {
			return fmt.Sprintf("%s:%d", p.cfg.File, line)
		}
		return p.cfg.File
	}
	for _, r := range p.cfg.Fields {
		pkgPath, typeName, fieldName, err := config.SplitField(r.Field)
		if err != nil || pkgPath != path {
			continue
		}
		st, ok := p.lookupStruct(typeName)
		if !ok {
			p.pass.Reportf(where, "%s: field %s matches nothing: package %s has no struct type %s", at(r.Line), r.Field, path, typeName)
			continue
		}
		found := false
		for i := 0; i < st.NumFields(); i++ {
			if f := st.Field(i); f.Name() == fieldName {
				found = true
				if p.fields[f] == nil {
					p.setField(f, typeName, pii.Marking{Kind: r.Kind}, "config "+at(r.Line))
				}
			}
		}
		if !found {
			p.pass.Reportf(where, "%s: field %s matches nothing: struct %s has no field %s", at(r.Line), r.Field, typeName, fieldName)
		}
	}
	for _, r := range p.cfg.Types {
		pkgPath, typeName, err := config.SplitType(r.Type)
		if err != nil || pkgPath != path {
			continue
		}
		tn, ok := p.pass.Pkg.Scope().Lookup(typeName).(*types.TypeName)
		if !ok {
			p.pass.Reportf(where, "%s: type %s matches nothing: package %s has no type %s", at(r.Line), r.Type, path, typeName)
			continue
		}
		if p.types[tn] == nil {
			p.types[tn] = &TypeFact{Key: path + "." + typeName, Name: typeName, Kind: r.Kind, How: "config " + at(r.Line)}
		}
	}
}

func (p *pkgState) lookupStruct(name string) (*types.Struct, bool) {
	tn, ok := p.pass.Pkg.Scope().Lookup(name).(*types.TypeName)
	if !ok {
		return nil, false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	return st, ok
}

// unquotedValue finds key:value in a malformed struct tag, the value not
// in double quotes (pii:email, pii:'email'), as a developer meant it.
func unquotedValue(tag, key string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(tag[i:], key+":")
		if j < 0 {
			return "", false
		}
		i += j
		if i == 0 || tag[i-1] == ' ' {
			v := tag[i+len(key)+1:]
			if end := strings.IndexAny(v, " \t"); end >= 0 {
				v = v[:end]
			}
			v = strings.Trim(v, "'`")
			return v, v != "" && !strings.HasPrefix(v, "\"")
		}
		i += len(key) + 1
	}
}

// countKey counts the keys named key in a well-formed struct tag.
func countKey(tag, key string) int {
	n := 0
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		name, rest, ok := strings.Cut(tag, ":")
		if !ok || rest == "" || rest[0] != '"' {
			break
		}
		v, err := strconv.QuotedPrefix(rest)
		if err != nil {
			break
		}
		if name == key {
			n++
		}
		tag = rest[len(v):]
	}
	return n
}
