package config_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/config"
)

// specExample is the example of SPEC section 1.3.
const specExample = `version: 1
tags: [pii, datapolicy, sensitive, levee]      # tag keys to read
fields:
  - field: k8s.io/client-go/rest.Config.BearerToken
    kind: token
types:
  - type: github.com/acme/crm/model.Secret
    kind: secret
sanitizers:
  - github.com/acme/crm/redact.Email
  - (github.com/acme/crm/model.Customer).Masked
sinks:
  log: [github.com/acme/crm/logx.Info]
  export: []
  transport: []
allow:
  - analyzer: piiexport
    kinds: [email, name]
    packages: [github.com/acme/crm/reports/...]
    reason: monthly mailing list export approved by DPO
`

func TestParseSpecExample(t *testing.T) {
	c, err := config.Parse(".piilint.yml", []byte(specExample))
	if err != nil {
		t.Fatal(err)
	}
	want := &config.Config{
		Version: 1,
		Tags:    []string{"pii", "datapolicy", "sensitive", "levee"},
		Fields:  []config.FieldRule{{Field: "k8s.io/client-go/rest.Config.BearerToken", Kind: "token", Line: 4}},
		Types:   []config.TypeRule{{Type: "github.com/acme/crm/model.Secret", Kind: "secret", Line: 7}},
		Sanitizers: []string{
			"github.com/acme/crm/redact.Email",
			"(github.com/acme/crm/model.Customer).Masked",
		},
		Sinks: config.Sinks{
			Log:       []string{"github.com/acme/crm/logx.Info"},
			Export:    []string{},
			Transport: []string{},
		},
		Allow: []config.AllowRule{{
			Analyzer: "piiexport",
			Kinds:    []string{"email", "name"},
			Packages: []string{"github.com/acme/crm/reports/..."},
			Reason:   "monthly mailing list export approved by DPO",
			Line:     17,
		}},
		File: ".piilint.yml",
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("Parse(spec example) =\n%+v\nwant\n%+v", c, want)
	}
	if err := c.Validate(); err != nil {
		t.Errorf("Validate() = %v", err)
	}
}

