package piitransport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piitransport"
)

// TestPiitransport runs piitransport over a case per channel: each
// positive has a protected twin that is not reported (https, wss://,
// tls.Dial, StartTLS, TLS credentials, loopback).
func TestPiitransport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piitransport.Analyzer, "httpcase", "netcase", "smtpcase", "grpccase", "wscase", "ftpcase", "listedtransport")
}

// TestStrict checks that URLs and requests not known at analysis time are
// reported with -strict.
func TestStrict(t *testing.T) {
	a := piitransport.NewWith(piifacts.Analyzer)
	if err := a.Flags.Set("strict", "true"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "strictcase", "grpcservercase")
}
