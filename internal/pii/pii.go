// Package pii defines the vocabulary of personal-data kinds, their
// sensitivity classes, and the parsing of the struct tags and comment
// directives that mark fields, types and functions.
package pii

import (
	"fmt"
	"sort"
	"strings"
)

// Class is the sensitivity class of a kind.
type Class string

const (
	// Secret-class data never leaves, not even to an allowed export.
	Secret Class = "secret"
	// Personal-class data may leave through allowed flows.
	Personal Class = "personal"
)

// special are the kinds of the special categories of personal data of
// GDPR Art. 9 (data concerning health, biometric data), which the law
// protects above other personal data.
var special = map[string]bool{"health": true, "biometric": true}

// Special reports whether kind is a special category of personal data
// (GDPR Art. 9).
func Special(kind string) bool { return special[kind] }

// Generic is the kind of data marked as PII without a specific kind.
const Generic = "pii"

// builtin maps every built-in kind to its class.
var builtin = map[string]Class{
	"name":         Personal,
	"email":        Personal,
	"phone":        Personal,
	"address":      Personal,
	"birthdate":    Personal,
	"national_id":  Personal,
	"passport":     Personal,
	"tax_id":       Personal,
	"card":         Secret,
	"cvv":          Secret,
	"bank_account": Personal,
	"password":     Secret,
	"secret":       Secret,
	"token":        Secret,
	"ip":           Personal,
	"location":     Personal,
	"health":       Personal,
	"biometric":    Personal,
	"username":     Personal,
	Generic:        Personal,
}

// Vocabulary is the set of kinds known to an analysis: the built-in kinds
// plus those added by configuration. The zero value is not usable; use
// NewVocabulary.
type Vocabulary struct {
	classes map[string]Class
}

// NewVocabulary returns the built-in vocabulary extended with extra kinds.
// An extra kind that redefines a built-in one or has an unknown class is an
// error.
func NewVocabulary(extra map[string]Class) (*Vocabulary, error) {
	v := &Vocabulary{classes: make(map[string]Class, len(builtin)+len(extra))}
	for k, c := range builtin {
		v.classes[k] = c
	}
	names := make([]string, 0, len(extra))
	for k := range extra {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		c := extra[k]
		if _, ok := builtin[k]; ok {
			return nil, fmt.Errorf("kind %q is built in and cannot be redefined", k)
		}
		if !validKindName(k) {
			return nil, fmt.Errorf("kind %q: a kind is a lowercase identifier such as %q", k, "loyalty_id")
		}
		if c != Secret && c != Personal {
			return nil, fmt.Errorf("kind %q: class %q is neither %q nor %q", k, c, Secret, Personal)
		}
		v.classes[k] = c
	}
	return v, nil
}

// Default is the built-in vocabulary.
var Default, _ = NewVocabulary(nil)

// Class reports the class of kind and whether the kind is known.
func (v *Vocabulary) Class(kind string) (Class, bool) {
	c, ok := v.classes[kind]
	return c, ok
}

