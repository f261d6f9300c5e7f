// Package guess tells, from a struct field's name, tags, type and the
// struct it sits in, whether the field looks like personal data and of
// which kind: the heuristics of the piiuntagged analyzer, kept apart so
// that a labelled corpus of real fields can score them (see
// testdata/untagged and guess_test.go).
//
// A name is split into words (camelCase with acronyms, snake_case,
// kebab-case: UserEMail is user e mail, phone_no is phone no), folded to
// ASCII lowercase (teléfono is telefono), and read from its last word
// backwards: the kind is in the name's head, its last words, so that
// EmailVerified, EmailTemplateID and PhoneCount are not email or phone
// fields. A few words are ambiguous alone (Name, Address, Mail, Region,
// Location): they count only in a struct that holds a person (Customer,
// User, Contact, Paciente…) or in a context of their kind (a From in a
// Message); elsewhere they are guesses without confidence, which
// piiuntagged reports only with -piiuntagged.all. The type decides too: booleans, functions and channels hold
// no personal data, numbers only identifiers and coordinates, time.Time
// only birth dates, net.IP and netip.Addr are IP addresses and
// mail.Address an email address.
package guess

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Field is a struct field as the heuristics see it.
type Field struct {
	Struct string // the struct type's name, "" for an anonymous struct
	Name   string // the field's name
	Type   string // the field's type as written with package names: "string", "*time.Time", "net.IP"
	Tag    string // the raw tag, without quotes
}

// Guess is what a field looks like.
type Guess struct {
	Kind string // a piilint kind: "email", "phone", ...
	// Confident is false for a field whose name alone is ambiguous
	// (Name, Address, Number in a struct that does not hold a person).
	Confident bool
	// Reason says where the guess comes from: `name "UserEmail"`, `tag
	// json:"correo"`, `type net.IP`.
	Reason string
}

// Options extend and trim the vocabulary.
type Options struct {
	// Words are extra words per kind: a name whose head is one of them
	// is of that kind ("kundennummer": national_id). Words are matched
	// after the same splitting and folding as names, joined: "e-mail" is
	// "email".
	Words map[string][]string
	// Ignore are field names (exact, or Struct.Field) never reported.
	Ignore []string
}

// Guesser applies the heuristics with options. The zero value uses the
// built-in vocabulary.
type Guesser struct {
	extra  map[string]string // joined word -> kind
	ignore map[string]bool
}

// New returns a guesser with opts.
func New(opts Options) *Guesser {
	g := &Guesser{extra: make(map[string]string), ignore: make(map[string]bool)}
	for kind, words := range opts.Words {
		for _, w := range words {
			g.extra[strings.Join(Words(w), "")] = kind
		}
	}
	for _, n := range opts.Ignore {
		g.ignore[n] = true
	}
	return g
}

// Field guesses the kind of f; ok is false when it does not look like
// personal data.
func (g *Guesser) Field(f Field) (guess Guess, ok bool) {
	if g != nil && (g.ignore[f.Name] || g.ignore[f.Struct+"."+f.Name]) {
		return Guess{}, false
	}
	shape := typeShape(f.Type)
	if shape == noData {
		return Guess{}, false
	}
	if kind, ok := typeKinds[baseType(f.Type)]; ok {
		return Guess{Kind: kind, Confident: true, Reason: "type " + baseType(f.Type)}, true
	}
	sw := Words(f.Struct)
	notPerson := containsAny(sw, notPersonWords)
	keep := func(gs Guess) bool {
		// A struct that holds no person's data (a Bot, an
		// LDAPAttributes mapping) may still hold credentials; a struct
		// or other composite type is judged by its own fields, unless
		// its name says it is a key or a digest.
		cred := credentials[gs.Kind] || gs.Kind == "username" && containsAny(Words(f.Name), authWords)
		return (!notPerson || cred) && (!composite(f.Type) || typeNamesKind(f.Type, gs.Kind))
	}
	// confident reports whether an ambiguous word of kind counts in this
	// struct: one that holds a person, or a context of the kind.
	person := containsAny(sw, personWords)
	joins := joined(sw) // OneTimeCode: one, onetime, onetimecode, time, ...
	confident := func(kind string) bool {
		return person && kind != "token" || containsAny(joins, contexts[kind])
	}
	if gs, ok := g.words(Words(f.Name), shape, confident); ok {
		gs.Reason = `name "` + f.Name + `"`
		return gs, keep(gs)
	}
	for _, t := range tagNames(f.Tag) {
		if gs, ok := g.words(Words(t.name), shape, confident); ok {
			gs.Reason = "tag " + t.key + `:"` + t.name + `"`
			return gs, keep(gs)
		}
	}
	return Guess{}, false
}

