// Package config reads and checks the piilint configuration: the
// .piilint.yml file, whose schema is also the one of the golangci-lint
// plugin settings.
//
// The configuration declares what source code cannot say about itself:
// fields and types of packages the user does not own, extra PII kinds,
// sanitizers, sinks, and flows that are allowed on purpose.
package config

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/piilint/piilint/internal/pii"
)

// FileName is the configuration file looked up by Find.
const FileName = ".piilint.yml"

// altFileName is the other spelling Find accepts.
const altFileName = ".piilint.yaml"

// schemaVersion is the only configuration schema version.
const schemaVersion = 1

// The analyzers that an allow rule may name.
const (
	analyzerLog       = "piilog"
	analyzerExport    = "piiexport"
	analyzerTransport = "piitransport"
)

// Config is a piilint configuration. The zero value is the default
// configuration: built-in kinds, the default tag keys, no extra sources,
// sanitizers, sinks or allowed flows.
type Config struct {
	// Version is the schema version; 0 (unset) means 1.
	Version int `yaml:"version" json:"version"`
	// Tags are the struct tag keys to read; nil means pii.DefaultTags and
	// an empty non-nil list means no tag key at all.
	Tags []string `yaml:"tags" json:"tags"`
	// Kinds are extra kinds: name -> class ("secret" or "personal").
	Kinds map[string]string `yaml:"kinds" json:"kinds"`
	// Fields mark fields of packages that cannot be tagged.
	Fields []FieldRule `yaml:"fields" json:"fields"`
	// Types mark named types of packages that cannot carry directives.
	Types []TypeRule `yaml:"types" json:"types"`
	// Sanitizers are the full names of functions whose results are clean,
	// in the form accepted by NormalizeFuncName.
	Sanitizers []string `yaml:"sanitizers" json:"sanitizers"`
	// Sinks are extra sink functions by sink class.
	Sinks Sinks `yaml:"sinks" json:"sinks"`
	// Allow lists flows of personal-class data that are accepted.
	Allow []AllowRule `yaml:"allow" json:"allow"`
	// UnkeyedHashSanitizes makes plain (unkeyed) hashes such as sha256.Sum256
	// and md5.Sum sanitizers. Off by default: a hashed email is reversible by dictionary.
	UnkeyedHashSanitizes bool `yaml:"unkeyed-hash-sanitizes" json:"unkeyed-hash-sanitizes"`
	// Untagged configures piiuntagged.
	Untagged Untagged `yaml:"untagged" json:"untagged"`
	// Categories sets the data category (fideslang) the inventory gives
	// a kind: kind -> category ("loyalty_id: user.account").
	Categories map[string]string `yaml:"categories" json:"categories"`

	// File is the file the config was read from, "" if none.
	File string `yaml:"-" json:"-"`
}

// Untagged configures piiuntagged, which reports fields that look like
// personal data but are not marked.
type Untagged struct {
	// Enable turns piiuntagged on without the -piiuntagged flag (in the
	// golangci-lint plugin, which takes no flags).
	Enable bool `yaml:"enable" json:"enable"`
	// All also reports fields whose name alone is ambiguous.
	All bool `yaml:"all" json:"all"`
	// Words are extra words per kind: kind -> words.
	Words map[string][]string `yaml:"words" json:"words"`
	// Ignore are field names (Field or Type.Field) never reported.
	Ignore []string `yaml:"ignore" json:"ignore"`
}

// FieldRule marks a struct field as PII of a kind.
type FieldRule struct {
	Field string `yaml:"field" json:"field"` // "import/path.Type.Field"
	Kind  string `yaml:"kind" json:"kind"`
	Line  int    `yaml:"-" json:"-"` // line in File, 0 when not from a file
}

// TypeRule marks every value of a named type as PII of a kind.
type TypeRule struct {
	Type string `yaml:"type" json:"type"` // "import/path.Type"
	Kind string `yaml:"kind" json:"kind"`
	Line int    `yaml:"-" json:"-"` // line in File, 0 when not from a file
}

// Sinks lists extra sink functions, by sink class, in the form accepted
// by NormalizeFuncName.
type Sinks struct {
	Log       []string `yaml:"log" json:"log"`
	Export    []string `yaml:"export" json:"export"`
	Transport []string `yaml:"transport" json:"transport"`
}

