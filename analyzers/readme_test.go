package analyzers_test

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
)

// bazelRepo is the repository name Gazelle gives this module.
const bazelRepo = "@com_github_piilint_piilint//"

// readmeSection returns the text of the README section headed heading,
// up to the next heading of the same or a higher level.
func readmeSection(t *testing.T, heading string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "\n"+heading+"\n")
	if start < 0 {
		t.Fatalf("README.md has no %q section", heading)
	}
	text = text[start+len(heading)+2:]
	level := strings.Index(heading, " ") // the number of #
	if end := regexp.MustCompile(`(?m)^#{1,` + strconv.Itoa(level) + `} `).FindStringIndex(text); end != nil {
		text = text[:end[0]]
	}
	return text
}

// codeBlocks returns the contents of the fenced code blocks of text in
// language lang.
func codeBlocks(text, lang string) []string {
	re := regexp.MustCompile("(?ms)^```" + regexp.QuoteMeta(lang) + "\n(.*?)^```$")
	var blocks []string
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

var (
	depsRE   = regexp.MustCompile(`(?s)\bdeps\s*=\s*\[(.*?)\]`)
	stringRE = regexp.MustCompile(`"([^"]*)"`)
)

// TestReadmeNogo keeps the README's Bazel nogo snippet true: every
// package its deps name exists in this repository and exports Analyzer,
// the deps are the packages of analyzers.All(), and the configuration
// example configures analyzers and flags that exist.
func TestReadmeNogo(t *testing.T) {
	section := readmeSection(t, "### Bazel nogo")

	var build string
	for _, b := range codeBlocks(section, "starlark") {
		if strings.Contains(b, "nogo(") {
			if build != "" {
				t.Fatal("the Bazel nogo section has two nogo rules")
			}
			build = b
		}
	}
	if build == "" {
		t.Fatal("the Bazel nogo section has no starlark block with a nogo rule")
	}
	for _, attr := range []string{"name", "deps", "config", "visibility"} {
		if !regexp.MustCompile(`(?m)^\s+` + attr + ` = `).MatchString(build) {
			t.Errorf("the nogo rule has no %s attribute", attr)
		}
	}
	m := depsRE.FindStringSubmatch(build)
	if m == nil {
		t.Fatal("the nogo rule has no deps list")
	}
	var deps []string
	for _, s := range stringRE.FindAllStringSubmatch(m[1], -1) {
		label := s[1]
		dir, ok := strings.CutPrefix(label, bazelRepo)
		if !ok {
			t.Errorf("dep %q is not a package of %s", label, bazelRepo)
			continue
		}
		// //analyzers/piilog is short for //analyzers/piilog:piilog.
		if pkg, target, ok := strings.Cut(dir, ":"); ok {
			if target != path.Base(pkg) {
				t.Errorf("dep %q names target %s, not the package's library %s", label, target, path.Base(pkg))
			}
			dir = pkg
		}
		rel, ok := strings.CutPrefix(dir, "analyzers/")
		if !ok || strings.Contains(rel, "/") {
			t.Errorf("dep %q is not an analyzer package (analyzers/<name>)", label)
			continue
		}
		if st, err := os.Stat(rel); err != nil || !st.IsDir() {
			t.Errorf("dep %q: no directory %s in the repository", label, dir)
			continue
		}
		if !declaresAnalyzer(t, rel) {
			t.Errorf("dep %q: package %s does not export Analyzer", label, dir)
			continue
		}
		deps = append(deps, rel)
	}
	var all []string
	for _, a := range analyzers.All() {
		all = append(all, a.Name)
	}
	slices.Sort(deps)
	slices.Sort(all)
	if !slices.Equal(deps, all) {
		t.Errorf("the nogo deps are the packages %v; analyzers.All() has %v", deps, all)
	}

	configs := codeBlocks(section, "json")
	if len(configs) != 1 {
		t.Fatalf("the Bazel nogo section has %d json blocks, want the nogo configuration", len(configs))
	}
	var config map[string]struct {
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
	}
	if err := json.Unmarshal([]byte(configs[0]), &config); err != nil {
		t.Fatalf("the nogo configuration is not JSON: %v", err)
	}
	for name, c := range config {
		if name == "_base" {
			continue
		}
		i := slices.IndexFunc(analyzers.All(), func(a *analysis.Analyzer) bool { return a.Name == name })
		if i < 0 {
			t.Errorf("the nogo configuration configures %q, which is not an analyzer", name)
			continue
		}
		a := analyzers.All()[i]
		for flag, value := range c.AnalyzerFlags {
			if a.Flags.Lookup(flag) == nil {
				t.Errorf("the nogo configuration sets %s's flag %q, which %s does not have", name, flag, name)
			} else if value == "" {
				t.Errorf("the nogo configuration sets %s's flag %q to nothing", name, flag)
			}
		}
	}
	if len(config["piifacts"].AnalyzerFlags) == 0 {
		t.Error("the nogo configuration does not show piifacts' analyzer_flags")
	}
}
