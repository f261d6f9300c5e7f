package config_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/pii"
)

func TestAllowed(t *testing.T) {
	c, err := config.Parse("", []byte(`
kinds: {loyalty_id: personal, hsm_pin: secret}
allow:
  - analyzer: piiexport
    kinds: [email, name]
    packages: [example.com/crm/reports/...]
    reason: mailing list export
  - analyzer: piilog
    packages: [example.com/crm/debug, example.com/tools/...]
    reason: debug tooling
  - kinds: [loyalty_id]
    reason: loyalty ids are pseudonymous
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		analyzer, kind string
		class          pii.Class
		pkg            string
		want           int // index of the matching rule, -1 for none
	}{
		{"piiexport", "email", pii.Personal, "example.com/crm/reports", 0},
		{"piiexport", "name", pii.Personal, "example.com/crm/reports/monthly", 0},
		{"piiexport", "email", pii.Personal, "example.com/crm/reportsx", -1},
		{"piiexport", "email", pii.Personal, "example.com/crm", -1},
		{"piiexport", "phone", pii.Personal, "example.com/crm/reports", -1},
		{"piilog", "email", pii.Personal, "example.com/crm/reports", -1},
		{"piilog", "phone", pii.Personal, "example.com/crm/debug", 1},
		{"piilog", "phone", pii.Personal, "example.com/crm/debug/sub", -1},
		{"piilog", "phone", pii.Personal, "example.com/tools", 1},
		{"piilog", "phone", pii.Personal, "example.com/tools/a/b", 1},
		{"piitransport", "phone", pii.Personal, "example.com/tools", -1},
		{"piitransport", "loyalty_id", pii.Personal, "anything/at/all", 2},
		{"piilog", "loyalty_id", pii.Personal, "example.com/tools", 1},
		// Secret-class data is never allowed, even where a rule with no
		// kinds or a rule naming it would match.
		{"piilog", "token", pii.Secret, "example.com/tools", -1},
		{"piilog", "hsm_pin", pii.Secret, "example.com/crm/debug", -1},
		{"piiexport", "email", pii.Secret, "example.com/crm/reports", -1},
		{"piitransport", "loyalty_id", pii.Secret, "x", -1},
		{"piitransport", "loyalty_id", "", "x", -1},
	} {
		r, ok := c.Allowed(tt.analyzer, tt.kind, tt.class, tt.pkg)
		if tt.want < 0 {
			if ok {
				t.Errorf("Allowed(%s, %s, %s, %s) = %+v, true; want false", tt.analyzer, tt.kind, tt.class, tt.pkg, r)
			}
			continue
		}
		if !ok || !reflect.DeepEqual(r, c.Allow[tt.want]) {
			t.Errorf("Allowed(%s, %s, %s, %s) = %+v, %v; want rule %d", tt.analyzer, tt.kind, tt.class, tt.pkg, r, ok, tt.want)
		}
	}

	var none *config.Config
	if _, ok := none.Allowed("piilog", "email", pii.Personal, "x"); ok {
		t.Error("nil config allowed a flow")
	}
	anyRule := &config.Config{Allow: []config.AllowRule{{Reason: "everything"}}}
	if _, ok := anyRule.Allowed("piilog", "email", pii.Personal, "x/y"); !ok {
		t.Error("a rule with no conditions did not allow a personal flow")
	}
	if _, ok := anyRule.Allowed("piilog", "password", pii.Secret, "x/y"); ok {
		t.Error("a rule with no conditions allowed a secret flow")
	}
}

func TestMatches(t *testing.T) {
	for _, tt := range []struct {
		r                   config.AllowRule
		analyzer, kind, pkg string
		want                bool
	}{
		{config.AllowRule{}, "piilog", "email", "a/b", true},
		{config.AllowRule{Analyzer: "piilog"}, "piilog", "email", "a/b", true},
		{config.AllowRule{Analyzer: "piilog"}, "piiexport", "email", "a/b", false},
		{config.AllowRule{Kinds: []string{"email"}}, "piilog", "email", "a/b", true},
		{config.AllowRule{Kinds: []string{"email"}}, "piilog", "name", "a/b", false},
		{config.AllowRule{Packages: []string{"a/b"}}, "piilog", "email", "a/b", true},
		{config.AllowRule{Packages: []string{"a/b"}}, "piilog", "email", "a/b/c", false},
		{config.AllowRule{Packages: []string{"a/b/..."}}, "piilog", "email", "a/b", true},
		{config.AllowRule{Packages: []string{"a/b/..."}}, "piilog", "email", "a/b/c/d", true},
		{config.AllowRule{Packages: []string{"a/b/..."}}, "piilog", "email", "a/bc", false},
		{config.AllowRule{Packages: []string{"a/b/..."}}, "piilog", "email", "a", false},
		{config.AllowRule{Packages: []string{"x", "a/..."}}, "piilog", "email", "a/z", true},
	} {
		if got := tt.r.Matches(tt.analyzer, tt.kind, tt.pkg); got != tt.want {
			t.Errorf("%+v.Matches(%s, %s, %s) = %v, want %v", tt.r, tt.analyzer, tt.kind, tt.pkg, got, tt.want)
		}
	}
}

func TestSplitField(t *testing.T) {
	for _, tt := range []struct {
		in                   string
		pkg, typ, field, err string
	}{
		{"github.com/a/b.T.F", "github.com/a/b", "T", "F", ""},
		{"k8s.io/client-go/rest.Config.BearerToken", "k8s.io/client-go/rest", "Config", "BearerToken", ""},
		{"gopkg.in/yaml.v3.Node.Kind", "gopkg.in/yaml.v3", "Node", "Kind", ""},
		{"net/http.Request.Header", "net/http", "Request", "Header", ""},
		{"time.Time.wall", "time", "Time", "wall", ""},
		{"a/b.T.F.G", "a/b.T", "F", "G", ""},
		{"", "", "", "", `invalid field "": want import/path.Type.Field`},
		{"a/b.T", "", "", "", `invalid field "a/b.T": want import/path.Type.Field`},
		{"a/b", "", "", "", `invalid field "a/b": want import/path.Type.Field`},
		{"a.b/c.T", "", "", "", `invalid field "a.b/c.T": want import/path.Type.Field`},
		{".T.F", "", "", "", `invalid field ".T.F": package path "" is not a valid import path`},
		{"a/.T.F", "", "", "", `invalid field "a/.T.F": package path "a/" is not a valid import path`},
		{"a//b.T.F", "", "", "", `invalid field "a//b.T.F": package path "a//b" is not a valid import path`},
		{"a b.T.F", "", "", "", `invalid field "a b.T.F": package path "a b" is not a valid import path`},
		{"a/b..F", "", "", "", `invalid field "a/b..F": missing type name`},
		{"a/b.T.", "", "", "", `invalid field "a/b.T.": field name "" is not an identifier`},
		{"a/b.*T.F", "", "", "", `invalid field "a/b.*T.F": type name "*T" is not an identifier`},
		{"a/b.T.F ", "", "", "", `invalid field "a/b.T.F ": field name "F " is not an identifier`},
	} {
		pkg, typ, field, err := config.SplitField(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("SplitField(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || pkg != tt.pkg || typ != tt.typ || field != tt.field {
			t.Errorf("SplitField(%q) = %q, %q, %q, %v; want %q, %q, %q", tt.in, pkg, typ, field, err, tt.pkg, tt.typ, tt.field)
		}
	}
}

func TestSplitType(t *testing.T) {
	for _, tt := range []struct {
		in, pkg, typ, err string
	}{
		{"github.com/acme/crm/model.Secret", "github.com/acme/crm/model", "Secret", ""},
		{"gopkg.in/yaml.v3.Node", "gopkg.in/yaml.v3", "Node", ""},
		{"time.Time", "time", "Time", ""},
		{"example.com/ünïcode.Typ", "example.com/ünïcode", "Typ", ""},
		{"", "", "", `invalid type "": want import/path.Type`},
		{"Secret", "", "", `invalid type "Secret": want import/path.Type`},
		{"a.b/c", "", "", `invalid type "a.b/c": want import/path.Type`},
		{"a/b.", "", "", `invalid type "a/b.": missing type name`},
		{"a/b.T[int]", "", "", `invalid type "a/b.T[int]": type name "T[int]" is not an identifier`},
		{"a/b/.T", "", "", `invalid type "a/b/.T": package path "a/b/" is not a valid import path`},
		{"a/../b.T", "", "", `invalid type "a/../b.T": package path "a/../b" is not a valid import path`},
	} {
		pkg, typ, err := config.SplitType(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("SplitType(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || pkg != tt.pkg || typ != tt.typ {
			t.Errorf("SplitType(%q) = %q, %q, %v; want %q, %q", tt.in, pkg, typ, err, tt.pkg, tt.typ)
		}
	}
}

func TestNormalizeFuncName(t *testing.T) {
	const form = "want pkg/path.Func, (pkg/path.T).M or (*pkg/path.T).M"
	for _, tt := range []struct {
		in, want, err string
	}{
		{"fmt.Println", "fmt.Println", ""},
		{"github.com/acme/crm/redact.Email", "github.com/acme/crm/redact.Email", ""},
		{"gopkg.in/yaml.v3.Marshal", "gopkg.in/yaml.v3.Marshal", ""},
		{"(github.com/acme/crm/model.Customer).Masked", "(github.com/acme/crm/model.Customer).Masked", ""},
		{"(*github.com/acme/crm/model.Customer).Masked", "(github.com/acme/crm/model.Customer).Masked", ""},
		{"(*log/slog.Logger).Info", "(log/slog.Logger).Info", ""},
		{"(gopkg.in/yaml.v3.Node).Decode", "(gopkg.in/yaml.v3.Node).Decode", ""},
		{"(*a/b.List[T]).Push", "(a/b.List).Push", ""},
		{"(a/b.Map[K, V]).Get", "(a/b.Map).Get", ""},
		{"(*a/b.Map[string, func(int) error]).Get", "(a/b.Map).Get", ""},
		{"(a/b.M[map[string][]x/y.Z]).Get", "(a/b.M).Get", ""},

		{"", "", "empty function name"},
		{"Println", "", `invalid function name "Println": ` + form},
		{"fmt.", "", `invalid function name "fmt.": missing function name`},
		{".Println", "", `invalid function name ".Println": package path "" is not a valid import path`},
		{"fmt. Println", "", `invalid function name "fmt. Println": contains white space`},
		{" fmt.Println", "", `invalid function name " fmt.Println": contains white space`},
		{"fmt.Println()", "", `invalid function name "fmt.Println()": ` + form},
		{"fmt.Print-ln", "", `invalid function name "fmt.Print-ln": function name "Print-ln" is not an identifier`},
		{"(a/b.T.M", "", `invalid function name "(a/b.T.M": unbalanced parentheses or brackets`},
		{"(a/b.T]).M", "", `invalid function name "(a/b.T]).M": unbalanced parentheses or brackets`},
		{"((a/b.T).M", "", `invalid function name "((a/b.T).M": unbalanced parentheses or brackets`},
		{"(a/b.T)).M", "", `invalid function name "(a/b.T)).M": want a method name after the receiver`},
		{"(a/b.T)", "", `invalid function name "(a/b.T)": want a method name after the receiver`},
		{"(a/b.T).", "", `invalid function name "(a/b.T).": missing method name`},
		{"(a/b.T)M", "", `invalid function name "(a/b.T)M": want a method name after the receiver`},
		{"(a/b.T).M.N", "", `invalid function name "(a/b.T).M.N": method name "M.N" is not an identifier`},
		{"(a/b.T). M", "", `invalid function name "(a/b.T). M": contains white space`},
		{"(a/b. T).M", "", `invalid function name "(a/b. T).M": contains white space`},
		{"().M", "", `invalid function name "().M": receiver "" is not of the form pkg/path.T`},
		{"(*).M", "", `invalid function name "(*).M": receiver "" is not of the form pkg/path.T`},
		{"(T).M", "", `invalid function name "(T).M": receiver "T" is not of the form pkg/path.T`},
		{"(error).Error", "", `invalid function name "(error).Error": receiver "error" is not of the form pkg/path.T`},
		{"(**a/b.T).M", "", `invalid function name "(**a/b.T).M": package path "*a/b" is not a valid import path`},
		{"(a/b.T[]).M", "", `invalid function name "(a/b.T[]).M": malformed type arguments "[]"`},
		{"(a/b.T[x]y).M", "", `invalid function name "(a/b.T[x]y).M": malformed type arguments "[x]y"`},
		{"(a/b.T[x][y]).M", "", `invalid function name "(a/b.T[x][y]).M": malformed type arguments "[x][y]"`},
		{"(a/b.[x]).M", "", `invalid function name "(a/b.[x]).M": missing type name`},
	} {
		got, err := config.NormalizeFuncName(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("NormalizeFuncName(%q) = %q, %v; want error %s", tt.in, got, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("NormalizeFuncName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		// Normalising is idempotent.
		if again, err := config.NormalizeFuncName(got); err != nil || again != got {
			t.Errorf("NormalizeFuncName(%q) = %q, %v; want it unchanged", got, again, err)
		}
	}
}

func TestTagKeysAndVocabulary(t *testing.T) {
	var none *config.Config
	if got := none.TagKeys(); !slices.Equal(got, pii.DefaultTags) {
		t.Errorf("nil.TagKeys() = %v", got)
	}
	zero := &config.Config{}
	keys := zero.TagKeys()
	if !slices.Equal(keys, pii.DefaultTags) {
		t.Errorf("zero.TagKeys() = %v", keys)
	}
	keys[0] = "changed"
	if pii.DefaultTags[0] != "pii" {
		t.Fatal("TagKeys returned pii.DefaultTags itself")
	}
	if got := (&config.Config{Tags: []string{}}).TagKeys(); got == nil || len(got) != 0 {
		t.Errorf("TagKeys() of an empty list = %#v, want an empty list", got)
	}
	if got := (&config.Config{Tags: []string{"gdpr"}}).TagKeys(); !slices.Equal(got, []string{"gdpr"}) {
		t.Errorf("TagKeys() = %v", got)
	}

	c := &config.Config{Kinds: map[string]string{"loyalty_id": "personal", "hsm_pin": "secret"}}
	v, err := c.Vocabulary()
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]pii.Class{"loyalty_id": pii.Personal, "hsm_pin": pii.Secret, "email": pii.Personal} {
		if got, ok := v.Class(k); !ok || got != want {
			t.Errorf("Class(%q) = %q, %v; want %q", k, got, ok, want)
		}
	}
	if v, err := none.Vocabulary(); err != nil || !slices.Equal(v.Kinds(), pii.Default.Kinds()) {
		t.Errorf("nil.Vocabulary() = %v, %v", v, err)
	}
	if _, err := (&config.Config{Kinds: map[string]string{"email": "secret"}}).Vocabulary(); err == nil {
		t.Error("Vocabulary() redefining a built-in kind succeeded")
	}
}

func TestDigest(t *testing.T) {
	parse := func(doc string) *config.Config {
		t.Helper()
		c, err := config.Parse("a.yml", []byte(doc))
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	spec := parse(specExample)
	d := spec.Digest()
	if len(d) != 64 || strings.Trim(d, "0123456789abcdef") != "" {
		t.Fatalf("Digest() = %q, want 64 hex digits", d)
	}
	if d2 := spec.Digest(); d2 != d {
		t.Errorf("Digest() not stable: %s then %s", d, d2)
	}

	// Equal configurations: layout, comments, file name and lines do not count.
	reformatted := "# reformatted\n\n" + strings.ReplaceAll(specExample, "# tag keys to read", "")
	same, err := config.Parse("other.yml", []byte("\n\n"+reformatted))
	if err != nil {
		t.Fatal(err)
	}
	if same.Digest() != d {
		t.Error("Digest() changed with comments, blank lines and file name")
	}

	zero := (&config.Config{}).Digest()
	var none *config.Config
	for name, c := range map[string]*config.Config{
		"nil":            none,
		"empty document": parse(""),
		"version only":   parse("version: 1\n"),
		"default tags":   parse("tags: [pii, datapolicy, sensitive, levee]\n"),
		"empty lists":    parse("fields: []\ntypes: []\nsanitizers: []\nsinks: {log: [], export: [], transport: []}\nallow: []\nkinds: {}\n"),
		"version 1":      {Version: 1},
	} {
		if got := c.Digest(); got != zero {
			t.Errorf("Digest(%s) = %s, want the digest of the zero Config %s", name, got, zero)
		}
	}

	// Any change is seen.
	seen := map[string]string{zero: "zero", d: "spec"}
	for name, doc := range map[string]string{
		"no tags":                 "tags: []\n",
		"one tag":                 "tags: [pii]\n",
		"tags reordered":          "tags: [datapolicy, pii, sensitive, levee]\n",
		"kind":                    "kinds: {loyalty_id: personal}\n",
		"kind class":              "kinds: {loyalty_id: secret}\n",
		"field":                   "fields: [{field: a.T.F, kind: email}]\n",
		"field kind":              "fields: [{field: a.T.F, kind: name}]\n",
		"type":                    "types: [{type: a.T, kind: email}]\n",
		"sanitizer":               "sanitizers: [a.F]\n",
		"log sink":                "sinks: {log: [a.F]}\n",
		"export sink":             "sinks: {export: [a.F]}\n",
		"transport sink":          "sinks: {transport: [a.F]}\n",
		"allow":                   "allow: [{reason: x}]\n",
		"allow reason":            "allow: [{reason: y}]\n",
		"allow analyzer":          "allow: [{reason: x, analyzer: piilog}]\n",
		"allow kinds":             "allow: [{reason: x, kinds: [email]}]\n",
		"allow packages":          "allow: [{reason: x, packages: [email]}]\n",
		"two allow rules":         "allow: [{reason: x}, {reason: x}]\n",
		"unkeyed hash sanitizes":  "unkeyed-hash-sanitizes: true\n",
		"string boundaries (one)": "sanitizers: [ab.C, d.E]\n",
		"string boundaries (two)": "sanitizers: [ab.Cd.E]\n",
	} {
		got := parse(doc).Digest()
		if prev, dup := seen[got]; dup {
			t.Errorf("Digest(%s) = Digest(%s)", name, prev)
		}
		seen[got] = name
	}
}