// AllowRule accepts flows of personal-class data. Secret-class data is
// never allowed, whatever the rules say.
type AllowRule struct {
	Analyzer string   `yaml:"analyzer" json:"analyzer"` // piilog, piiexport, piitransport; "" = any
	Kinds    []string `yaml:"kinds" json:"kinds"`       // empty = any personal-class kind
	Packages []string `yaml:"packages" json:"packages"` // import paths; "x/..." matches x and below; empty = all
	Reason   string   `yaml:"reason" json:"reason"`     // required
	Line     int      `yaml:"-" json:"-"`               // line in File, 0 when not from a file
}

// Parse decodes and validates a configuration. filename is used in error
// messages and recorded in Config.File. Unknown keys, values of the wrong
// type and invalid entries are errors naming the file and line. An empty
// document is the default configuration.
func Parse(filename string, data []byte) (*Config, error) {
	c, pos, err := decode(filename, data)
	if err != nil {
		return nil, err
	}
	if err := c.validate(pos); err != nil {
		return nil, err
	}
	return c, nil
}

// Load reads and parses the configuration file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Find looks for FileName (or .piilint.yaml) in dir and then in each of
// its parents up to the filesystem root, and returns the path of the first
// one found. It returns "" and a nil error when there is none, and an
// error when a directory holds both spellings.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		var found []string
		for _, name := range []string{FileName, altFileName} {
			p := filepath.Join(dir, name)
			// As for go.mod, unreadable places are skipped, not fatal.
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				found = append(found, p)
			}
		}
		switch len(found) {
		case 1:
			return found[0], nil
		case 2:
			return "", fmt.Errorf("%s: both %s and %s exist; keep one", dir, FileName, altFileName)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Validate checks the configuration: the version, tag keys, extra kinds,
// that every kind used exists, field, type and function names, and allow
// rules. The error names File and the line of the offending entry when
// they are known.
func (c *Config) Validate() error {
	if c == nil {
		return nil
	}
	return c.validate(nil)
}

// positions holds the lines of entries whose type has no Line field. It
// is known only while parsing a file.
type positions struct {
	version    int
	tags       []int
	kinds      map[string]int
	sanitizers []int
	sinks      map[string][]int // sink class -> lines
	// untaggedWords are the lines of the untagged words, by kind.
	untaggedWords map[string]int
	categories    map[string]int // by kind
}

func (p *positions) line(lines []int, i int) int {
	if p == nil || i >= len(lines) {
		return 0
	}
	return lines[i]
}

// errorf returns an error prefixed by the position file:line; either part
// is left out when unknown.
func errorf(file string, line int, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	switch {
	case file != "" && line > 0:
		return fmt.Errorf("%s:%d: %s", file, line, msg)
	case file != "":
		return fmt.Errorf("%s: %s", file, msg)
	case line > 0:
		return fmt.Errorf("line %d: %s", line, msg)
	}
	return fmt.Errorf("%s", msg)
}

// validate checks the configuration in phases — header, kinds, fields,
// types, function names, allow rules — and returns the first error, at
// its line when pos (the YAML positions) is known.
func (c *Config) validate(pos *positions) error {
	if err := c.validateHeader(pos); err != nil {
		return err
	}
	voc, err := c.validateKinds(pos)
	if err != nil {
		return err
	}
	if err := c.validateFields(voc); err != nil {
		return err
	}
	if err := c.validateTypes(voc); err != nil {
		return err
	}
	if err := c.validateFuncNames(pos); err != nil {
		return err
	}
	if err := c.validateAllow(voc); err != nil {
		return err
	}
	if err := c.validateUntagged(voc, pos); err != nil {
		return err
	}
	return c.validateCategories(voc, pos)
}

// categoryRE is the form of a data category: dotted lower-case words.
var categoryRE = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$`)

// validateCategories checks that categories are given to known kinds and
// have the form of a data category.
func (c *Config) validateCategories(voc *pii.Vocabulary, pos *positions) error {
	var line map[string]int
	if pos != nil {
		line = pos.categories
	}
	for _, k := range byLine(c.Categories, line) {
		if err := checkKind(voc, k); err != nil {
			return c.at(line[k], "categories: %v", err)
		}
		if cat := c.Categories[k]; !categoryRE.MatchString(cat) {
			return c.at(line[k], "categories: %s: %q is not a data category (dotted lower-case words, such as user.contact.email)", k, cat)
		}
	}
	return nil
}

// Category is the data category the configuration gives kind, if any.
func (c *Config) Category(kind string) (string, bool) {
	if c == nil {
		return "", false
	}
	cat, ok := c.Categories[kind]
	return cat, ok
}

// validateUntagged checks that the untagged words are of known kinds.
func (c *Config) validateUntagged(voc *pii.Vocabulary, pos *positions) error {
	var line map[string]int
	if pos != nil {
		line = pos.untaggedWords
	}
	for _, k := range byLine(c.Untagged.Words, line) {
		if err := checkKind(voc, k); err != nil {
			return c.at(line[k], "untagged.words: %v", err)
		}
		for _, w := range c.Untagged.Words[k] {
			if strings.TrimSpace(w) == "" {
				return c.at(line[k], "untagged.words: %s: empty word", k)
			}
		}
	}
	for _, n := range c.Untagged.Ignore {
		if strings.TrimSpace(n) == "" {
			return c.at(0, "untagged.ignore: empty field name")
		}
	}
	return nil
}

// byLine returns the keys of m in the order of their lines in the file
// (line: nil without positions), then by name: the first error reported
// is the first in the file.
func byLine[V any](m map[string]V, line map[string]int) []string {
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(line[a], line[b]), cmp.Compare(a, b)) })
	return keys
}

// at is an error at line of the configuration file.
func (c *Config) at(line int, format string, args ...any) error {
	return errorf(c.File, line, format, args...)
}

// validateHeader checks the version and the tag keys.
func (c *Config) validateHeader(pos *positions) error {
	var line int
	if pos != nil {
		line = pos.version
	}
	if c.Version != 0 && c.Version != schemaVersion {
		return c.at(line, "unsupported version %d (want %d)", c.Version, schemaVersion)
	}
	for i, t := range c.Tags {
		if !validTagKey(t) {
			line := 0
			if pos != nil {
				line = pos.line(pos.tags, i)
			}
			return c.at(line, "tags: invalid tag key %q", t)
		}
	}
	return nil
}

// validateKinds checks the extra kinds, one by one in file order so that
// the error names the entry, and returns the vocabulary they make.
func (c *Config) validateKinds(pos *positions) (*pii.Vocabulary, error) {
	names := make([]string, 0, len(c.Kinds))
	for k := range c.Kinds {
		names = append(names, k)
	}
	kindLine := func(k string) int {
		if pos == nil {
			return 0
		}
		return pos.kinds[k]
	}
	sort.Slice(names, func(i, j int) bool {
		if li, lj := kindLine(names[i]), kindLine(names[j]); li != lj {
			return li < lj
		}
		return names[i] < names[j]
	})
	for _, k := range names {
		if _, err := pii.NewVocabulary(map[string]pii.Class{k: pii.Class(c.Kinds[k])}); err != nil {
			return nil, c.at(kindLine(k), "kinds: %v", err)
		}
	}
	voc, err := c.Vocabulary()
	if err != nil {
		return nil, c.at(0, "kinds: %v", err)
	}
	return voc, nil
}

// checkKind checks that a rule's kind is in the vocabulary.
func checkKind(voc *pii.Vocabulary, kind string) error {
	if kind == "" {
		return fmt.Errorf("missing kind")
	}
	if _, ok := voc.Class(kind); !ok {
		return fmt.Errorf("unknown kind %q (known kinds: %s)", kind, strings.Join(voc.Kinds(), ", "))
	}
	return nil
}

func (c *Config) validateFields(voc *pii.Vocabulary) error {
	seen := make(map[string]int)
	for _, r := range c.Fields {
		if r.Field == "" {
			return c.at(r.Line, "fields: entry without a field (want import/path.Type.Field)")
		}
		if _, _, _, err := SplitField(r.Field); err != nil {
			return c.at(r.Line, "fields: %v", err)
		}
		if err := checkKind(voc, r.Kind); err != nil {
			return c.at(r.Line, "field %q: %v", r.Field, err)
		}
		if prev, dup := seen[r.Field]; dup {
			return c.at(r.Line, "field %q is configured twice%s", r.Field, firstAt(prev))
		}
		seen[r.Field] = r.Line
	}
	return nil
}

func (c *Config) validateTypes(voc *pii.Vocabulary) error {
	seen := make(map[string]int)
	for _, r := range c.Types {
		if r.Type == "" {
			return c.at(r.Line, "types: entry without a type (want import/path.Type)")
		}
		if _, _, err := SplitType(r.Type); err != nil {
			return c.at(r.Line, "types: %v", err)
		}
		if err := checkKind(voc, r.Kind); err != nil {
			return c.at(r.Line, "type %q: %v", r.Type, err)
		}
		if prev, dup := seen[r.Type]; dup {
			return c.at(r.Line, "type %q is configured twice%s", r.Type, firstAt(prev))
		}
		seen[r.Type] = r.Line
	}
	return nil
}

// validateFuncNames checks the sanitizers' and sinks' function names.
func (c *Config) validateFuncNames(pos *positions) error {
	for i, s := range c.Sanitizers {
		if _, err := NormalizeFuncName(s); err != nil {
			line := 0
			if pos != nil {
				line = pos.line(pos.sanitizers, i)
			}
			return c.at(line, "sanitizers: %v", err)
		}
	}
	for _, class := range pii.SinkClasses {
		for i, s := range c.Sinks.class(class) {
			if _, err := NormalizeFuncName(s); err != nil {
				line := 0
				if pos != nil {
					line = pos.line(pos.sinks[class], i)
				}
				return c.at(line, "sinks.%s: %v", class, err)
			}
		}
	}
	return nil
}

func (c *Config) validateAllow(voc *pii.Vocabulary) error {
	for _, r := range c.Allow {
		switch r.Analyzer {
		case "", analyzerLog, analyzerExport, analyzerTransport:
		default:
			return c.at(r.Line, "allow: unknown analyzer %q (want %s, %s or %s; leave it out for all three)",
				r.Analyzer, analyzerLog, analyzerExport, analyzerTransport)
		}
		for _, k := range r.Kinds {
			if err := checkKind(voc, k); err != nil {
				return c.at(r.Line, "allow: %v", err)
			}
			if class, _ := voc.Class(k); class == pii.Secret {
				return c.at(r.Line, "allow: kind %q is of class %s, which is never allowed", k, pii.Secret)
			}
		}
		for _, p := range r.Packages {
			if !validPackagePattern(p) {
				return c.at(r.Line, "allow: invalid package pattern %q (want an import path, optionally ending in /...)", p)
			}
		}
		if strings.TrimSpace(r.Reason) == "" {
			return c.at(r.Line, "allow: missing reason (say why this flow is acceptable)")
		}
	}
	return nil
}

func firstAt(line int) string {
	if line > 0 {
		return fmt.Sprintf(" (first at line %d)", line)
	}
	return ""
}

// class returns the sink list of a sink class.
func (s Sinks) class(class string) []string {
	switch class {
	case "log":
		return s.Log
	case "export":
		return s.Export
	case "transport":
		return s.Transport
	}
	return nil
}

// validTagKey reports whether s can be a struct tag key, as
// reflect.StructTag.Lookup reads them.
func validTagKey(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == ':' || c == '"' || c == 0x7f {
			return false
		}
	}
	return true
}

// Vocabulary returns the built-in vocabulary extended with Kinds.
func (c *Config) Vocabulary() (*pii.Vocabulary, error) {
	if c == nil || len(c.Kinds) == 0 {
		return pii.NewVocabulary(nil)
	}
	extra := make(map[string]pii.Class, len(c.Kinds))
	for k, v := range c.Kinds {
		extra[k] = pii.Class(v)
	}
	return pii.NewVocabulary(extra)
}

// TagKeys returns the struct tag keys to read: Tags, or a copy of
// pii.DefaultTags when Tags is nil.
func (c *Config) TagKeys() []string {
	if c == nil || c.Tags == nil {
		return slices.Clone(pii.DefaultTags)
	}
	return c.Tags
}

// Digest returns the hex SHA-256 of a canonical encoding of the
// configuration. Equal configurations have equal digests; File and the
// Line fields are not part of it, an unset Version counts as 1 and nil
// Tags as pii.DefaultTags. A nil *Config has the digest of the zero Config.
func (c *Config) Digest() string {
	if c == nil {
		c = new(Config)
	}
	e := encoder{h: sha256.New()}
	e.str("piilint config")
	e.int(cmp.Or(c.Version, schemaVersion))
	e.strs(c.TagKeys())
	e.strMap(c.Kinds)
	e.int(len(c.Fields))
	for _, r := range c.Fields {
		e.str(r.Field)
		e.str(r.Kind)
	}
	e.int(len(c.Types))
	for _, r := range c.Types {
		e.str(r.Type)
		e.str(r.Kind)
	}
	e.strs(c.Sanitizers)
	e.strs(c.Sinks.Log)
	e.strs(c.Sinks.Export)
	e.strs(c.Sinks.Transport)
	e.int(len(c.Allow))
	for _, r := range c.Allow {
		e.str(r.Analyzer)
		e.strs(r.Kinds)
		e.strs(r.Packages)
		e.str(r.Reason)
	}
	e.bool(c.UnkeyedHashSanitizes)
	e.bool(c.Untagged.Enable)
	e.bool(c.Untagged.All)
	words := make([]string, 0, len(c.Untagged.Words))
	for k := range c.Untagged.Words {
		words = append(words, k)
	}
	sort.Strings(words)
	e.int(len(words))
	for _, k := range words {
		e.str(k)
		e.strs(c.Untagged.Words[k])
	}
	e.strs(c.Untagged.Ignore)
	e.strMap(c.Categories)
	return hex.EncodeToString(e.h.Sum(nil))
}

// encoder writes length-prefixed values, so that no two different
// sequences of values have the same encoding.
type encoder struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
}

func (e *encoder) int(n int) {
	e.h.Write(e.buf[:binary.PutVarint(e.buf[:], int64(n))])
}

func (e *encoder) bool(b bool) {
	if b {
		e.int(1)
	} else {
		e.int(0)
	}
}

func (e *encoder) str(s string) {
	e.int(len(s))
	e.h.Write([]byte(s))
}

func (e *encoder) strs(ss []string) {
	e.int(len(ss))
	for _, s := range ss {
		e.str(s)
	}
}

// strMap writes m's entries in key order.
func (e *encoder) strMap(m map[string]string) {
	keys := slices.Sorted(maps.Keys(m))
	e.int(len(keys))
	for _, k := range keys {
		e.str(k)
		e.str(m[k])
	}
}

// Allowed returns the first allow rule that accepts a flow of kind, of
// class, reported by analyzer in package pkgPath. Only personal-class data
// can be allowed: for any other class, pii.Secret above all, it reports
// false whatever the rules say.
func (c *Config) Allowed(analyzer, kind string, class pii.Class, pkgPath string) (AllowRule, bool) {
	if c == nil || class != pii.Personal {
		return AllowRule{}, false
	}
	for _, r := range c.Allow {
		if r.Matches(analyzer, kind, pkgPath) {
			return r, true
		}
	}
	return AllowRule{}, false
}

// Matches reports whether the rule covers a finding of analyzer about
// kind in package pkgPath. It does not look at the class of kind: see
// Config.Allowed.
func (r AllowRule) Matches(analyzer, kind, pkgPath string) bool {
	if r.Analyzer != "" && r.Analyzer != analyzer {
		return false
	}
	if len(r.Kinds) > 0 && !slices.Contains(r.Kinds, kind) {
		return false
	}
	if len(r.Packages) == 0 {
		return true
	}
	for _, p := range r.Packages {
		if matchPackage(p, pkgPath) {
			return true
		}
	}
	return false
}

// matchPackage reports whether pkgPath matches pattern: an import path,
// or one ending in "/..." that matches that path and every path below it.
func matchPackage(pattern, pkgPath string) bool {
	if base, ok := strings.CutSuffix(pattern, "/..."); ok {
		return pkgPath == base || strings.HasPrefix(pkgPath, base+"/")
	}
	return pkgPath == pattern
}

// validPackagePattern reports whether p is an import path, optionally
// followed by "/...".
func validPackagePattern(p string) bool {
	base, _ := strings.CutSuffix(p, "/...")
	return validImportPath(base)
}