func TestParseValid(t *testing.T) {
	for _, tt := range []struct {
		name string
		doc  string
		want config.Config // File is always ".piilint.yml"
	}{
		{"empty", "", config.Config{Version: 1}},
		{"comments only", "# nothing here\n\n# yet\n", config.Config{Version: 1}},
		{"empty document", "---\n", config.Config{Version: 1}},
		{"null document", "~\n", config.Config{Version: 1}},
		{"empty mapping", "{}\n", config.Config{Version: 1}},
		{"no version", "tags: [pii]\n", config.Config{Version: 1, Tags: []string{"pii"}}},
		{"null version", "version:\n", config.Config{Version: 1}},
		{"empty tags", "tags: []\n", config.Config{Version: 1, Tags: []string{}}},
		{"null lists", "tags:\nfields:\nsinks:\nallow:\n", config.Config{Version: 1}},
		{"extra kinds", "kinds:\n  loyalty_id: personal\n  hsm_pin: secret\nfields:\n  - {field: a/b.T.F, kind: hsm_pin}\n",
			config.Config{
				Version: 1,
				Kinds:   map[string]string{"loyalty_id": "personal", "hsm_pin": "secret"},
				Fields:  []config.FieldRule{{Field: "a/b.T.F", Kind: "hsm_pin", Line: 5}},
			}},
		{"unkeyed hash", "unkeyed-hash-sanitizes: true\n", config.Config{Version: 1, UnkeyedHashSanitizes: true}},
		{"numbers as strings", "tags: [1]\n", config.Config{Version: 1, Tags: []string{"1"}}},
		{"quoted strings", "sanitizers: ['a/b.F', \"(*a/b.T).M\"]\n", config.Config{Version: 1, Sanitizers: []string{"a/b.F", "(*a/b.T).M"}}},
		{"allow without analyzer", "allow:\n- reason: anything personal anywhere\n",
			config.Config{Version: 1, Allow: []config.AllowRule{{Reason: "anything personal anywhere", Line: 2}}}},
		{"aliases", "fields:\n  - &f {field: a/b.T.F, kind: email}\ntypes:\n  - {type: a/b.T, kind: &k name}\nallow:\n  - {kinds: [*k], reason: r}\n",
			config.Config{
				Version: 1,
				Fields:  []config.FieldRule{{Field: "a/b.T.F", Kind: "email", Line: 2}},
				Types:   []config.TypeRule{{Type: "a/b.T", Kind: "name", Line: 4}},
				Allow:   []config.AllowRule{{Kinds: []string{"name"}, Reason: "r", Line: 6}},
			}},
		{"merge keys", `allow:
  - &base
    analyzer: piilog
    kinds: [email]
    reason: support tooling
  - <<: *base
    analyzer: piiexport
  - <<: [{reason: first}, {reason: second, kinds: [ip]}]
`,
			config.Config{
				Version: 1,
				Allow: []config.AllowRule{
					{Analyzer: "piilog", Kinds: []string{"email"}, Reason: "support tooling", Line: 2},
					{Analyzer: "piiexport", Kinds: []string{"email"}, Reason: "support tooling", Line: 6},
					{Kinds: []string{"ip"}, Reason: "first", Line: 8},
				},
			}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse(".piilint.yml", []byte(tt.doc))
			if err != nil {
				t.Fatalf("Parse(%q) = %v", tt.doc, err)
			}
			tt.want.File = ".piilint.yml"
			if !reflect.DeepEqual(c, &tt.want) {
				t.Errorf("Parse(%q) =\n%#v\nwant\n%#v", tt.doc, c, &tt.want)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("Validate() = %v", err)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		name string
		doc  string
		want string // the whole message, or a prefix of it when it ends in "..."
	}{
		// Syntax.
		{"syntax", "version: 1\ntags: [pii\n", `.piilint.yml:2: did not find expected ',' or ']'`},
		{"syntax at the first line", "- a\nb: 1\n", `.piilint.yml:2: did not find expected '-' indicator`},
		{"unclosed flow mapping", "version: 1\nallow: {a: 1\n", `.piilint.yml:2: did not find expected ',' or '}'`},
		{"tab", "version: 1\n\ttags: []\n", `.piilint.yml:2: found a tab character that violates indentation`},
		{"two documents", "version: 1\n---\nversion: 1\n", `.piilint.yml:2: more than one YAML document; the configuration is a single document`},
		{"unknown anchor", "tags: *nope\n", `.piilint.yml: unknown anchor 'nope' referenced`},

		// Unknown keys.
		{"unknown top-level key", "version: 1\ntags: [pii]\nsinkz:\n  log: []\n",
			`.piilint.yml:3: unknown key "sinkz" (known keys: version, tags, kinds, fields, types, sanitizers, sinks, allow, unkeyed-hash-sanitizes, untagged, categories)`},
		{"category of an unknown kind", "categories:\n  email: user.contact.email\n  mail: user.contact\n", `.piilint.yml:3: categories: unknown kind "mail" (known kinds: ...`},
		{"category not dotted words", "kinds:\n  loyalty_id: personal\ncategories:\n  loyalty_id: User Account\n", `.piilint.yml:4: categories: loyalty_id: "User Account" is not a data category (dotted lower-case words, such as user.contact.email)`},
		{"categories not a mapping", "categories: [user]\n", `.piilint.yml:1: categories: want a mapping...`},
		{"unknown field key", "fields:\n  - field: a/b.T.F\n    knd: email\n", `.piilint.yml:3: unknown key "knd" in fields entry (known keys: field, kind)`},
		{"unknown untagged key", "untagged:\n  words: {}\n  ignored: [A]\n", `.piilint.yml:3: unknown key "ignored" in untagged (known keys: enable, all, words, ignore)`},
		{"untagged enable not a bool", "untagged:\n  enable: yes please\n", `.piilint.yml:2: untagged.enable: want true or false, got ...`},
		{"untagged words of an unknown kind", "untagged:\n  words:\n    email: [correo]\n    mail: [courriel]\n", `.piilint.yml:4: untagged.words: unknown kind "mail" (known kinds: ...`},
		{"untagged words not a list", "untagged:\n  words:\n    email: correo\n", `.piilint.yml:3: untagged.words.email: want a list of strings, got ...`},
		{"unknown type key", "types:\n  - type: a/b.T\n    kind: email\n    field: x\n", `.piilint.yml:4: unknown key "field" in types entry (known keys: type, kind)`},
		{"unknown sinks key", "sinks:\n  logs: [a.F]\n", `.piilint.yml:2: unknown key "logs" in sinks (known keys: log, export, transport)`},
		{"unknown allow key", "allow:\n  - reason: x\n    package: [a]\n", `.piilint.yml:3: unknown key "package" in allow entry (known keys: analyzer, kinds, packages, reason)`},
		{"unknown merged key", "allow:\n  - <<: {reason: x, why: y}\n", `.piilint.yml:2: unknown key "why" in allow entry (known keys: ...`},
		{"repeated key", "version: 1\ntags: []\ntags: [pii]\n", `.piilint.yml:3: key "tags" repeated (first at line 2)`},
		{"repeated nested key", "fields:\n  - field: a/b.T.F\n    kind: email\n    kind: name\n", `.piilint.yml:4: fields entry: key "kind" repeated (first at line 3)`},
		{"complex key", "? [a]\n: 1\n", `.piilint.yml:1: want a plain key, got a list`},

		// Types.
		{"top-level list", "- version: 1\n", `.piilint.yml:1: want a mapping of settings at the top level, got a list`},
		{"top-level string", "hello\n", `.piilint.yml:1: want a mapping of settings at the top level, got the string "hello"`},
		{"version string", "version: one\n", `.piilint.yml:1: version: want an integer, got the string "one"`},
		{"version float", "version: 1.5\n", `.piilint.yml:1: version: want an integer, got the number 1.5`},
		{"version list", "\nversion: [1]\n", `.piilint.yml:2: version: want an integer, got a list`},
		{"tags string", "tags: pii\n", `.piilint.yml:1: tags: want a list of strings, got the string "pii"`},
		{"tags mapping", "tags:\n  pii: true\n", `.piilint.yml:2: tags: want a list of strings, got a mapping`},
		{"tag list in list", "tags:\n  - pii\n  - [x]\n", `.piilint.yml:3: tags entry: want a string, got a list`},
		{"kinds list", "kinds: [a]\n", `.piilint.yml:1: kinds: want a mapping, got a list`},
		{"kind class list", "kinds:\n  a: [secret]\n", `.piilint.yml:2: kinds: a: want a string, got a list`},
		{"fields mapping", "fields:\n  field: a/b.T.F\n", `.piilint.yml:2: fields: want a list, got a mapping`},
		{"fields entry string", "fields:\n  - a/b.T.F\n", `.piilint.yml:2: fields entry: want a mapping with keys field and kind, got the string "a/b.T.F"`},
		{"fields entry via alias", "fields: &a\n  - *a\n", `.piilint.yml:2: fields entry: want a mapping with keys field and kind, got a list`},
		{"types entry null", "types:\n  -\n", `.piilint.yml:2: types entry: want a mapping with keys type and kind, got nothing`},
		{"field list", "fields:\n  - field: [a]\n    kind: email\n", `.piilint.yml:2: field: want a string, got a list`},
		{"sanitizers string", "sanitizers: a.F\n", `.piilint.yml:1: sanitizers: want a list of strings, got the string "a.F"`},
		{"sinks list", "sinks: [a.F]\n", `.piilint.yml:1: sinks: want a mapping, got a list`},
		{"sink class string", "sinks:\n  log: a.F\n", `.piilint.yml:2: sinks.log: want a list of strings, got the string "a.F"`},
		{"allow mapping", "allow:\n  reason: x\n", `.piilint.yml:2: allow: want a list, got a mapping`},
		{"allow kinds string", "allow:\n  - kinds: email\n    reason: x\n", `.piilint.yml:2: kinds: want a list of strings, got the string "email"`},
		{"reason list", "allow:\n  - reason: [x]\n", `.piilint.yml:2: reason: want a string, got a list`},
		{"unkeyed not bool", "unkeyed-hash-sanitizes: yes\n", `.piilint.yml:1: unkeyed-hash-sanitizes: want true or false, got the string "yes"`},
		{"merge of a string", "allow:\n  - <<: x\n", `.piilint.yml:2: allow entry: a merge key (<<) wants a mapping or a list of mappings, got the string "x"`},
		{"merge cycle", "allow:\n  - &a {<<: *a}\n", `.piilint.yml:2: allow entry: merge keys (<<) nested too deeply`},

		// Version.
		{"version 2", "# piilint\nversion: 2\n", `.piilint.yml:2: unsupported version 2 (want 1)`},
		{"version 0", "version: 0\n", `.piilint.yml:1: unsupported version 0 (want 1)`},

		// Validation.
		{"bad tag key", "tags: [pii, 'a b']\n", `.piilint.yml:1: tags: invalid tag key "a b"`},
		{"empty tag key", "tags:\n  - pii\n  - ''\n", `.piilint.yml:3: tags: invalid tag key ""`},
		{"tag key with colon", "tags: ['a:b']\n", `.piilint.yml:1: tags: invalid tag key "a:b"`},
		{"redefine builtin kind", "kinds:\n  loyalty_id: personal\n  email: secret\n", `.piilint.yml:3: kinds: kind "email" is built in and cannot be redefined`},
		{"bad kind class", "kinds:\n  loyalty_id: public\n", `.piilint.yml:2: kinds: kind "loyalty_id": class "public" is neither "secret" nor "personal"`},
		{"bad kind name", "kinds:\n  Loyalty: personal\n", `.piilint.yml:2: kinds: kind "Loyalty": a kind is a lowercase identifier such as "loyalty_id"`},
		{"first bad kind in file order", "kinds:\n  zz: nope\n  aa: nope\n", `.piilint.yml:2: kinds: kind "zz": class "nope"...`},
		{"unknown field kind", "fields:\n  - field: a/b.T.F\n    kind: emial\n",
			`.piilint.yml:2: field "a/b.T.F": unknown kind "emial" (known kinds: address, bank_account, biometric, birthdate, card, cvv, email, health, ip, location, name, national_id, passport, password, phone, pii, secret, tax_id, token, username)`},
		{"unknown kind lists extra kinds", "kinds: {loyalty_id: personal}\nfields:\n  - {field: a/b.T.F, kind: x}\n", `.piilint.yml:3: field "a/b.T.F": unknown kind "x" (known kinds: address, bank_account, biometric, birthdate, card, cvv, email, health, ip, location, loyalty_id, name, ...`},
		{"missing field kind", "fields:\n  - field: a/b.T.F\n", `.piilint.yml:2: field "a/b.T.F": missing kind`},
		{"missing field", "fields:\n  - kind: email\n", `.piilint.yml:2: fields: entry without a field (want import/path.Type.Field)`},
		{"bad field", "\nfields:\n  - field: a/b.F\n    kind: email\n", `.piilint.yml:3: fields: invalid field "a/b.F": want import/path.Type.Field`},
		{"bad field name", "fields:\n  - field: a/b.T.1F\n    kind: email\n", `.piilint.yml:2: fields: invalid field "a/b.T.1F": field name "1F" is not an identifier`},
		{"duplicate field", "fields:\n  - {field: a/b.T.F, kind: email}\n  - {field: a/b.T.G, kind: email}\n  - {field: a/b.T.F, kind: name}\n", `.piilint.yml:4: field "a/b.T.F" is configured twice (first at line 2)`},
		{"unknown type kind", "types:\n  - type: a/b.T\n    kind: secrets\n", `.piilint.yml:2: type "a/b.T": unknown kind "secrets" (known kinds: ...`},
		{"missing type", "types:\n  - kind: secret\n", `.piilint.yml:2: types: entry without a type (want import/path.Type)`},
		{"bad type", "types:\n  - type: T\n    kind: secret\n", `.piilint.yml:2: types: invalid type "T": want import/path.Type`},
		{"duplicate type", "types:\n  - {type: a/b.T, kind: secret}\n  - {type: a/b.T, kind: secret}\n", `.piilint.yml:3: type "a/b.T" is configured twice (first at line 2)`},
		{"bad sanitizer", "sanitizers:\n  - a/b.F\n  - a/b.F G\n", `.piilint.yml:3: sanitizers: invalid function name "a/b.F G": contains white space`},
		{"empty sanitizer", "sanitizers: ['']\n", `.piilint.yml:1: sanitizers: empty function name`},
		{"bad log sink", "sinks:\n  log: [a/b.F]\n  export:\n    - (a/b.T.M\n", `.piilint.yml:4: sinks.export: invalid function name "(a/b.T.M": unbalanced parentheses or brackets`},
		{"bad transport sink", "sinks:\n  transport: [F]\n", `.piilint.yml:2: sinks.transport: invalid function name "F": want pkg/path.Func, (pkg/path.T).M or (*pkg/path.T).M`},
		{"unknown analyzer", "allow:\n  - analyzer: piilogs\n    reason: x\n", `.piilint.yml:2: allow: unknown analyzer "piilogs" (want piilog, piiexport or piitransport; leave it out for all three)`},
		{"missing reason", "allow:\n  - analyzer: piilog\n    kinds: [email]\n", `.piilint.yml:2: allow: missing reason (say why this flow is acceptable)`},
		{"blank reason", "allow:\n  - reason: '  '\n", `.piilint.yml:2: allow: missing reason (say why this flow is acceptable)`},
		{"unknown allow kind", "allow:\n  - kinds: [email, emial]\n    reason: x\n", `.piilint.yml:2: allow: unknown kind "emial" (known kinds: ...`},
		{"secret allow kind", "allow:\n  - kinds: [email, token]\n    reason: x\n", `.piilint.yml:2: allow: kind "token" is of class secret, which is never allowed`},
		{"secret extra allow kind", "kinds: {hsm_pin: secret}\nallow:\n  - kinds: [hsm_pin]\n    reason: x\n", `.piilint.yml:3: allow: kind "hsm_pin" is of class secret, which is never allowed`},
		{"relative package", "allow:\n  - packages: [./...]\n    reason: x\n", `.piilint.yml:2: allow: invalid package pattern "./..." (want an import path, optionally ending in /...)`},
		{"empty package", "allow:\n  - packages: ['']\n    reason: x\n", `.piilint.yml:2: allow: invalid package pattern ""...`},
		{"bare dots package", "allow:\n  - packages: [...]\n    reason: x\n", `.piilint.yml:2: allow: invalid package pattern "..."...`},
		{"middle dots package", "allow:\n  - packages: [a/.../b]\n    reason: x\n", `.piilint.yml:2: allow: invalid package pattern "a/.../b"...`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse(".piilint.yml", []byte(tt.doc))
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, nil; want error %q", tt.doc, c, tt.want)
			}
			if c != nil {
				t.Errorf("Parse returned a config with an error")
			}
			if !matchMessage(err.Error(), tt.want) {
				t.Errorf("Parse(%q) error:\n got %s\nwant %s", tt.doc, err, tt.want)
			}
		})
	}
}

