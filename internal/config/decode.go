package config

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// maxValues bounds the number of nodes a document may expand to through
// aliases and merge keys.
const maxValues = 1 << 20

// maxMergeDepth bounds the nesting of merge keys ("<<").
const maxMergeDepth = 16

// decoder walks the YAML node tree itself, rather than decoding into
// structs, so that every error can name its key and line.
type decoder struct {
	file   string
	pos    *positions
	budget int
}

// decode turns a document into a Config without validating its entries.
func decode(filename string, data []byte) (c *Config, pos *positions, err error) {
	d := &decoder{file: filename, pos: &positions{}, budget: maxValues}
	c = &Config{File: filename}
	defer func() {
		// The YAML library panics on some inputs it cannot handle; a
		// configuration file must give an error, never a crash.
		if r := recover(); r != nil {
			c, pos, err = nil, nil, errorf(filename, 0, "invalid YAML: %v", r)
		}
	}()

	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if err == io.EOF {
			c.Version = schemaVersion
			return c, d.pos, nil
		}
		return nil, nil, d.yamlError(err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == io.EOF:
	case err != nil:
		return nil, nil, d.yamlError(err)
	default:
		return nil, nil, d.errorf(&extra, "more than one YAML document; the configuration is a single document")
	}

	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			c.Version = schemaVersion
			return c, d.pos, nil
		}
		root = root.Content[0]
	}
	if err := d.config(root, c); err != nil {
		return nil, nil, err
	}
	return c, d.pos, nil
}

var yamlLineRE = regexp.MustCompile(`^line (\d+): `)

// parserProblems are the messages of the errors of the YAML parser (as
// opposed to its scanner, whose lines are right).
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// yamlError rewrites a syntax error of the YAML library as
// file:line: message.
func (d *decoder) yamlError(err error) error {
	m := strings.TrimPrefix(strings.TrimSpace(err.Error()), "yaml: ")
	line := 0
	if sm := yamlLineRE.FindStringSubmatch(m); sm != nil {
		line, _ = strconv.Atoi(sm[1])
		m = m[len(sm[0]):]
	}
	if parserProblems[m] {
		// The library reports the 0-based line of parser errors, and
		// no line at all for the first one.
		line++
	}
	return errorf(d.file, line, "%s", m)
}

// errorf returns an error at the line of n.
func (d *decoder) errorf(n *yaml.Node, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return errorf(d.file, line, format, args...)
}

// node resolves aliases and charges the value budget.
func (d *decoder) node(n *yaml.Node) (*yaml.Node, error) {
	if d.budget--; d.budget < 0 {
		return nil, d.errorf(n, "document too large: aliases expand to more than %d values", maxValues)
	}
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < maxMergeDepth; i++ {
		n = n.Alias
	}
	if n == nil || n.Kind == yaml.AliasNode {
		return nil, errorf(d.file, 0, "unresolved alias")
	}
	return n, nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == 0 || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// describe names the YAML type of n for "want X, got Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return "nothing"
		case "!!int", "!!float":
			return fmt.Sprintf("the number %s", n.Value)
		case "!!bool":
			return fmt.Sprintf("the boolean %s", n.Value)
		}
		return fmt.Sprintf("the string %q", n.Value)
	}
	return "an unexpected node"
}

// pair is one key: value entry of a mapping.
type pair struct {
	key   string
	keyN  *yaml.Node
	value *yaml.Node
}

// pairs returns the entries of a mapping, in document order, with those
// of merge keys ("<<") after the explicit ones, which override them.
// what names the mapping in messages.
func (d *decoder) pairs(n *yaml.Node, what string) ([]pair, error) {
	seen := make(map[string]bool)
	return d.mergePairs(n, what, seen, 0)
}

