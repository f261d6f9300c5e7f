// Package analyzers assembles the piilint analyzers into a suite that
// shares one piifacts analyzer, so that the flow engine runs once per
// package whatever the number of flow analyzers.
package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers/piiexport"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/analyzers/piilog"
	"github.com/piilint/piilint/analyzers/piitransport"
	"github.com/piilint/piilint/analyzers/piiuntagged"
	"github.com/piilint/piilint/internal/config"
	"github.com/piilint/piilint/internal/guess"
)

// New returns the suite configured by cfg (nil means the default
// configuration): piifacts first, then the flow analyzers.
func New(cfg *config.Config, opts piifacts.Options) ([]*analysis.Analyzer, error) {
	if cfg == nil {
		cfg = new(config.Config)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	facts := piifacts.New(cfg, opts)
	return []*analysis.Analyzer{
		facts,
		piilog.NewWith(facts),
		piiexport.NewWith(facts),
		piitransport.NewWith(facts),
		// Off until its -on flag (the command's -piiuntagged) or the
		// configuration's untagged.enable.
		piiuntagged.New(facts, piiuntagged.Options{
			On:    cfg.Untagged.Enable,
			All:   cfg.Untagged.All,
			Guess: guess.Options{Words: cfg.Untagged.Words, Ignore: cfg.Untagged.Ignore},
		}),
	}, nil
}

// All returns the default analyzers, for drivers that take a list of
// analyzer values (nogo, multichecker). piiuntagged.Analyzer, which finds
// the fields nobody marked, is not among them: add it to run it.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{piifacts.Analyzer, piilog.Analyzer, piiexport.Analyzer, piitransport.Analyzer}
}

// Command returns the analyzers of the piilint command: All and
// piiuntagged, which the command runs only when asked.
func Command() []*analysis.Analyzer {
	return append(All(), piiuntagged.Analyzer)
}
