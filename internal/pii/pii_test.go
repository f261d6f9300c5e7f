package pii_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/piilint/piilint/internal/pii"
)

var builtinKinds = []string{
	"address", "bank_account", "biometric", "birthdate", "card", "cvv",
	"email", "health", "ip", "location", "name", "national_id", "passport",
	"password", "phone", "pii", "secret", "tax_id", "token", "username",
}

func TestKinds(t *testing.T) {
	if got := pii.Default.Kinds(); !slices.Equal(got, builtinKinds) {
		t.Errorf("Default.Kinds() = %v, want %v", got, builtinKinds)
	}
}

func TestClass(t *testing.T) {
	secret := map[string]bool{"password": true, "secret": true, "token": true, "cvv": true, "card": true}
	for _, k := range builtinKinds {
		want := pii.Personal
		if secret[k] {
			want = pii.Secret
		}
		got, ok := pii.Default.Class(k)
		if !ok || got != want {
			t.Errorf("Class(%q) = %q, %v; want %q, true", k, got, ok, want)
		}
	}
	for _, k := range []string{"", "Email", "loyalty_id", "-", "sanitizer"} {
		if c, ok := pii.Default.Class(k); ok {
			t.Errorf("Class(%q) = %q, true; want unknown", k, c)
		}
	}
}