func (d *decoder) mergePairs(n *yaml.Node, what string, seen map[string]bool, depth int) ([]pair, error) {
	if depth > maxMergeDepth {
		return nil, d.errorf(n, "%smerge keys (<<) nested too deeply", prefix(what))
	}
	var out []pair
	var merges []*yaml.Node
	first := make(map[string]int)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, err := d.node(n.Content[i])
		if err != nil {
			return nil, err
		}
		if k.Kind != yaml.ScalarNode {
			return nil, d.errorf(k, "%swant a plain key, got %s", prefix(what), describe(k))
		}
		if k.ShortTag() == "!!merge" {
			if len(merges) > 0 {
				return nil, d.errorf(k, "%srepeated merge key (<<); merge a list of mappings instead", prefix(what))
			}
			merges = append(merges, n.Content[i+1])
			continue
		}
		if line, dup := first[k.Value]; dup {
			return nil, d.errorf(k, "%skey %q repeated (first at line %d)", prefix(what), k.Value, line)
		}
		first[k.Value] = k.Line
		if depth > 0 && seen[k.Value] {
			continue
		}
		out = append(out, pair{key: k.Value, keyN: k, value: n.Content[i+1]})
	}
	for k := range first {
		seen[k] = true
	}
	for _, m := range merges {
		m, err := d.node(m)
		if err != nil {
			return nil, err
		}
		var srcs []*yaml.Node
		switch m.Kind {
		case yaml.MappingNode:
			srcs = []*yaml.Node{m}
		case yaml.SequenceNode:
			for _, s := range m.Content {
				s, err := d.node(s)
				if err != nil {
					return nil, err
				}
				srcs = append(srcs, s)
			}
		}
		for _, s := range srcs {
			if s.Kind != yaml.MappingNode {
				return nil, d.errorf(s, "%sa merge key (<<) wants a mapping or a list of mappings, got %s", prefix(what), describe(s))
			}
		}
		if len(srcs) == 0 {
			return nil, d.errorf(m, "%sa merge key (<<) wants a mapping or a list of mappings, got %s", prefix(what), describe(m))
		}
		for _, s := range srcs {
			more, err := d.mergePairs(s, what, seen, depth+1)
			if err != nil {
				return nil, err
			}
			out = append(out, more...)
		}
	}
	return out, nil
}

// mapping returns the entries of n, which must be a mapping or null, and
// rejects the keys that are not in known.
func (d *decoder) mapping(n *yaml.Node, what string, known []string) ([]pair, error) {
	n, err := d.node(n)
	if err != nil {
		return nil, err
	}
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, d.errorf(n, "%swant a mapping, got %s", prefix(what), describe(n))
	}
	ps, err := d.pairs(n, what)
	if err != nil {
		return nil, err
	}
	if known != nil {
		for _, p := range ps {
			if !contains(known, p.key) {
				in := ""
				if what != "" {
					in = " in " + what
				}
				return nil, d.errorf(p.keyN, "unknown key %q%s (known keys: %s)", p.key, in, strings.Join(known, ", "))
			}
		}
	}
	return ps, nil
}