// matchMessage reports whether got is want, or starts with want minus
// its "..." suffix.
func matchMessage(got, want string) bool {
	if p, ok := strings.CutSuffix(want, "..."); ok {
		return strings.HasPrefix(got, p)
	}
	return got == want
}

func TestParseWithoutFileName(t *testing.T) {
	_, err := config.Parse("", []byte("version: 1\nbogus: true\n"))
	if err == nil || !strings.HasPrefix(err.Error(), `line 2: unknown key "bogus"`) {
		t.Errorf("Parse without a file name: error = %v, want one starting with %q", err, `line 2: unknown key "bogus"`)
	}
}

func TestValidate(t *testing.T) {
	for _, tt := range []struct {
		name string
		c    *config.Config
		want string // "" for no error
	}{
		{"nil", nil, ""},
		{"zero", &config.Config{}, ""},
		{"version 1", &config.Config{Version: 1}, ""},
		{"version 3", &config.Config{Version: 3}, `unsupported version 3 (want 1)`},
		{"version with file", &config.Config{Version: 3, File: "x.yml"}, `x.yml: unsupported version 3 (want 1)`},
		{"rule line with file", &config.Config{File: "x.yml", Fields: []config.FieldRule{{Field: "a.T.F", Kind: "nope", Line: 9}}}, `x.yml:9: field "a.T.F": unknown kind "nope" (known kinds: ...`},
		{"rule line without file", &config.Config{Types: []config.TypeRule{{Type: "a.T", Kind: "nope", Line: 9}}}, `line 9: type "a.T": unknown kind "nope" (known kinds: ...`},
		{"no line", &config.Config{Allow: []config.AllowRule{{Analyzer: "piilog"}}}, `allow: missing reason (say why this flow is acceptable)`},
		{"kinds", &config.Config{Kinds: map[string]string{"b_kind": "personal", "a_kind": "other"}}, `kinds: kind "a_kind": class "other" is neither "secret" nor "personal"`},
		{"extra kind used", &config.Config{
			Kinds:  map[string]string{"loyalty_id": "personal"},
			Fields: []config.FieldRule{{Field: "a.T.F", Kind: "loyalty_id"}},
			Allow:  []config.AllowRule{{Kinds: []string{"loyalty_id"}, Reason: "ok"}},
		}, ""},
		{"sink normalisation is not required", &config.Config{Sinks: config.Sinks{Log: []string{"(*a/b.L).Info"}}}, ""},
		{"bad sink", &config.Config{Sinks: config.Sinks{Log: []string{"(*a/b.L).Info"}, Transport: []string{"a/b."}}}, `sinks.transport: invalid function name "a/b.": missing function name`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !matchMessage(err.Error(), tt.want)):
				t.Errorf("Validate() = %v, want %s", err, tt.want)
			}
		})
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte(specExample), 0o666); err != nil {
		t.Fatal(err)
	}
	c, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.File != path || len(c.Allow) != 1 || c.Allow[0].Line != 17 {
		t.Errorf("Load = %+v", c)
	}

	bad := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(bad, []byte("version: 1\nfields:\n  - field: a.T.F\n    kind: nope\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(bad); err == nil || !strings.HasPrefix(err.Error(), bad+`:3: field "a.T.F": unknown kind "nope"`) {
		t.Errorf("Load(bad) error = %v", err)
	}

	if _, err := config.Load(filepath.Join(dir, "missing.yml")); !os.IsNotExist(err) {
		t.Errorf("Load(missing) error = %v, want a not-exist error", err)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	mk := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(p, 0o777); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write := func(rel string) string {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.WriteFile(p, []byte("version: 1\n"), 0o666); err != nil {
			t.Fatal(err)
		}
		return p
	}
	mk("repo/a/b/c")
	mk("repo/x/y")
	mk("repo/d/.piilint.yml") // a directory is not a configuration file
	mk("repo/d/e")
	mk("other/deep")
	mk("both")
	repoCfg := write("repo/" + config.FileName)
	xCfg := write("repo/x/.piilint.yaml")
	write("both/" + config.FileName)
	write("both/.piilint.yaml")

	for _, tt := range []struct {
		dir  string
		want string
	}{
		{"repo", repoCfg},
		{"repo/a", repoCfg},
		{"repo/a/b/c", repoCfg},
		{"repo/x", xCfg},
		{"repo/x/y", xCfg},
		{"repo/d/e", repoCfg},
		{"repo/d", repoCfg},
	} {
		got, err := config.Find(filepath.Join(root, filepath.FromSlash(tt.dir)))
		if err != nil || got != tt.want {
			t.Errorf("Find(%s) = %q, %v; want %q", tt.dir, got, err, tt.want)
		}
	}

	// Nothing up to the root. A configuration file above the temporary
	// directory would be found too: skip rather than fail then.
	if got, err := config.Find(filepath.Join(root, "other", "deep")); err != nil {
		t.Errorf("Find(other/deep) error = %v", err)
	} else if got != "" && strings.HasPrefix(got, root) {
		t.Errorf("Find(other/deep) = %q, want none below %s", got, root)
	}

	if _, err := config.Find(filepath.Join(root, "both")); err == nil || !strings.Contains(err.Error(), "both .piilint.yml and .piilint.yaml exist") {
		t.Errorf("Find(both) error = %v, want an ambiguity error", err)
	}

	// A relative directory is resolved against the working directory.
	t.Chdir(filepath.Join(root, "repo", "a"))
	if got, err := config.Find("b"); err != nil || got != repoCfg {
		t.Errorf("Find(relative) = %q, %v; want %q", got, err, repoCfg)
	}
	if got, err := config.Find(""); err != nil || got != repoCfg {
		t.Errorf(`Find("") = %q, %v; want %q`, got, err, repoCfg)
	}
}

// TestUntagged decodes the untagged section and checks that it is part of
// the digest.
func TestUntagged(t *testing.T) {
	doc := "untagged:\n  enable: true\n  all: true\n  words:\n    national_id: [Kundennummer, customer-no]\n  ignore: [Namespace, Audit.Phone]\n"
	c, err := config.Parse(".piilint.yml", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := config.Untagged{Enable: true, All: true, Words: map[string][]string{"national_id": {"Kundennummer", "customer-no"}},
		Ignore: []string{"Namespace", "Audit.Phone"}}
	if !reflect.DeepEqual(c.Untagged, want) {
		t.Errorf("untagged = %+v, want %+v", c.Untagged, want)
	}
	base := new(config.Config).Digest()
	seen := map[string]string{base: "zero"}
	for name, u := range map[string]config.Untagged{
		"enable": {Enable: true},
		"all":    {All: true},
		"words":  {Words: map[string][]string{"email": {"correo"}}},
		"ignore": {Ignore: []string{"X"}},
	} {
		d := (&config.Config{Untagged: u}).Digest()
		if other, ok := seen[d]; ok {
			t.Errorf("untagged %s has the digest of %s", name, other)
		}
		seen[d] = name
	}
}

// TestCategories: the configuration gives kinds, built-in or its own, a
// data category; the digest sees it.
func TestCategories(t *testing.T) {
	c, err := config.Parse(".piilint.yml", []byte("kinds:\n  loyalty_id: personal\ncategories:\n  loyalty_id: user.account\n  email: user.contact.email.work\n"))
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]string{"loyalty_id": "user.account", "email": "user.contact.email.work"} {
		if got, ok := c.Category(kind); !ok || got != want {
			t.Errorf("Category(%s) = %q, %v; want %q", kind, got, ok, want)
		}
	}
	if _, ok := c.Category("phone"); ok {
		t.Error("a category for a kind the configuration does not name")
	}
	other := *c
	other.Categories = map[string]string{"loyalty_id": "user.account", "email": "user.contact.email"}
	if c.Digest() == other.Digest() || c.Digest() == new(config.Config).Digest() {
		t.Error("the digest does not see the categories")
	}
}
