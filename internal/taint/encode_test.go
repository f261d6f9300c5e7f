package taint

import (
	"reflect"
	"testing"

	"github.com/piilint/piilint/internal/sinks"
)

func richSummary() *Summary {
	email := Source{Key: "example.com/m.User.Email", Name: "User.Email", Kind: "email"}
	card := Source{Key: "example.com/m.Card", Name: "Card", Kind: "card"}
	return &Summary{
		Flows:   []Flow{{Param: 0, Path: ".Email", Result: 0}, {Param: 2, Path: "[]", Result: 1, Into: ".Memo"}},
		Sinks:   []ParamSink{{Param: 1, Path: "", Sink: SinkRef{Class: sinks.Log, Dest: "", Callee: "log.Printf", Via: []string{"logf", "out"}}}},
		Effects: []Effect{{Param: 1, Path: ".Name", Into: 0}},
		Writes:  []Write{{Into: 0, Source: email}},
		Results: [][]Source{nil, {email, card}},
		Stored:  []Stored{{Result: 0, Path: ".Email", Source: email}},
		Calls: []CallArg{
			{Func: 1, Arg: 0, Param: 0, Path: "[]"},
			{Func: 0, Method: "Send", Arg: 0, Param: -1, Source: card},
		},
	}
}

func TestSummaryEncodingRoundTrip(t *testing.T) {
	for name, s := range map[string]*Summary{
		"empty":   {},
		"results": {Results: [][]Source{nil, nil}},
		"rich":    richSummary(),
	} {
		t.Run(name, func(t *testing.T) {
			b := s.AppendBinary([]byte("prefix"))
			if string(b[:6]) != "prefix" {
				t.Fatalf("AppendBinary overwrote its prefix: %q", b[:6])
			}
			got, err := DecodeSummary(b[6:])
			if err != nil {
				t.Fatal(err)
			}
			// A decoded empty list of results is nil, as gob decodes it.
			want := *s
			want.Results = nil
			for _, r := range s.Results {
				if len(r) == 0 {
					r = nil
				}
				want.Results = append(want.Results, r)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round trip:\n got %#v\nwant %#v", got, want)
			}
			if got.String() != s.String() {
				t.Errorf("String: got %q, want %q", got.String(), s.String())
			}
		})
	}
}

// TestSummaryEncodingStringsOnce checks that a string repeated in a
// summary is written once.
func TestSummaryEncodingStringsOnce(t *testing.T) {
	s := richSummary()
	b := string(s.AppendBinary(nil))
	for _, str := range []string{"example.com/m.User.Email", "[]"} {
		if n := countSub(b, str); n != 1 {
			t.Errorf("%q written %d times, want once", str, n)
		}
	}
}

func countSub(s, sub string) int {
	n := 0
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			n++
		}
	}
	return n
}

// TestSummaryDecodingMalformed checks that every truncation and a few
// corruptions of an encoding are errors, not panics or wrong summaries.
func TestSummaryDecodingMalformed(t *testing.T) {
	b := richSummary().AppendBinary(nil)
	for i := 0; i < len(b); i++ {
		if _, err := DecodeSummary(b[:i]); err == nil {
			t.Errorf("truncated to %d of %d bytes: no error", i, len(b))
		}
	}
	if _, err := DecodeSummary(append(b[:len(b):len(b)], 0)); err == nil {
		t.Error("trailing byte: no error")
	}
	bad := append([]byte(nil), b...)
	bad[0] = summaryVersion + 1
	if _, err := DecodeSummary(bad); err == nil {
		t.Error("other version: no error")
	}
	huge := []byte{summaryVersion, 0xff, 0xff, 0xff, 0xff, 0x0f}
	if _, err := DecodeSummary(huge); err == nil {
		t.Error("string count beyond the input: no error")
	}
}

func FuzzDecodeSummary(f *testing.F) {
	f.Add(richSummary().AppendBinary(nil))
	f.Add((&Summary{}).AppendBinary(nil))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := DecodeSummary(b)
		if err != nil {
			return
		}
		// What decodes encodes to something that decodes the same.
		again, err := DecodeSummary(s.AppendBinary(nil))
		if err != nil {
			t.Fatalf("re-encoding of a decoded summary does not decode: %v", err)
		}
		if again.String() != s.String() {
			t.Fatalf("re-encoded summary differs: %q, want %q", again.String(), s.String())
		}
	})
}