// shape is what a type can hold.
type shape int

const (
	noData  shape = iota // bool, func, chan, error
	text                 // strings, bytes, and anything else
	number               // integers and floats
	instant              // time.Time
)

func typeShape(t string) shape {
	t = strings.TrimLeft(t, "*")
	for _, p := range []string{"[]", "sql.Null", "null."} {
		t = strings.TrimPrefix(t, p)
	}
	t = strings.TrimLeft(t, "*")
	switch {
	case strings.HasPrefix(t, "func(") || strings.HasPrefix(t, "chan ") || strings.HasPrefix(t, "<-chan"):
		return noData
	}
	switch t {
	case "bool", "Bool", "error", "struct{}", "sync.Mutex", "sync.RWMutex", "sync.Once", "time.Duration", "Duration":
		return noData
	case "time.Time", "Time", "civil.Date":
		return instant
	}
	switch strings.TrimPrefix(t, "u") {
	case "int", "int8", "int16", "int32", "int64", "float32", "float64", "Int64", "Int32", "Int16", "Float64", "intptr":
		return number
	}
	return text
}

func baseType(t string) string {
	t = strings.TrimLeft(t, "*")
	t = strings.TrimPrefix(t, "[]")
	return strings.TrimLeft(t, "*")
}

// typeKinds are types that are a kind whatever the field's name.
var typeKinds = map[string]string{
	"net.IP":       "ip",
	"netip.Addr":   "ip",
	"mail.Address": "email",
}

type tagName struct{ key, name string }

// tagNames are the names the field's json, db, gorm (column:),
// bson, xml, yaml, mapstructure and form tags give it.
func tagNames(tag string) []tagName {
	var out []tagName
	for tag != "" {
		tag = strings.TrimLeft(tag, " ")
		i := strings.Index(tag, `:"`)
		if i <= 0 {
			break
		}
		key := tag[:i]
		rest := tag[i+2:]
		j := strings.Index(rest, `"`)
		if j < 0 {
			break
		}
		val := rest[:j]
		tag = rest[j+1:]
		switch key {
		case "json", "db", "bson", "xml", "yaml", "mapstructure", "form", "query", "csv", "toml", "bun", "pg", "col", "column":
			name, _, _ := strings.Cut(val, ",")
			if name != "" && name != "-" {
				out = append(out, tagName{key, name})
			}
		case "gorm", "xorm":
			for _, part := range strings.Split(val, ";") {
				if name, ok := strings.CutPrefix(strings.TrimSpace(part), "column:"); ok && name != "" {
					out = append(out, tagName{key, name})
				}
			}
		}
	}
	return out
}

// Words splits a name into lowercase ASCII words: camelCase with
// acronyms (UserEMail: user, e, mail; SSNNumber: ssn, number; IPv4Addr:
// ip, v4, addr), snake_case, kebab-case, dots and spaces; accents are
// removed (Teléfono: telefono; Straße: strasse).
func Words(name string) []string {
	name = fold(name)
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	rs := []rune(name)
	for i, r := range rs {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		case unicode.IsUpper(r):
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i+1 < len(rs) && unicode.IsLower(rs[i+1])
			prevUpper := i > 0 && unicode.IsUpper(rs[i-1])
			if prevLower || prevUpper && nextLower {
				flush()
			}
		}
		// Digits stay with their word: cvv2, address1.
		cur = append(cur, r)
	}
	flush()
	return words
}