// Kinds returns the known kinds in sorted order.
func (v *Vocabulary) Kinds() []string {
	ks := make([]string, 0, len(v.classes))
	for k := range v.classes {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func validKindName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r == '_':
		case r >= '0' && r <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// DefaultTags are the tag keys read when the configuration names none.
var DefaultTags = []string{"pii", "datapolicy", "sensitive", "levee"}

// Marking is the outcome of parsing one tag or directive.
type Marking struct {
	Kind string // the kind; empty when NotPII
	// NotPII is set by pii:"-": the field is explicitly not personal data.
	NotPII bool
}

// ParseTag interprets the value of the struct tag key for one field.
// It reports ok=false when the tag does not mark the field at all (for
// example sensitive:"false"), and an error for a malformed value or an
// unknown kind.
func (v *Vocabulary) ParseTag(key, value string) (m Marking, ok bool, err error) {
	switch key {
	case "pii":
		value = strings.TrimSpace(value)
		switch value {
		case "", "true":
			return Marking{Kind: Generic}, true, nil
		case "-":
			return Marking{NotPII: true}, true, nil
		}
		if strings.ContainsAny(value, ", \t") {
			return Marking{Kind: Generic}, true, fmt.Errorf("pii tag %q: want a single kind such as %q, or %q; tracked as the generic kind %q", value, "email", "-", Generic)
		}
		if value == "false" {
			return Marking{}, false, fmt.Errorf("pii tag %q: mark a field that is not personal data with %s", value, `pii:"-"`)
		}
		kind := strings.ToLower(value)
		if _, known := v.classes[kind]; !known {
			return Marking{Kind: Generic}, true, fmt.Errorf("pii tag: %s", v.unknownKind(value))
		}
		return Marking{Kind: kind}, true, nil
	case "datapolicy":
		// Kubernetes: datapolicy:"password", "token", "security-key", and
		// comma-separated combinations. The most sensitive one wins.
		best := ""
		for part := range strings.SplitSeq(value, ",") {
			var k string
			switch strings.TrimSpace(part) {
			case "password":
				k = "password"
			case "token":
				k = "token"
			case "security-key", "secret-key":
				k = "secret"
			case "":
				return Marking{}, false, fmt.Errorf("datapolicy tag %q: empty element", value)
			default:
				k = Generic
			}
			if best == "" || best == Generic {
				best = k
			}
		}
		return Marking{Kind: best}, true, nil
	case "sensitive":
		switch strings.TrimSpace(value) {
		case "true", "":
			return Marking{Kind: Generic}, true, nil
		case "false":
			return Marking{}, false, nil
		}
		return Marking{}, false, fmt.Errorf("sensitive tag %q: want %q or %q", value, "true", "false")
	case "levee":
		switch strings.TrimSpace(value) {
		case "source":
			return Marking{Kind: Generic}, true, nil
		}
		return Marking{}, false, fmt.Errorf("levee tag %q: the only marking value is %q", value, "source")
	}
	// A configured custom key behaves like pii.
	m, ok, err = v.ParseTag("pii", value)
	if err != nil {
		err = fmt.Errorf("%s tag: %w", key, err)
	}
	return m, ok, err
}

// Directive is a parsed //pii: comment directive.
type Directive struct {
	Verb string // a kind, "sanitizer", "sink" or "-"
	Arg  string // for "sink": the sink class (log, export, transport)
}

// SinkClasses are the sink classes a //pii:sink directive may name.
var SinkClasses = []string{"log", "export", "transport"}

// ParseDirective parses the text of a comment line. It returns ok=false
// when the comment is not a //pii: directive, and an error when it is one
// but is malformed.
func (v *Vocabulary) ParseDirective(text string) (d Directive, ok bool, err error) {
	rest, found := strings.CutPrefix(text, "//pii:")
	if !found {
		return Directive{}, false, nil
	}
	// A comment may follow the directive: //pii:health // from the intake form
	if i := strings.Index(rest, " //"); i >= 0 {
		rest = rest[:i]
	}
	fields := strings.Fields(rest)
	if len(fields) == 0 || !strings.HasPrefix(rest, fields[0]) {
		return Directive{}, true, fmt.Errorf("malformed directive %q: want //pii:<kind>, //pii:sanitizer or //pii:sink <class>", text)
	}
	switch verb := fields[0]; verb {
	case "sanitizer":
		if len(fields) != 1 {
			return Directive{}, true, fmt.Errorf("directive //pii:sanitizer takes no arguments")
		}
		return Directive{Verb: verb}, true, nil
	case "sink":
		if len(fields) != 2 {
			return Directive{}, true, fmt.Errorf("directive //pii:sink wants one class: %s", strings.Join(SinkClasses, ", "))
		}
		for _, c := range SinkClasses {
			if fields[1] == c {
				return Directive{Verb: verb, Arg: c}, true, nil
			}
		}
		return Directive{}, true, fmt.Errorf("directive //pii:sink: unknown class %q (want %s)", fields[1], strings.Join(SinkClasses, ", "))
	case "-":
		return Directive{Verb: verb}, true, nil
	default:
		if len(fields) != 1 {
			return Directive{}, true, fmt.Errorf("directive //pii:%s takes no arguments", verb)
		}
		kind := strings.ToLower(verb)
		if _, known := v.classes[kind]; !known {
			return Directive{Verb: Generic}, true, fmt.Errorf("directive //pii:%s: %s", verb, v.unknownKind(verb))
		}
		return Directive{Verb: kind}, true, nil
	}
}

// unknownKind describes a kind the vocabulary does not know, with the
// nearest known kind or the list of kinds. The marking still counts, as
// the generic kind: a finding with the wrong kind is better than none.
func (v *Vocabulary) unknownKind(kind string) string {
	msg := fmt.Sprintf("unknown kind %q", kind)
	if s := v.suggest(strings.ToLower(kind)); s != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", s)
	} else {
		msg += fmt.Sprintf(" (known kinds: %s)", strings.Join(v.Kinds(), ", "))
	}
	return msg + fmt.Sprintf("; tracked as the generic kind %q", Generic)
}

// suggest returns the known kind nearest to kind: within one edit (two
// for kinds of six letters or more; a transposition is one), or starting
// with it; "" if none is.
func (v *Vocabulary) suggest(kind string) string {
	best, bestDist := "", 0
	for _, k := range v.Kinds() {
		d := editDistance(kind, k)
		if len(kind) >= 3 && strings.HasPrefix(k, kind) {
			d = min(d, 1)
		}
		limit := 1
		if len(kind) >= 6 {
			limit = 2
		}
		if d <= limit && (best == "" || d < bestDist) {
			best, bestDist = k, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and transpositions of adjacent
// bytes.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