// prefix returns what as the start of a message, "" for the top level.
func prefix(what string) string {
	if what == "" {
		return ""
	}
	return what + ": "
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// str decodes a scalar as a string; null is "".
func (d *decoder) str(n *yaml.Node, what string) (string, int, error) {
	n, err := d.node(n)
	if err != nil {
		return "", 0, err
	}
	if n.Kind != yaml.ScalarNode {
		return "", 0, d.errorf(n, "%s: want a string, got %s", what, describe(n))
	}
	var s string
	if err := n.Decode(&s); err != nil {
		return "", 0, d.errorf(n, "%s: want a string, got %s", what, describe(n))
	}
	return s, n.Line, nil
}

// strs decodes a list of strings; null is a nil list.
func (d *decoder) strs(n *yaml.Node, what string) ([]string, []int, error) {
	r, err := d.node(n)
	if err != nil {
		return nil, nil, err
	}
	if !isNull(r) && r.Kind != yaml.SequenceNode {
		return nil, nil, d.errorf(r, "%s: want a list of strings, got %s", what, describe(r))
	}
	elems, lines, err := d.seq(r, what)
	if err != nil || elems == nil {
		return nil, nil, err
	}
	list := make([]string, 0, len(elems))
	for _, e := range elems {
		s, _, err := d.str(e, what+" entry")
		if err != nil {
			return nil, nil, err
		}
		list = append(list, s)
	}
	return list, lines, nil
}

// seq returns the elements of a list, aliases resolved, and the lines
// where they appear (for an alias, the line of the alias); null is an
// empty list.
func (d *decoder) seq(n *yaml.Node, what string) ([]*yaml.Node, []int, error) {
	n, err := d.node(n)
	if err != nil {
		return nil, nil, err
	}
	if isNull(n) {
		return nil, nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nil, d.errorf(n, "%s: want a list, got %s", what, describe(n))
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	lines := make([]int, 0, len(n.Content))
	for _, e := range n.Content {
		r, err := d.node(e)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, r)
		lines = append(lines, e.Line)
	}
	return out, lines, nil
}

var (
	configKeys   = []string{"version", "tags", "kinds", "fields", "types", "sanitizers", "sinks", "allow", "unkeyed-hash-sanitizes", "untagged", "categories"}
	untaggedKeys = []string{"enable", "all", "words", "ignore"}
	fieldKeys    = []string{"field", "kind"}
	typeKeys     = []string{"type", "kind"}
	sinksKeys    = []string{"log", "export", "transport"}
	allowKeys    = []string{"analyzer", "kinds", "packages", "reason"}
)

func (d *decoder) config(root *yaml.Node, c *Config) error {
	root, err := d.node(root)
	if err != nil {
		return err
	}
	if !isNull(root) && root.Kind != yaml.MappingNode {
		return d.errorf(root, "want a mapping of settings at the top level, got %s", describe(root))
	}
	ps, err := d.mapping(root, "", configKeys)
	if err != nil {
		return err
	}
	c.Version = schemaVersion
	for _, p := range ps {
		switch p.key {
		case "version":
			v, err := d.node(p.value)
			if err != nil {
				return err
			}
			if isNull(v) {
				break
			}
			n, ok := 0, v.Kind == yaml.ScalarNode && v.ShortTag() == "!!int"
			if ok {
				ok = v.Decode(&n) == nil
			}
			if !ok {
				return d.errorf(v, "version: want an integer, got %s", describe(v))
			}
			if n != schemaVersion {
				return d.errorf(v, "unsupported version %d (want %d)", n, schemaVersion)
			}
			c.Version = n
			d.pos.version = v.Line
		case "tags":
			c.Tags, d.pos.tags, err = d.strs(p.value, "tags")
		case "kinds":
			err = d.kinds(p.value, c)
		case "fields":
			err = d.fields(p.value, c)
		case "types":
			err = d.types(p.value, c)
		case "sanitizers":
			c.Sanitizers, d.pos.sanitizers, err = d.strs(p.value, "sanitizers")
		case "sinks":
			err = d.sinks(p.value, c)
		case "allow":
			err = d.allow(p.value, c)
		case "unkeyed-hash-sanitizes":
			err = d.bool(p.value, "unkeyed-hash-sanitizes", &c.UnkeyedHashSanitizes)
		case "untagged":
			err = d.untagged(p.value, c)
		case "categories":
			err = d.categories(p.value, c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) kinds(n *yaml.Node, c *Config) (err error) {
	c.Kinds, d.pos.kinds, err = d.strMap(n, "kinds")
	return err
}

// strMap decodes a mapping of strings to strings, and the line of each
// key.
func (d *decoder) strMap(n *yaml.Node, name string) (map[string]string, map[string]int, error) {
	ps, err := d.mapping(n, name, nil)
	if err != nil || ps == nil {
		return nil, nil, err
	}
	m := make(map[string]string, len(ps))
	lines := make(map[string]int, len(ps))
	for _, p := range ps {
		v, _, err := d.str(p.value, fmt.Sprintf("%s: %s", name, p.key))
		if err != nil {
			return nil, nil, err
		}
		m[p.key] = v
		lines[p.key] = p.keyN.Line
	}
	return m, lines, nil
}

func (d *decoder) categories(n *yaml.Node, c *Config) (err error) {
	c.Categories, d.pos.categories, err = d.strMap(n, "categories")
	return err
}

func (d *decoder) fields(n *yaml.Node, c *Config) error {
	elems, lines, err := d.seq(n, "fields")
	if err != nil || elems == nil {
		return err
	}
	c.Fields = make([]FieldRule, 0, len(elems))
	for i, e := range elems {
		if e.Kind != yaml.MappingNode {
			return errorf(d.file, lines[i], "fields entry: want a mapping with keys field and kind, got %s", describe(e))
		}
		ps, err := d.mapping(e, "fields entry", fieldKeys)
		if err != nil {
			return err
		}
		r := FieldRule{Line: lines[i]}
		for _, p := range ps {
			switch p.key {
			case "field":
				r.Field, _, err = d.str(p.value, "field")
			case "kind":
				r.Kind, _, err = d.str(p.value, "kind")
			}
			if err != nil {
				return err
			}
		}
		c.Fields = append(c.Fields, r)
	}
	return nil
}

func (d *decoder) types(n *yaml.Node, c *Config) error {
	elems, lines, err := d.seq(n, "types")
	if err != nil || elems == nil {
		return err
	}
	c.Types = make([]TypeRule, 0, len(elems))
	for i, e := range elems {
		if e.Kind != yaml.MappingNode {
			return errorf(d.file, lines[i], "types entry: want a mapping with keys type and kind, got %s", describe(e))
		}
		ps, err := d.mapping(e, "types entry", typeKeys)
		if err != nil {
			return err
		}
		r := TypeRule{Line: lines[i]}
		for _, p := range ps {
			switch p.key {
			case "type":
				r.Type, _, err = d.str(p.value, "type")
			case "kind":
				r.Kind, _, err = d.str(p.value, "kind")
			}
			if err != nil {
				return err
			}
		}
		c.Types = append(c.Types, r)
	}
	return nil
}

func (d *decoder) sinks(n *yaml.Node, c *Config) error {
	ps, err := d.mapping(n, "sinks", sinksKeys)
	if err != nil {
		return err
	}
	d.pos.sinks = make(map[string][]int)
	for _, p := range ps {
		list, lines, err := d.strs(p.value, "sinks."+p.key)
		if err != nil {
			return err
		}
		switch p.key {
		case "log":
			c.Sinks.Log = list
		case "export":
			c.Sinks.Export = list
		case "transport":
			c.Sinks.Transport = list
		}
		d.pos.sinks[p.key] = lines
	}
	return nil
}

func (d *decoder) allow(n *yaml.Node, c *Config) error {
	elems, lines, err := d.seq(n, "allow")
	if err != nil || elems == nil {
		return err
	}
	c.Allow = make([]AllowRule, 0, len(elems))
	for i, e := range elems {
		if e.Kind != yaml.MappingNode {
			return errorf(d.file, lines[i], "allow entry: want a mapping with keys %s, got %s", strings.Join(allowKeys, ", "), describe(e))
		}
		ps, err := d.mapping(e, "allow entry", allowKeys)
		if err != nil {
			return err
		}
		r := AllowRule{Line: lines[i]}
		for _, p := range ps {
			switch p.key {
			case "analyzer":
				r.Analyzer, _, err = d.str(p.value, "analyzer")
			case "kinds":
				r.Kinds, _, err = d.strs(p.value, "kinds")
			case "packages":
				r.Packages, _, err = d.strs(p.value, "packages")
			case "reason":
				r.Reason, _, err = d.str(p.value, "reason")
			}
			if err != nil {
				return err
			}
		}
		c.Allow = append(c.Allow, r)
	}
	return nil
}

// bool decodes a boolean setting; null leaves it false.
func (d *decoder) bool(n *yaml.Node, what string, out *bool) error {
	v, err := d.node(n)
	if err != nil {
		return err
	}
	if isNull(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" || v.Decode(out) != nil {
		return d.errorf(v, "%s: want true or false, got %s", what, describe(v))
	}
	return nil
}

func (d *decoder) untagged(n *yaml.Node, c *Config) error {
	ps, err := d.mapping(n, "untagged", untaggedKeys)
	if err != nil {
		return err
	}
	for _, p := range ps {
		switch p.key {
		case "enable":
			err = d.bool(p.value, "untagged.enable", &c.Untagged.Enable)
		case "all":
			err = d.bool(p.value, "untagged.all", &c.Untagged.All)
		case "ignore":
			c.Untagged.Ignore, _, err = d.strs(p.value, "untagged.ignore")
		case "words":
			err = d.untaggedWords(p.value, c)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *decoder) untaggedWords(n *yaml.Node, c *Config) error {
	kinds, err := d.mapping(n, "untagged.words", nil)
	if err != nil || kinds == nil {
		return err
	}
	c.Untagged.Words = make(map[string][]string, len(kinds))
	d.pos.untaggedWords = make(map[string]int, len(kinds))
	for _, k := range kinds {
		words, _, err := d.strs(k.value, "untagged.words."+k.key)
		if err != nil {
			return err
		}
		c.Untagged.Words[k.key] = words
		d.pos.untaggedWords[k.key] = k.keyN.Line
	}
	return nil
}
