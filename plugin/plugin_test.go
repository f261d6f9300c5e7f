package plugin

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"go.yaml.in/yaml/v3"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
)

// fullConfig uses every configuration key.
const fullConfig = `version: 1
tags: [pii, datapolicy]
kinds:
  loyalty_id: personal
  api_seed: secret
fields:
  - field: k8s.io/client-go/rest.Config.BearerToken
    kind: token
types:
  - type: github.com/acme/crm/model.Secret
    kind: loyalty_id
sanitizers:
  - github.com/acme/crm/redact.Email
  - (*github.com/acme/crm/model.Customer).Masked
sinks:
  log: [github.com/acme/crm/logx.Info]
  export: []
  transport: [github.com/acme/crm/push.Send]
allow:
  - analyzer: piilog
    kinds: [email, loyalty_id]
    packages: [github.com/acme/crm/audit/...]
    reason: the audit log is retained under the DPO's policy
  - reason: any analyzer, any personal kind
unkeyed-hash-sanitizes: true
`

// settingsOf returns what golangci-lint hands the plugin for a YAML
// settings document: its configuration loader decodes the YAML and
// lowercases every key.
func settingsOf(t *testing.T, doc string) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	return lowerKeys(v)
}

func lowerKeys(v any) any {
	switch v := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[strings.ToLower(k)] = lowerKeys(e)
		}
		return m
	case []any:
		for i, e := range v {
			v[i] = lowerKeys(e)
		}
	}
	return v
}

func newPlugin(t *testing.T, settings any) *Plugin {
	t.Helper()
	p, err := New(settings)
	if err != nil {
		t.Fatalf("New(%v): %v", settings, err)
	}
	return p.(*Plugin)
}

// analyzerNames returns the names of the plugin's analyzers.
func analyzerNames(t *testing.T, p *Plugin) []string {
	t.Helper()
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, a := range as {
		out = append(out, a.Name)
	}
	return out
}

// normalized clears what only a file has (File, Line) and sets the
// version an unset one stands for.
func normalized(c *config.Config) config.Config {
	n := *c
	n.File = ""
	if n.Version == 0 {
		n.Version = 1
	}
	n.Fields = slices.Clone(n.Fields)
	for i := range n.Fields {
		n.Fields[i].Line = 0
	}
	n.Types = slices.Clone(n.Types)
	for i := range n.Types {
		n.Types[i].Line = 0
	}
	n.Allow = slices.Clone(n.Allow)
	for i := range n.Allow {
		n.Allow[i].Line = 0
	}
	return n
}

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("piilint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.(*Plugin); !ok {
		t.Errorf("registered constructor returned %T, want *Plugin", p)
	}
}

func TestLoadMode(t *testing.T) {
	if got := newPlugin(t, nil).GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
}

