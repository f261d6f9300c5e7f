package origin

import (
	"slices"
	"testing"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

func TestHostOf(t *testing.T) {
	for _, tc := range []struct {
		addr string
		ok   bool
		want hostKind
	}{
		{"localhost:25", true, loopback},
		{"LOCALHOST", true, loopback},
		{"api.localhost:80", true, loopback},
		{"127.0.0.1:21", true, loopback},
		{"127.8.9.10", true, loopback},
		{"[::1]:443", true, loopback},
		{"::1", true, loopback},
		{"mail.example.com:25", true, hostRemote},
		{"10.0.0.1:21", true, hostRemote},
		{"[2001:db8::1]:443", true, hostRemote},
		{"", true, hostUnknown},
		{":25", true, hostUnknown},
		{"mail.example.com:25", false, hostUnknown}, // not a constant
	} {
		if got := hostOf(tc.addr, tc.ok); got != tc.want {
			t.Errorf("hostOf(%q, %v) = %d, want %d", tc.addr, tc.ok, got, tc.want)
		}
	}
}

func TestKinds(t *testing.T) {
	for _, tc := range []struct {
		k     Kind
		name  string
		class sinks.Class
		dest  sinks.Dest
	}{
		{None, "none", "", ""},
		{Unknown, "unknown", sinks.Transport, sinks.DestUnknown},
		{File, "file", sinks.Export, sinks.DestFile},
		{HTTP, "http", sinks.Transport, sinks.DestHTTP},
		{NoVerify, "no-verify", sinks.Transport, sinks.DestNoVerify},
		{GRPC, "grpc", sinks.Transport, sinks.DestGRPC},
		{GRPC + 1, "kind?", "", ""},
	} {
		class, dest := tc.k.Dest()
		if tc.k.String() != tc.name || class != tc.class || dest != tc.dest {
			t.Errorf("kind %d: %s, %s, %s; want %s, %s, %s", tc.k, tc.k, class, dest, tc.name, tc.class, tc.dest)
		}
	}
	if Worse(Unknown, File) != File || Worse(GRPC, None) != GRPC {
		t.Error("Worse: a definite problem must beat an unknown one")
	}
}

func TestKeys(t *testing.T) {
	keys := Keys()
	if !slices.IsSorted(keys) || len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Error("Keys: want sorted, without duplicates")
	}
	for _, k := range []string{"net.Dial", "bufio.NewWriter", "net/url.Parse", "net/http.NewRequest", grpcWithInsecure, smtpStartTLS} {
		if !slices.Contains(keys, k) {
			t.Errorf("Keys: no %s", k)
		}
	}
	if !PlainWrapper("compress/gzip.NewWriter") || PlainWrapper("os.Create") {
		t.Error("PlainWrapper: want gzip.NewWriter and not os.Create")
	}
}

// TestTLSStore: the stores into a tls.Config that leave it without
// verification or below TLS 1.2, and those that do not.
func TestTLSStore(t *testing.T) {
	s := build(t, inFunc(`
	c1 := &tls.Config{InsecureSkipVerify: true}
	c2 := &tls.Config{MinVersion: tls.VersionTLS10}
	c3 := &tls.Config{InsecureSkipVerify: false, MinVersion: tls.VersionTLS12, ServerName: "x"}
	var c4 tls.Config
	c4.MaxVersion = tls.VersionTLS11
	c4.InsecureSkipVerify = s == ""
	type notTLS struct{ InsecureSkipVerify bool }
	c5 := &notTLS{InsecureSkipVerify: true}
	use([]any{c1, c2, c3, &c4, c5})`))
	var got []Attr
	for _, fn := range s.funcs {
		for _, bl := range fn.Blocks {
			for _, in := range bl.Instrs {
				if st, ok := in.(*ssa.Store); ok {
					if cfg, a := TLSStore(st); a != 0 {
						if cfg == nil {
							t.Error("TLSStore: an attribute without a configuration")
						}
						got = append(got, a)
					}
				}
			}
		}
	}
	want := []Attr{AttrNoVerify, AttrWeakTLS, AttrWeakTLS}
	if !slices.Equal(got, want) {
		t.Errorf("TLSStore attributes = %v, want %v", got, want)
	}
}
