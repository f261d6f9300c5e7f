package piifacts_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
	"github.com/piilint/piilint/internal/config"
)

func TestMarks(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piifacts.Analyzer, "marks", "cgopkg")
}

// TestConfig marks fields and types of a package the user does not own,
// and declares a sanitizer and a sink, through the configuration.
func TestConfig(t *testing.T) {
	cfg, err := config.Parse(".piilint.yml", []byte(`
version: 1
fields:
  - field: cfgpkg.Config.BearerToken
    kind: token
  - field: cfgpkg.Config.Missing
    kind: token
types:
  - type: cfgpkg.Secret
    kind: secret
  - type: cfgpkg.Nope
    kind: secret
sanitizers:
  - cfguse.Masked
sinks:
  log: [cfguse.Notify]
`))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), piifacts.New(cfg, piifacts.Options{}), "cfgpkg")
	analysistest.Run(t, analysistest.TestData(), piilog.New(cfg), "cfguse")
}