// TestDefaults: without settings the plugin runs the whole suite with the
// default configuration.
func TestDefaults(t *testing.T) {
	suite, err := analyzers.New(nil, piifacts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, a := range suite {
		want = append(want, a.Name)
	}
	for _, settings := range []any{nil, map[string]any{}} {
		p := newPlugin(t, settings)
		if got := analyzerNames(t, p); !slices.Equal(got, want) {
			t.Errorf("New(%#v) analyzers = %v, want %v", settings, got, want)
		}
		if got, want := p.cfg.Digest(), new(config.Config).Digest(); got != want {
			t.Errorf("New(%#v) configuration differs from the default one: %+v", settings, *p.cfg)
		}
	}
}

// TestSameConfigAsFile: settings decode into the Config that the same
// document gives as .piilint.yml.
func TestSameConfigAsFile(t *testing.T) {
	for _, doc := range []string{
		fullConfig,
		"",
		"tags: []\n",
		"tags:\n",
		"sinks:\n  log: [a.B]\n",
		"version: 1\nunkeyed-hash-sanitizes: false\n",
	} {
		want, err := config.Parse(".piilint.yml", []byte(doc))
		if err != nil {
			t.Fatalf("Parse(%q): %v", doc, err)
		}
		settings := settingsOf(t, doc)
		if settings == nil {
			settings = map[string]any{}
		}
		p := newPlugin(t, settings)
		if got, want := normalized(p.cfg), normalized(want); !reflect.DeepEqual(got, want) {
			t.Errorf("settings %q decode to\n%+v\nwant (as .piilint.yml)\n%+v", doc, got, want)
		}
		if got, want := p.cfg.Digest(), want.Digest(); got != want {
			t.Errorf("settings %q: digest %s, want %s", doc, got, want)
		}
		if p.cfg.File != settingsPath {
			t.Errorf("settings %q: File = %q, want %q", doc, p.cfg.File, settingsPath)
		}
	}
}

// TestSameKeysAsFile: at each level, the settings accept exactly the keys
// .piilint.yml accepts (plus the plugin's own at the top).
func TestSameKeysAsFile(t *testing.T) {
	knownRE := regexp.MustCompile(`\(known keys: ([^)]*)\)`)
	known := func(err error) string {
		t.Helper()
		if err == nil {
			t.Fatal("no error for an unknown key")
		}
		m := knownRE.FindStringSubmatch(err.Error())
		if m == nil {
			t.Fatalf("error without known keys: %v", err)
		}
		return m[1]
	}
	for _, tt := range []struct {
		doc   string
		extra string // keys the settings accept beyond the file's
	}{
		{"bogus: 1\n", ", config, disable, strict"},
		{"fields:\n  - bogus: 1\n", ""},
		{"types:\n  - bogus: 1\n", ""},
		{"sinks:\n  bogus: []\n", ""},
		{"allow:\n  - bogus: 1\n", ""},
	} {
		_, fileErr := config.Parse(".piilint.yml", []byte(tt.doc))
		_, settingsErr := New(settingsOf(t, tt.doc))
		if got, want := known(settingsErr), known(fileErr)+tt.extra; got != want {
			t.Errorf("%q: settings know keys %s, the file %s", tt.doc, got, want)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	for _, tt := range []struct {
		settings any
		want     string
	}{
		{
			"piilint",
			`linters.settings.custom.piilint.settings: want a mapping of settings, got the string "piilint"`,
		},
		{
			[]any{"tags"},
			`linters.settings.custom.piilint.settings: want a mapping of settings, got a list`,
		},
		{
			map[string]any{"tags": []any{"pii"}, "sanitiser": []any{"a.B"}},
			`linters.settings.custom.piilint.settings: unknown key "sanitiser" (known keys: version, tags, kinds, fields, types, sanitizers, sinks, allow, unkeyed-hash-sanitizes, untagged, categories, config, disable, strict)`,
		},
		{
			map[string]any{"Tags": []any{"pii"}},
			`linters.settings.custom.piilint.settings: unknown key "Tags" (known keys: version, tags, kinds, fields, types, sanitizers, sinks, allow, unkeyed-hash-sanitizes, untagged, categories, config, disable, strict)`,
		},
		{
			settingsOf(t, "allow:\n  - reason: ok\n  - reason: ok\n    kind: [email]\n"),
			`linters.settings.custom.piilint.settings.allow[1]: unknown key "kind" (known keys: analyzer, kinds, packages, reason)`,
		},
		{
			settingsOf(t, "sinks:\n  logs: [a.B]\n"),
			`linters.settings.custom.piilint.settings.sinks: unknown key "logs" (known keys: log, export, transport)`,
		},
		{
			settingsOf(t, "fields:\n  - field: a.T.F\n    kind: email\n    line: 3\n"),
			`linters.settings.custom.piilint.settings.fields[0]: unknown key "line" (known keys: field, kind)`,
		},
		{
			settingsOf(t, "tags: pii\n"),
			`linters.settings.custom.piilint.settings.tags: want a list of strings, got the string "pii"`,
		},
		{
			settingsOf(t, "tags: [pii, 3]\n"),
			`linters.settings.custom.piilint.settings.tags[1]: want a string, got the number 3`,
		},
		{
			settingsOf(t, "unkeyed-hash-sanitizes: yes\n"),
			`linters.settings.custom.piilint.settings.unkeyed-hash-sanitizes: want true or false, got the string "yes"`,
		},
		{
			settingsOf(t, "version: 1.5\n"),
			`linters.settings.custom.piilint.settings.version: want an integer, got the number 1.5`,
		},
		{
			settingsOf(t, "allow: {reason: x}\n"),
			`linters.settings.custom.piilint.settings.allow: want a list of mappings, got a mapping`,
		},
		{
			settingsOf(t, "kinds:\n  loyalty_id: [personal]\n"),
			`linters.settings.custom.piilint.settings.kinds.loyalty_id: want a string, got a list`,
		},
		{
			settingsOf(t, "disable: piilog\n"),
			`linters.settings.custom.piilint.settings.disable: want a list of strings, got the string "piilog"`,
		},
		// Validation, as for .piilint.yml, names the settings.
		{
			settingsOf(t, "version: 2\n"),
			`linters.settings.custom.piilint.settings: unsupported version 2 (want 1)`,
		},
		{
			settingsOf(t, "allow:\n  - kinds: [email]\n"),
			`linters.settings.custom.piilint.settings: allow: missing reason (say why this flow is acceptable)`,
		},
		{
			settingsOf(t, "allow:\n  - kinds: [card]\n    reason: x\n"),
			`linters.settings.custom.piilint.settings: allow: kind "card" is of class secret, which is never allowed`,
		},
		{
			settingsOf(t, "sanitizers: [not a name]\n"),
			`linters.settings.custom.piilint.settings: sanitizers: invalid function name "not a name": contains white space`,
		},
		// The plugin's own keys.
		{
			settingsOf(t, "disable: [piilogs]\n"),
			`linters.settings.custom.piilint.settings: disable: unknown analyzer "piilogs" (analyzers: ` + strings.Join(flowAnalyzers(t), ", ") + `)`,
		},
		{
			settingsOf(t, "disable: [piifacts]\n"),
			`linters.settings.custom.piilint.settings: disable: piifacts cannot be disabled: the other analyzers read its facts`,
		},
		{
			settingsOf(t, "config: .piilint.yml\nsanitizers: [a.B]\n"),
			`linters.settings.custom.piilint.settings: sanitizers cannot be set beside config: put it in .piilint.yml`,
		},
		{
			settingsOf(t, "config: testdata/does-not-exist.yml\n"),
			`linters.settings.custom.piilint.settings: config: open testdata/does-not-exist.yml: no such file or directory`,
		},
	} {
		p, err := New(tt.settings)
		if err == nil {
			t.Errorf("New(%#v) = %v, want error %s", tt.settings, p, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("New(%#v) error:\n%s\nwant\n%s", tt.settings, err, tt.want)
		}
	}
}

// flowAnalyzers returns the names of the suite's analyzers but piifacts,
// in order.
func flowAnalyzers(t *testing.T) []string {
	t.Helper()
	suite, err := analyzers.New(nil, piifacts.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, a := range suite {
		if a.Name != "piifacts" {
			names = append(names, a.Name)
		}
	}
	if !slices.Contains(names, "piilog") {
		t.Fatalf("the suite has no piilog: %v", names)
	}
	return names
}

func TestDisable(t *testing.T) {
	flow := flowAnalyzers(t)
	for _, tt := range []struct {
		settings string
		want     []string
	}{
		{"disable: []\n", append([]string{"piifacts"}, flow...)},
		{"disable:\n", append([]string{"piifacts"}, flow...)},
		{"disable: [piilog]\n", append([]string{"piifacts"}, slices.DeleteFunc(slices.Clone(flow), func(s string) bool { return s == "piilog" })...)},
		{"disable: [" + strings.Join(flow, ", ") + "]\n", []string{"piifacts"}},
	} {
		p := newPlugin(t, settingsOf(t, tt.settings))
		if got := analyzerNames(t, p); !slices.Equal(got, tt.want) {
			t.Errorf("%q: analyzers = %v, want %v", tt.settings, got, tt.want)
		}
	}
}

// TestStrict: strict: true turns on piitransport's strict flag, on this
// plugin's analyzers only.
func TestStrict(t *testing.T) {
	strictOf := func(p *Plugin) string {
		t.Helper()
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range as {
			if a.Name == "piitransport" {
				return a.Flags.Lookup("strict").Value.String()
			}
		}
		t.Fatal("no piitransport analyzer")
		return ""
	}
	if got := strictOf(newPlugin(t, settingsOf(t, "strict: true\n"))); got != "true" {
		t.Errorf("strict: true: piitransport -strict = %s", got)
	}
	if got := strictOf(newPlugin(t, settingsOf(t, "strict: false\n"))); got != "false" {
		t.Errorf("strict: false: piitransport -strict = %s", got)
	}
	if got := strictOf(newPlugin(t, nil)); got != "false" {
		t.Errorf("no settings: piitransport -strict = %s", got)
	}
}

// TestBuildAnalyzersCopy: golangci-lint may keep and change the slice it
// is given; the plugin's own list stays as it was.
func TestBuildAnalyzersCopy(t *testing.T) {
	p := newPlugin(t, nil)
	as, _ := p.BuildAnalyzers()
	as[0] = nil
	if got := analyzerNames(t, p); got[0] != "piifacts" {
		t.Errorf("analyzers after a caller's change = %v", got)
	}
}

func TestConfigFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, ".piilint.yml")
	if err := os.WriteFile(file, []byte(fullConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := config.Load(file)
	if err != nil {
		t.Fatal(err)
	}
	p := newPlugin(t, map[string]any{"config": file, "disable": []any{}})
	if !reflect.DeepEqual(p.cfg, want) {
		t.Errorf("config %s decodes to\n%+v\nwant\n%+v", file, p.cfg, want)
	}

	// Errors in the file name the file and line, after the setting.
	bad := filepath.Join(dir, "bad.yml")
	if err := os.WriteFile(bad, []byte("version: 1\nallow:\n  - kinds: [email]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = New(map[string]any{"config": bad})
	if want := settingsPath + ": config: " + bad + ":3: allow: missing reason (say why this flow is acceptable)"; err == nil || err.Error() != want {
		t.Errorf("New with config %s: error %v, want %s", bad, err, want)
	}
}

// TestOwnKeysApart: the plugin's keys are not configuration keys, so that
// neither hides the other.
func TestOwnKeysApart(t *testing.T) {
	cfgKeys := fieldNames(jsonFields(reflect.TypeFor[config.Config]()))
	for _, k := range ownKeys {
		if slices.Contains(cfgKeys, k) {
			t.Errorf("plugin key %q is also a configuration key", k)
		}
	}
	if got, want := fieldNames(jsonFields(reflect.TypeFor[Settings]())), append(cfgKeys, ownKeys...); !slices.Equal(got, want) {
		t.Errorf("settings keys = %v, want %v", got, want)
	}
}

// TestDependencies: the plugin is compiled into golangci-lint, so it must
// bring no module golangci-lint does not already have, and nothing of the
// command (SARIF, HTML, JSON schema) with it.
func TestDependencies(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}} {{with .Module}}{{.Path}}{{end}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	allowed := []string{
		"github.com/piilint/piilint",
		"github.com/golangci/plugin-module-register",
		"golang.org/x/tools",
		"go.yaml.in/yaml/v3",
	}
	var pkgs int
	for line := range strings.Lines(string(out)) {
		pkg, mod, _ := strings.Cut(strings.TrimSpace(line), " ")
		if pkg == "" {
			continue
		}
		pkgs++
		if !slices.Contains(allowed, mod) {
			t.Errorf("the plugin depends on %s of module %q, which is not among %v", pkg, mod, allowed)
		}
		if strings.HasPrefix(pkg, "github.com/piilint/piilint/cmd/") {
			t.Errorf("the plugin depends on the command's package %s", pkg)
		}
	}
	if pkgs < 5 {
		t.Errorf("go list -deps found only %d packages:\n%s", pkgs, out)
	}
}
