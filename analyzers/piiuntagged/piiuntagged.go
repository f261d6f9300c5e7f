package piiuntagged

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/analysisdoc"
	"github.com/piilint/piilint/internal/guess"
	"github.com/piilint/piilint/internal/stdlib"
)

//go:embed doc.go
var doc string

// Analyzer reports untagged fields that look like PII, with the default
// piifacts analyzer. It is on: a driver that lists it asks for it (the
// piilint command's suite has it off until -piiuntagged).
var Analyzer = New(piifacts.Analyzer, Options{On: true})

// Options configure an analyzer.
type Options struct {
	// On makes the analyzer report; otherwise it does nothing unless its
	// -on flag is set.
	On bool
	// All also reports fields whose name alone is ambiguous.
	All bool
	// Guess extends and trims the vocabulary.
	Guess guess.Options
}

// New returns a piiuntagged analyzer that reads markings from the given
// piifacts analyzer.
func New(facts *analysis.Analyzer, opts Options) *analysis.Analyzer {
	u := &untagged{on: opts.On, all: opts.All, guesser: guess.New(opts.Guess)}
	a := &analysis.Analyzer{
		Name:     "piiuntagged",
		Doc:      analysisdoc.Extract(doc, "piiuntagged"),
		URL:      "https://github.com/piilint/piilint/blob/main/docs/rules.md#piiuntagged",
		Requires: []*analysis.Analyzer{facts},
		Run:      u.run,
	}
	a.Flags.BoolVar(&u.on, "on", u.on, "report fields that look like PII but are not marked (the piilint command's -piiuntagged)")
	a.Flags.BoolVar(&u.all, "all", u.all, "also report fields whose name alone is ambiguous (Name, Address outside a person's struct)")
	return a
}

type untagged struct {
	on, all bool
	guesser *guess.Guesser
}

func (u *untagged) run(pass *analysis.Pass) (any, error) {
	if !u.on {
		return nil, nil
	}
	res, _ := pass.ResultOf[pass.Analyzer.Requires[0]].(*piifacts.Result)
	if res == nil || res.Marked == nil {
		return nil, nil
	}
	for _, file := range pass.Files {
		name := pass.Fset.File(file.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") || stdlib.File(pass.Pkg.Path(), name) {
			continue // test doubles and fixtures; the standard library
		}
		generated := res.Generated[name]
		ast.Inspect(file, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				u.structType(pass, res, ts.Name.Name, st, generated)
			}
			return false
		})
	}
	return nil, nil
}

func (u *untagged) structType(pass *analysis.Pass, res *piifacts.Result, owner string, st *ast.StructType, generated bool) {
	for _, f := range st.Fields.List {
		if inner, ok := f.Type.(*ast.StructType); ok {
			for _, id := range f.Names {
				u.structType(pass, res, owner+"."+id.Name, inner, generated)
			}
			continue
		}
		tag := ""
		if f.Tag != nil {
			if t, err := strconv.Unquote(f.Tag.Value); err == nil {
				tag = t
			}
		}
		for _, id := range f.Names {
			v, ok := pass.TypesInfo.Defs[id].(*types.Var)
			if !ok || id.Name == "_" || res.Marked(v) {
				continue
			}
			g, ok := u.guesser.Field(guess.Field{Struct: owner, Name: id.Name, Type: describe(v.Type(), pass.Pkg), Tag: tag})
			if !ok || !g.Confident && !u.all || res.Ignores.Find("piiuntagged", id.Pos()) != nil {
				continue
			}
			field := owner + "." + id.Name
			d := analysis.Diagnostic{Pos: id.Pos(), End: id.End()}
			switch {
			case generated:
				d.Message = fmt.Sprintf("%s looks like %s but is not marked; in a generated file: add {field: %s.%s, kind: %s} to fields in .piilint.yml",
					field, g.Kind, pass.Pkg.Path(), field, g.Kind)
			default:
				d.Message = fmt.Sprintf("%s looks like %s but is not marked; add pii:%q", field, g.Kind, g.Kind)
				// The names of one declaration share its tag: a fix only
				// for a declaration of one name.
				if len(f.Names) == 1 {
					d.SuggestedFixes = []analysis.SuggestedFix{{
						Message:   fmt.Sprintf("Add pii:%q to %s", g.Kind, field),
						TextEdits: []analysis.TextEdit{tagEdit(f, tag, g.Kind)},
					}}
				}
			}
			pass.Report(d)
		}
	}
}

// tagEdit adds pii:"kind" to the field's tag (tag, unquoted), or gives it
// one.
func tagEdit(f *ast.Field, tag, kind string) analysis.TextEdit {
	add := fmt.Sprintf("pii:%q", kind)
	if f.Tag == nil {
		return analysis.TextEdit{Pos: f.Type.End(), End: f.Type.End(), NewText: []byte(" `" + add + "`")}
	}
	if tag = strings.TrimRight(tag, " "); tag != "" {
		tag += " "
	}
	tag += add
	lit := "`" + tag + "`"
	if strings.Contains(tag, "`") {
		lit = strconv.Quote(tag)
	}
	return analysis.TextEdit{Pos: f.Tag.Pos(), End: f.Tag.End(), NewText: []byte(lit)}
}

// describe writes a field's type as the heuristics read it: with package
// names, and a named type of a basic, function or channel type as that
// type (type Flag bool is a bool).
func describe(t types.Type, pkg *types.Package) string {
	switch u := types.Unalias(t).(type) {
	case *types.Pointer:
		return "*" + describe(u.Elem(), pkg)
	case *types.Slice:
		return "[]" + describe(u.Elem(), pkg)
	case *types.Array:
		return "[]" + describe(u.Elem(), pkg)
	case *types.Named:
		switch u.Underlying().(type) {
		case *types.Basic, *types.Signature, *types.Chan:
			return describe(u.Underlying(), pkg)
		}
	case *types.Basic:
		return u.Name()
	case *types.Signature:
		return "func()"
	case *types.Chan:
		return "chan " + describe(u.Elem(), pkg)
	}
	return types.TypeString(t, func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	})
}