func TestNewVocabulary(t *testing.T) {
	v, err := pii.NewVocabulary(map[string]pii.Class{"loyalty_id": pii.Personal, "hsm_pin": pii.Secret, "x2": pii.Personal})
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]pii.Class{"loyalty_id": pii.Personal, "hsm_pin": pii.Secret, "email": pii.Personal, "token": pii.Secret} {
		if got, ok := v.Class(k); !ok || got != want {
			t.Errorf("Class(%q) = %q, %v; want %q, true", k, got, ok, want)
		}
	}
	if n, want := len(v.Kinds()), len(builtinKinds)+3; n != want {
		t.Errorf("len(Kinds()) = %d, want %d", n, want)
	}
	if _, ok := pii.Default.Class("loyalty_id"); ok {
		t.Error("NewVocabulary changed the default vocabulary")
	}

	for _, tt := range []struct {
		name  string
		extra map[string]pii.Class
		want  string
	}{
		{"redefine builtin", map[string]pii.Class{"email": pii.Secret}, `kind "email" is built in and cannot be redefined`},
		{"redefine builtin same class", map[string]pii.Class{"token": pii.Secret}, `kind "token" is built in and cannot be redefined`},
		{"bad class", map[string]pii.Class{"loyalty_id": "public"}, `kind "loyalty_id": class "public" is neither "secret" nor "personal"`},
		{"empty class", map[string]pii.Class{"loyalty_id": ""}, `kind "loyalty_id": class "" is neither "secret" nor "personal"`},
		{"uppercase name", map[string]pii.Class{"Loyalty": pii.Personal}, `kind "Loyalty": a kind is a lowercase identifier such as "loyalty_id"`},
		{"dash in name", map[string]pii.Class{"loyalty-id": pii.Personal}, `kind "loyalty-id": a kind is a lowercase identifier`},
		{"leading digit", map[string]pii.Class{"1id": pii.Personal}, `kind "1id": a kind is a lowercase identifier`},
		{"empty name", map[string]pii.Class{"": pii.Personal}, `kind "": a kind is a lowercase identifier`},
		{"dash", map[string]pii.Class{"-": pii.Personal}, `kind "-": a kind is a lowercase identifier`},
		{"first error in name order", map[string]pii.Class{"b": "x", "a": "y"}, `kind "a": class "y"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			v, err := pii.NewVocabulary(tt.extra)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewVocabulary(%v) = %v, %v; want error containing %q", tt.extra, v, err, tt.want)
			}
			if v != nil {
				t.Errorf("NewVocabulary returned a vocabulary with an error")
			}
		})
	}
}

func TestParseTag(t *testing.T) {
	v, err := pii.NewVocabulary(map[string]pii.Class{"loyalty_id": pii.Personal})
	if err != nil {
		t.Fatal(err)
	}
	type test struct {
		key, value string
		want       pii.Marking
		ok         bool
		err        string // fragment of the error, "" for none
	}
	tests := []test{
		{"pii", "", pii.Marking{Kind: "pii"}, true, ""},
		{"pii", "true", pii.Marking{Kind: "pii"}, true, ""},
		{"pii", " true ", pii.Marking{Kind: "pii"}, true, ""},
		{"pii", "-", pii.Marking{NotPII: true}, true, ""},
		{"pii", "pii", pii.Marking{Kind: "pii"}, true, ""},
		{"pii", " email ", pii.Marking{Kind: "email"}, true, ""},
		{"pii", "loyalty_id", pii.Marking{Kind: "loyalty_id"}, true, ""},
		// Kinds are case-insensitive; an unknown kind is reported, with
		// the nearest known one, and tracked as the generic kind.
		{"pii", "Email", pii.Marking{Kind: "email"}, true, ""},
		{"pii", "CVV", pii.Marking{Kind: "cvv"}, true, ""},
		{"pii", "emial", pii.Marking{Kind: "pii"}, true, `pii tag: unknown kind "emial" (did you mean "email"?); tracked as the generic kind "pii"`},
		{"pii", "phon", pii.Marking{Kind: "pii"}, true, `unknown kind "phon" (did you mean "phone"?)`},
		{"pii", "helth", pii.Marking{Kind: "pii"}, true, `(did you mean "health"?)`},
		{"pii", "crad", pii.Marking{Kind: "pii"}, true, `(did you mean "card"?)`},
		{"pii", "addr", pii.Marking{Kind: "pii"}, true, `(did you mean "address"?)`},
		{"pii", "Emial", pii.Marking{Kind: "pii"}, true, `unknown kind "Emial" (did you mean "email"?)`},
		{"pii", "customer", pii.Marking{Kind: "pii"}, true, `unknown kind "customer" (known kinds: address, bank_account,`},
		{"pii", "false", pii.Marking{}, false, `pii tag "false": mark a field that is not personal data with pii:"-"`},
		{"pii", "email,omitempty", pii.Marking{Kind: "pii"}, true, `pii tag "email,omitempty": want a single kind such as "email", or "-"; tracked as the generic kind "pii"`},
		{"pii", "email name", pii.Marking{Kind: "pii"}, true, `pii tag "email name": want a single kind`},
		{"pii", "email\tname", pii.Marking{Kind: "pii"}, true, `want a single kind`},

		{"datapolicy", "password", pii.Marking{Kind: "password"}, true, ""},
		{"datapolicy", "token", pii.Marking{Kind: "token"}, true, ""},
		{"datapolicy", "security-key", pii.Marking{Kind: "secret"}, true, ""},
		{"datapolicy", "secret-key", pii.Marking{Kind: "secret"}, true, ""},
		{"datapolicy", "other", pii.Marking{Kind: "pii"}, true, ""},
		{"datapolicy", "email", pii.Marking{Kind: "pii"}, true, ""},
		{"datapolicy", "other,password", pii.Marking{Kind: "password"}, true, ""},
		{"datapolicy", "password, other", pii.Marking{Kind: "password"}, true, ""},
		{"datapolicy", " token , security-key ", pii.Marking{Kind: "token"}, true, ""},
		{"datapolicy", "", pii.Marking{}, false, `datapolicy tag "": empty element`},
		{"datapolicy", "password,", pii.Marking{}, false, `datapolicy tag "password,": empty element`},
		{"datapolicy", "password,,token", pii.Marking{}, false, `empty element`},

		{"sensitive", "true", pii.Marking{Kind: "pii"}, true, ""},
		{"sensitive", "", pii.Marking{Kind: "pii"}, true, ""},
		{"sensitive", "false", pii.Marking{}, false, ""},
		{"sensitive", " false ", pii.Marking{}, false, ""},
		{"sensitive", "yes", pii.Marking{}, false, `sensitive tag "yes": want "true" or "false"`},
		{"sensitive", "email", pii.Marking{}, false, `sensitive tag "email"`},

		{"levee", "source", pii.Marking{Kind: "pii"}, true, ""},
		{"levee", " source", pii.Marking{Kind: "pii"}, true, ""},
		{"levee", "sink", pii.Marking{}, false, `levee tag "sink": the only marking value is "source"`},
		{"levee", "", pii.Marking{}, false, `levee tag "": the only marking value is "source"`},

		{"gdpr", "email", pii.Marking{Kind: "email"}, true, ""},
		{"gdpr", "", pii.Marking{Kind: "pii"}, true, ""},
		{"gdpr", "-", pii.Marking{NotPII: true}, true, ""},
		{"gdpr", "emial", pii.Marking{Kind: "pii"}, true, `gdpr tag: pii tag: unknown kind "emial"`},
		{"gdpr", "a,b", pii.Marking{Kind: "pii"}, true, `gdpr tag: pii tag "a,b": want a single kind`},
	}
	for _, k := range builtinKinds {
		tests = append(tests, test{"pii", k, pii.Marking{Kind: k}, true, ""})
	}
	for _, tt := range tests {
		m, ok, err := v.ParseTag(tt.key, tt.value)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseTag(%q, %q) error = %v, want one containing %q", tt.key, tt.value, err, tt.err)
			}
		} else if err != nil {
			t.Errorf("ParseTag(%q, %q) error = %v", tt.key, tt.value, err)
		}
		if m != tt.want || ok != tt.ok {
			t.Errorf("ParseTag(%q, %q) = %+v, %v; want %+v, %v", tt.key, tt.value, m, ok, tt.want, tt.ok)
		}
	}

	// A kind added by configuration is unknown to the default vocabulary.
	if _, _, err := pii.Default.ParseTag("pii", "loyalty_id"); err == nil {
		t.Error(`Default.ParseTag("pii", "loyalty_id") succeeded; want an unknown kind error`)
	}
}

func TestParseDirective(t *testing.T) {
	v, err := pii.NewVocabulary(map[string]pii.Class{"loyalty_id": pii.Personal})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text string
		want pii.Directive
		ok   bool
		err  string
	}{
		{"//pii:email", pii.Directive{Verb: "email"}, true, ""},
		{"//pii:health", pii.Directive{Verb: "health"}, true, ""},
		{"//pii:pii", pii.Directive{Verb: "pii"}, true, ""},
		{"//pii:loyalty_id", pii.Directive{Verb: "loyalty_id"}, true, ""},
		{"//pii:secret  ", pii.Directive{Verb: "secret"}, true, ""},
		{"//pii:sanitizer", pii.Directive{Verb: "sanitizer"}, true, ""},
		{"//pii:-", pii.Directive{Verb: "-"}, true, ""},
		{"//pii:sink log", pii.Directive{Verb: "sink", Arg: "log"}, true, ""},
		{"//pii:sink export", pii.Directive{Verb: "sink", Arg: "export"}, true, ""},
		{"//pii:sink\ttransport", pii.Directive{Verb: "sink", Arg: "transport"}, true, ""},

		{"//pii:sink", pii.Directive{}, true, `directive //pii:sink wants one class: log, export, transport`},
		{"//pii:sink log export", pii.Directive{}, true, `directive //pii:sink wants one class`},
		{"//pii:sink stdout", pii.Directive{}, true, `directive //pii:sink: unknown class "stdout" (want log, export, transport)`},
		{"//pii:sink Log", pii.Directive{}, true, `unknown class "Log"`},
		{"//pii:sanitizer email", pii.Directive{}, true, `directive //pii:sanitizer takes no arguments`},
		{"//pii:email name", pii.Directive{}, true, `directive //pii:email takes no arguments`},
		{"//pii:emial", pii.Directive{Verb: "pii"}, true, `directive //pii:emial: unknown kind "emial" (did you mean "email"?); tracked as the generic kind "pii"`},
		{"//pii:nope", pii.Directive{Verb: "pii"}, true, `directive //pii:nope: unknown kind "nope" (known kinds: address,`},
		{"//pii:Email", pii.Directive{Verb: "email"}, true, ""},
		{"//pii:", pii.Directive{}, true, `malformed directive "//pii:": want //pii:<kind>, //pii:sanitizer or //pii:sink <class>`},
		{"//pii:   ", pii.Directive{}, true, `malformed directive`},
		{"//pii: email", pii.Directive{}, true, `malformed directive "//pii: email"`},

		{"// pii:email", pii.Directive{}, false, ""},
		{"//pii", pii.Directive{}, false, ""},
		{"//piilint:ignore piilog reason", pii.Directive{}, false, ""},
		{"// regular comment", pii.Directive{}, false, ""},
		{"/*pii:email*/", pii.Directive{}, false, ""},
		{"", pii.Directive{}, false, ""},
		{"//PII:email", pii.Directive{}, false, ""},
	} {
		d, ok, err := v.ParseDirective(tt.text)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseDirective(%q) error = %v, want one containing %q", tt.text, err, tt.err)
			}
		} else if err != nil {
			t.Errorf("ParseDirective(%q) error = %v", tt.text, err)
		}
		if d != tt.want || ok != tt.ok {
			t.Errorf("ParseDirective(%q) = %+v, %v; want %+v, %v", tt.text, d, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultTags(t *testing.T) {
	want := []string{"pii", "datapolicy", "sensitive", "levee"}
	if !slices.Equal(pii.DefaultTags, want) {
		t.Errorf("DefaultTags = %v, want %v", pii.DefaultTags, want)
	}
	if !slices.Equal(pii.SinkClasses, []string{"log", "export", "transport"}) {
		t.Errorf("SinkClasses = %v", pii.SinkClasses)
	}
}
