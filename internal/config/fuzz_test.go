package config_test

import (
	"testing"

	"github.com/piilint/piilint/internal/config"
)

func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		specExample,
		"",
		"version: 1\n",
		"version: 2\n",
		"tags: []\nunkeyed-hash-sanitizes: true\n",
		"kinds: {loyalty_id: personal, hsm_pin: secret}\nfields:\n  - {field: a/b.T.F, kind: hsm_pin}\n",
		"kinds: {email: secret}\n",
		"sinkz: {}\n",
		"fields:\n  - field: a/b.T.F\n    kind: emial\n",
		"fields:\n  - a/b.T.F\n",
		"types:\n  - {type: gopkg.in/yaml.v3.Node, kind: name}\n",
		"sanitizers: ['(*a/b.T[K, V]).M', a/b.F]\n",
		"sinks: {log: [(a/b.T.M]}\n",
		"allow:\n  - analyzer: piilog\n    kinds: [token]\n    reason: no\n",
		"allow:\n  - &r {analyzer: piilog, reason: x}\n  - <<: *r\n    analyzer: piiexport\n  - &a {<<: *a}\n",
		"allow:\n  - packages: [./...]\n    reason: x\n",
		"x: &a [*a, *a]\n",
		"fields: &f\n  - *f\n",
		"version: 1\n---\nversion: 1\n",
		"version: 1\ntags: [pii\n",
		"\tversion: 1\n",
		"? [a]\n: b\n",
		"tags: *missing\n",
		"!!binary aGVsbG8=: 1\n",
		"version: !!str 1\n",
		"\xff\xfe",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := config.Parse(".piilint.yml", data)
		if err != nil {
			if c != nil {
				t.Fatalf("Parse returned a config with error %v", err)
			}
			if err.Error() == "" {
				t.Fatal("Parse returned an empty error")
			}
			return
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("Parse accepted a config that Validate rejects: %v", err)
		}
		if c.Version != 1 {
			t.Fatalf("Parse returned version %d", c.Version)
		}
		if _, err := c.Vocabulary(); err != nil {
			t.Fatalf("Parse accepted a config whose vocabulary is invalid: %v", err)
		}
		if d1, d2 := c.Digest(), c.Digest(); d1 != d2 {
			t.Fatalf("Digest not stable: %s then %s", d1, d2)
		}
		for _, s := range c.Sanitizers {
			n, err := config.NormalizeFuncName(s)
			if err != nil {
				t.Fatalf("accepted sanitizer %q: %v", s, err)
			}
			if again, err := config.NormalizeFuncName(n); err != nil || again != n {
				t.Fatalf("NormalizeFuncName(%q) = %q, %v; not idempotent", n, again, err)
			}
		}
		// Parsing is deterministic.
		c2, err := config.Parse(".piilint.yml", data)
		if err != nil || c2.Digest() != c.Digest() {
			t.Fatalf("second Parse differs: %v", err)
		}
	})
}

func FuzzNormalizeFuncName(f *testing.F) {
	for _, seed := range []string{
		"fmt.Println", "(*a/b.T).M", "(a/b.T[K, V]).M", "(a/b.T[func(int) error]).M",
		"(a/b.T.M", "().M", "a/b.", "", "(((", "([)]).M", "(a.T[x][y]).M",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := config.NormalizeFuncName(s)
		if err != nil {
			return
		}
		again, err := config.NormalizeFuncName(n)
		if err != nil || again != n {
			t.Fatalf("NormalizeFuncName(%q) = %q, then %q, %v; want idempotent", s, n, again, err)
		}
	})
}
