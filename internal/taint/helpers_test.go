package taint

import (
	"slices"
	"testing"
)

func TestPrintfVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		verbs  string
		ok     bool
	}{
		{"", "", true},
		{"plain", "", true},
		{"%s %d", "sd", true},
		{"100%% %v", "v", true},
		{"%+v %#v %-8s %08.3f", "vvsf", true},
		{"%*d", "*d", true},
		{"%T %p", "Tp", true},
		{"%[1]s", "", false},
		{"trailing %", "", true},
	} {
		verbs, ok := printfVerbs(tc.format)
		if string(verbs) != tc.verbs || ok != tc.ok {
			t.Errorf("printfVerbs(%q) = %q, %v; want %q, %v", tc.format, string(verbs), ok, tc.verbs, tc.ok)
		}
	}
}

func TestSplitPath(t *testing.T) {
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"", nil},
		{".Email", []string{"Email"}},
		{"[]", []string{"[]"}},
		{".Items[].Name", []string{"Items", "[]", "Name"}},
		{"[][].X", []string{"[]", "[]", "X"}},
		{"bad", nil},
		{".A!x", []string{"A!x"}},
	} {
		if got := splitPath(tc.path); !slices.Equal(got, tc.want) {
			t.Errorf("splitPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}