// fold removes the accents of the Latin letters of Spanish, Portuguese,
// French and German words, and maps ß to ss.
func fold(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if a, ok := accents[r]; ok {
			b.WriteString(a)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

var accents = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'Æ': "AE", 'œ': "oe", 'Œ': "OE"}
	for base, rs := range map[string]string{
		"a": "áàâäãå", "A": "ÁÀÂÄÃÅ", "e": "éèêë", "E": "ÉÈÊË", "i": "íìîï", "I": "ÍÌÎÏ",
		"o": "óòôöõø", "O": "ÓÒÔÖÕØ", "u": "úùûü", "U": "ÚÙÛÜ", "n": "ñ", "N": "Ñ", "c": "ç", "C": "Ç",
	} {
		for _, r := range rs {
			m[r] = base
		}
	}
	return m
}()

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// words guesses from a name's words, read from the end: the longest
// head that is a known word (national + id, e + mail, date + of + birth),
// first with the whole name, then without its trailing qualifiers
// (EmailAddress, PhoneNumber, PasswordHash, AddressLine1). An ambiguous
// word counts only when nothing else does, and then a modifier before it
// decides: ContactAddress is an address, ServerAddress and FileName are
// not; alone, it is a guess without confidence unless the struct holds a
// person.
func (g *Guesser) words(ws []string, sh shape, confident func(kind string) bool) (Guess, bool) {
	amb, ambStart := "", -1
	for end := len(ws); end > 0; end-- {
		if end < len(ws) && !qualifiers[ws[end]] {
			break
		}
		for start := 0; start < end; start++ {
			kind, isAmb, ok := g.lookup(strings.Join(ws[start:end], ""))
			if !ok {
				continue
			}
			if !isAmb {
				if !shapeFits(kind, sh) {
					return Guess{}, false
				}
				return Guess{Kind: kind, Confident: true}, true
			}
			if ambStart < 0 {
				amb, ambStart = kind, start
			}
			break
		}
	}
	if ambStart < 0 || !shapeFits(amb, sh) {
		return Guess{}, false
	}
	if ambStart > 0 {
		mod := ws[ambStart-1]
		switch {
		case amb == "name" && mod == "user":
			return Guess{Kind: "username", Confident: true}, true
		case personWords[mod] || nameModifiers[mod]:
			return Guess{Kind: amb, Confident: true}, true
		case amb == "token" && confident(amb):
			// A QRCode in an MFA secret.
			return Guess{Kind: amb, Confident: true}, true
		}
		return Guess{}, false
	}
	return Guess{Kind: amb, Confident: confident(amb)}, true
}

func (g *Guesser) lookup(head string) (kind string, isAmbiguous, ok bool) {
	if g != nil {
		if k, ok := g.extra[head]; ok {
			return k, false, true
		}
	}
	if k, ok := vocabulary[head]; ok {
		return k, false, true
	}
	if k, ok := ambiguous[head]; ok {
		return k, true, true
	}
	return "", false, false
}

// shapeFits reports whether a value of shape sh can hold kind: numbers
// only identifiers and coordinates, time.Time only a birth date.
func shapeFits(kind string, sh shape) bool {
	switch sh {
	case number:
		switch kind {
		case "phone", "card", "cvv", "national_id", "tax_id", "bank_account", "passport", "location", "biometric":
			return true
		}
		return false
	case instant:
		return kind == "birthdate"
	}
	return true
}

func containsAny(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// credentials are the kinds of secrets that authenticate.
var credentials = map[string]bool{"password": true, "token": true, "secret": true}

// authWords make a username in a machine's struct a credential's half
// (a webhook's BasicAuthUser).
var authWords = setOf("auth", "login", "bind")

// typeNamesKind reports whether a composite type's name says it is a
// value of kind: a key or a digest for a credential (rsa.PrivateKey,
// PasswordDigest, []JWK), the kind's own word otherwise (an Address
// *UserAddress).
func typeNamesKind(t, kind string) bool {
	for _, w := range Words(t) {
		switch {
		case credentials[kind] && (w == "key" || w == "jwk" || w == "digest" || w == "hash" || w == "secret" || w == "password" || w == "token"):
			return true
		case w == kind:
			return true
		}
	}
	return false
}

// joined are the words and the joins of consecutive words of a name.
func joined(ws []string) []string {
	var out []string
	for i := range ws {
		for j := i + 1; j <= len(ws) && j <= i+4; j++ {
			out = append(out, strings.Join(ws[i:j], ""))
		}
	}
	return out
}

// composite reports whether a type is a struct or another named type
// that is not a string, bytes or a value the heuristics know: its fields
// are judged on their own (a User's *Session, a TOTP configuration).
func composite(t string) bool {
	t = strings.TrimLeft(t, "*[]")
	if i := strings.LastIndex(t, "."); i >= 0 {
		t = t[i+1:]
	}
	if t == "" || !unicode.IsUpper(rune(t[0])) || strings.HasSuffix(t, "IP") {
		return false
	}
	switch t {
	case "String", "NullString", "RawMessage", "JSONText", "JSON", "Text", "Time", "NullTime", "Date", "IP", "Addr",
		"Address", "UUID", "Int64", "NullInt64", "Int32", "NullInt32", "Float64", "NullFloat64", "Bool", "NullBool",
		"StringMap", "Strings", "Duration":
		return false
	}
	return true
}

// Kinds are the kinds the heuristics guess, sorted.
func Kinds() []string {
	seen := make(map[string]bool)
	for _, k := range vocabulary {
		seen[k] = true
	}
	for _, k := range ambiguous {
		seen[k] = true
	}
	var out []string
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
