package pii_test

import (
	"slices"
	"testing"

	"github.com/piilint/piilint/internal/pii"
)

func fuzzVocabulary(t testing.TB) *pii.Vocabulary {
	v, err := pii.NewVocabulary(map[string]pii.Class{"loyalty_id": pii.Personal, "hsm_pin": pii.Secret})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func FuzzParseTag(f *testing.F) {
	for _, seed := range []struct{ key, value string }{
		{"pii", ""}, {"pii", "true"}, {"pii", "-"}, {"pii", "email"}, {"pii", " card "},
		{"pii", "emial"}, {"pii", "email,omitempty"}, {"pii", "loyalty_id"},
		{"datapolicy", "password"}, {"datapolicy", "token,security-key"}, {"datapolicy", "other"},
		{"datapolicy", ""}, {"datapolicy", ",,"},
		{"sensitive", "true"}, {"sensitive", "false"}, {"sensitive", "maybe"},
		{"levee", "source"}, {"levee", "sink"},
		{"gdpr", "email"}, {"gdpr", "-"}, {"", "\x00"}, {"pii", "\xff"},
	} {
		f.Add(seed.key, seed.value)
	}
	v := fuzzVocabulary(f)
	f.Fuzz(func(t *testing.T, key, value string) {
		m, ok, err := v.ParseTag(key, value)
		if err != nil {
			// Rejected, or tracked as the generic kind.
			if ok && m != (pii.Marking{Kind: pii.Generic}) || !ok && m != (pii.Marking{}) {
				t.Fatalf("ParseTag(%q, %q) = %+v, %v with error %v", key, value, m, ok, err)
			}
			return
		}
		if !ok {
			if m != (pii.Marking{}) {
				t.Fatalf("ParseTag(%q, %q) = %+v, false; want a zero marking", key, value, m)
			}
			return
		}
		if m.NotPII == (m.Kind != "") {
			t.Fatalf("ParseTag(%q, %q) = %+v: want exactly one of NotPII and Kind", key, value, m)
		}
		if m.Kind != "" {
			if _, known := v.Class(m.Kind); !known {
				t.Fatalf("ParseTag(%q, %q) = unknown kind %q", key, value, m.Kind)
			}
		}
	})
}

func FuzzParseDirective(f *testing.F) {
	for _, seed := range []string{
		"//pii:email", "//pii:sanitizer", "//pii:sink log", "//pii:sink", "//pii:sink x",
		"//pii:-", "//pii:", "//pii: email", "//pii:emial", "//pii:email extra",
		"//pii:loyalty_id", "// pii:email", "//piilint:ignore piilog why", "", "//pii:\xff",
	} {
		f.Add(seed)
	}
	v := fuzzVocabulary(f)
	f.Fuzz(func(t *testing.T, text string) {
		d, ok, err := v.ParseDirective(text)
		if !ok {
			if err != nil || d != (pii.Directive{}) {
				t.Fatalf("ParseDirective(%q) = %+v, false, %v; want a zero directive and no error", text, d, err)
			}
			return
		}
		if err != nil {
			// Rejected, or an unknown kind tracked as the generic kind.
			if d != (pii.Directive{}) && d != (pii.Directive{Verb: pii.Generic}) {
				t.Fatalf("ParseDirective(%q) = %+v with error %v", text, d, err)
			}
			return
		}
		switch d.Verb {
		case "sink":
			if !slices.Contains(pii.SinkClasses, d.Arg) {
				t.Fatalf("ParseDirective(%q) = sink of unknown class %q", text, d.Arg)
			}
		case "sanitizer", "-":
			if d.Arg != "" {
				t.Fatalf("ParseDirective(%q) = %+v: unexpected argument", text, d)
			}
		default:
			if _, known := v.Class(d.Verb); !known || d.Arg != "" {
				t.Fatalf("ParseDirective(%q) = %+v: want a known kind without argument", text, d)
			}
		}
	})
}
