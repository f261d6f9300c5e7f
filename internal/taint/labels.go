package taint

import (
	"cmp"
	"go/token"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// maxSteps bounds the flow kept for a label.
const maxSteps = 8

type labelID int32

// A label is a concrete source or a symbolic parameter of a function being
// summarised.
type label struct {
	src   *Source
	fn    *ssa.Function
	param int
	path  string // part of the parameter, see Summary
}

// maxPath bounds the parts of a parameter a summary distinguishes; deeper
// accesses are summarised as their prefix.
const maxPath = 3

// maxPaths bounds the parts of one parameter a summary distinguishes; past
// it, new parts are summarised as the whole parameter. Big structs
// (parsers, emitters) would otherwise make summaries quadratic.
const maxPaths = 16

// set maps labels to the steps that brought them to a value.
type set map[labelID][]Step

// labelTable interns the labels of a package: one per source, one per
// part of a parameter of a function being summarised.
type labelTable struct {
	all      []label
	srcIDs   map[string]labelID
	paramIDs map[paramKey]labelID
	paths    map[paramKey]int // parts per parameter (path "")
	validity map[paramKey]bool
	// collapsed are the labels that stand for a top-level field and
	// everything below it (see part): extending them keeps them.
	collapsed map[labelID]bool
}

func newLabelTable() labelTable {
	return labelTable{
		srcIDs:    make(map[string]labelID),
		paramIDs:  make(map[paramKey]labelID),
		paths:     make(map[paramKey]int),
		validity:  make(map[paramKey]bool),
		collapsed: make(map[labelID]bool),
	}
}

// source is the label of a source.
func (t *labelTable) source(src *Source) labelID {
	if id, ok := t.srcIDs[src.Key]; ok {
		return id
	}
	id := labelID(len(t.all))
	t.all = append(t.all, label{src: src})
	t.srcIDs[src.Key] = id
	return id
}

// param is the label of part path of parameter i of fn.
func (t *labelTable) param(fn *ssa.Function, i int, path string) labelID {
	k := paramKey{fn, i, path}
	if id, ok := t.paramIDs[k]; ok {
		return id
	}
	id := labelID(len(t.all))
	t.all = append(t.all, label{fn: fn, param: i, path: path})
	t.paramIDs[k] = id
	return id
}

// part is the label of part path of a parameter. Once the parameter has
// maxPaths parts, a new part is summarised as its top-level field
// (".Attachments" for ".Attachments[].Name"), and past twice that as the
// whole parameter: a big struct stays cheap, and a field of it read in a
// helper still does not stand for all of it.
func (t *labelTable) part(fn *ssa.Function, i int, path string) labelID {
	if id, ok := t.paramIDs[paramKey{fn, i, path}]; ok {
		return id
	}
	k := paramKey{fn: fn, i: i}
	if t.paths[k] >= maxPaths {
		top := topField(path)
		if top == "" {
			return t.param(fn, i, "")
		}
		id, ok := t.paramIDs[paramKey{fn, i, top}]
		if !ok {
			if t.paths[k] >= 2*maxPaths {
				return t.param(fn, i, "")
			}
			t.paths[k]++
			id = t.param(fn, i, top)
		}
		t.collapsed[id] = true
		return id
	}
	t.paths[k]++
	return t.param(fn, i, path)
}

// topField is the first field of a path (".Attachments" for
// ".Attachments[].Name"), or "" when the path starts with an element.
func topField(path string) string {
	segs := splitPath(path)
	if len(segs) == 0 || segs[0] == "[]" {
		return ""
	}
	return "." + segs[0]
}

// valid reports whether a value of the type of parameter i of fn can
// have part path: every field on the path exists, and elements are taken
// of slices, arrays, maps and channels. Past an interface or a type
// parameter the value's type is not known, and any path is valid.
func (t *labelTable) valid(fn *ssa.Function, i int, path string) bool {
	k := paramKey{fn, i, path}
	if v, ok := t.validity[k]; ok {
		return v
	}
	ok := true
	if i < len(fn.Params) {
		ok = pathValid(fn.Params[i].Type(), path)
	}
	t.validity[k] = ok
	return ok
}

// extend selects part sub of every parameter label in s: the taint of
// c.Email, for a parameter c, is the part ".Email" of c. Concrete sources
// stay as they are.
func (t *labelTable) extend(s set, sub string) set {
	if len(s) == 0 {
		return s
	}
	var out set
	each := func(id labelID, steps []Step) {
		l := t.all[id]
		if l.src == nil && !t.collapsed[id] && strings.Count(l.path, ".")+strings.Count(l.path, "[]") < maxPath {
			if !t.valid(l.fn, l.param, l.path+sub) {
				// A part the parameter's type does not have: memory
				// shared by values of different types (an alias class
				// that holds a config and a response) is not a flow
				// from the parameter.
				return
			}
			id = t.part(l.fn, l.param, l.path+sub)
		}
		if out == nil {
			out = make(set, len(s))
		}
		if _, ok := out[id]; !ok {
			out[id] = steps
		}
	}
	if len(s) == 1 {
		for id, steps := range s {
			each(id, steps)
		}
		return out
	}
	for _, id := range sortedKeys(s) {
		each(id, s[id])
	}
	return out
}

// union adds src to *dst and reports whether *dst grew.
func union(dst *set, src set) bool {
	grew := false
	for id, steps := range src {
		if *dst == nil {
			*dst = make(set)
		}
		if _, ok := (*dst)[id]; !ok {
			(*dst)[id] = steps
			grew = true
		}
	}
	return grew
}

// with returns s with step appended to every label's flow.
func with(s set, step Step) set {
	if len(s) == 0 || step.Pos == token.NoPos {
		return s
	}
	out := make(set, len(s))
	for id, steps := range s {
		if len(steps) < maxSteps {
			steps = append(slices.Clip(steps), step)
		}
		out[id] = steps
	}
	return out
}

// symbolic is the part of s made of parameter labels: what a value of a
// type that cannot hold text (a number, a boolean) keeps of what flowed
// around it. The caller that binds the parameter judges the part by its
// own type and markings.
func (t *labelTable) symbolic(s set) set {
	var out set
	for id, steps := range s {
		if t.all[id].src == nil {
			if out == nil {
				out = make(set)
			}
			out[id] = steps
		}
	}
	return out
}

func minus(s set, ids []labelID) set {
	if len(s) == 0 || len(ids) == 0 {
		return s
	}
	out := make(set, len(s))
	for id, steps := range s {
		if !slices.Contains(ids, id) {
			out[id] = steps
		}
	}
	return out
}

func minusIDs(a, b []labelID) []labelID {
	if len(b) == 0 {
		return a
	}
	var out []labelID
	for _, id := range a {
		if !slices.Contains(b, id) {
			out = append(out, id)
		}
	}
	return out
}

func labelSet(ids []labelID) set {
	if len(ids) == 0 {
		return nil
	}
	s := make(set, len(ids))
	for _, id := range ids {
		s[id] = nil
	}
	return s
}

// sortedKeys is the keys of m in ascending order. A loop over a set that
// makes labels (parts of parameters, of which a function gets maxPaths)
// meets the set's labels in this order, so that the labels, and the
// summaries made of them, are the same on every run.
func sortedKeys[K cmp.Ordered, V any](m map[K]V) []K {
	return slices.Sorted(maps.Keys(m))
}

func sortedIDs(s set) []labelID {
	ids := make([]labelID, 0, len(s))
	for id := range s {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}
