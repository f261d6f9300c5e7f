// Package plugin is the golangci-lint module plugin of piilint.
//
// Importing the package registers the plugin under the name "piilint"
// (golangci-lint's custom build imports it from the generated
// cmd/golangci-lint/plugins.go). The linter's settings in .golangci.yml
// (linters.settings.custom.piilint.settings) hold the keys of .piilint.yml,
// plus three of the plugin's own:
//
//	config:  path/to/.piilint.yml   # read the configuration from a file instead
//	disable: [piilog]               # flow analyzers not to run
//	strict:  true                   # piitransport's strict mode
//
// Settings are checked as strictly as .piilint.yml: an unknown key, a
// value of the wrong type or an invalid entry is an error that names it.
package plugin

import (
	"fmt"
	"slices"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
)

// Name is the name the plugin is registered under, the key of its entry
// in linters.settings.custom and the linter name of //nolint directives.
const Name = "piilint"

// settingsPath is where the settings live in .golangci.yml; it prefixes
// every settings error.
const settingsPath = "linters.settings.custom." + Name + ".settings"

func init() {
	register.Plugin(Name, New)
}

// Settings are the plugin's settings: the configuration keys of
// .piilint.yml (version, tags, kinds, fields, types, sanitizers, sinks,
// allow, unkeyed-hash-sanitizes, untagged, categories) and the plugin's
// own keys.
type Settings struct {
	config.Config

	// ConfigFile names a .piilint.yml file to read the configuration
	// from, relative to the directory golangci-lint runs in. It excludes
	// the configuration keys.
	ConfigFile string `json:"config"`
	// Disable lists flow analyzers (piilog, ...) that must not run.
	// piifacts always runs: the others read its facts.
	Disable []string `json:"disable"`
	// Strict turns on piitransport's strict mode: PII sent to URLs and
	// requests not known at analysis time, and in the responses of gRPC
	// servers without credentials, is reported too.
	Strict bool `json:"strict"`
}

// ownKeys are the keys of Settings that are not configuration keys.
var ownKeys = []string{"config", "disable", "strict"}

// Plugin is the piilint linter plugin.
type Plugin struct {
	cfg       *config.Config
	analyzers []*analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New returns the plugin configured by settings, the value golangci-lint
// read from linters.settings.custom.piilint.settings (nil when absent).
func New(settings any) (register.LinterPlugin, error) {
	s, err := decode(settings)
	if err != nil {
		return nil, err
	}
	var cfg *config.Config
	if s.ConfigFile != "" {
		if cfg, err = config.Load(s.ConfigFile); err != nil {
			return nil, fmt.Errorf("%s: config: %w", settingsPath, err)
		}
	} else {
		cfg = &s.Config
		cfg.File = settingsPath
	}
	all, err := analyzers.New(cfg, piifacts.Options{})
	if err != nil {
		return nil, err
	}
	selected, err := selectAnalyzers(all, s.Disable)
	if err != nil {
		return nil, err
	}
	if s.Strict {
		for _, a := range selected {
			if f := a.Flags.Lookup("strict"); f != nil {
				if err := f.Value.Set("true"); err != nil {
					return nil, fmt.Errorf("%s: strict: %v", settingsPath, err)
				}
			}
		}
	}
	return &Plugin{cfg: cfg, analyzers: selected}, nil
}

// BuildAnalyzers returns piifacts and the flow analyzers that are not
// disabled.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return slices.Clone(p.analyzers), nil
}

// GetLoadMode asks for type information: the analyzers need it, and facts
// of dependencies.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// selectAnalyzers removes the disabled analyzers from the suite.
func selectAnalyzers(all []*analysis.Analyzer, disable []string) ([]*analysis.Analyzer, error) {
	var flow []string
	for _, a := range all {
		if a.Name != "piifacts" {
			flow = append(flow, a.Name)
		}
	}
	for _, name := range disable {
		switch {
		case name == "piifacts":
			return nil, fmt.Errorf("%s: disable: piifacts cannot be disabled: the other analyzers read its facts", settingsPath)
		case !slices.Contains(flow, name):
			return nil, fmt.Errorf("%s: disable: unknown analyzer %q (analyzers: %s)", settingsPath, name, strings.Join(flow, ", "))
		}
	}
	var out []*analysis.Analyzer
	for _, a := range all {
		if !slices.Contains(disable, a.Name) {
			out = append(out, a)
		}
	}
	return out, nil
}
