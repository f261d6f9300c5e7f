package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// workflow is the part of a GitHub Actions workflow the recipes use.
type workflow struct {
	Name        string            `yaml:"name"`
	On          any               `yaml:"on"`
	Permissions map[string]string `yaml:"permissions"`
	Jobs        map[string]struct {
		RunsOn string `yaml:"runs-on"`
		Steps  []struct {
			Uses string         `yaml:"uses"`
			Run  string         `yaml:"run"`
			With map[string]any `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"jobs"`
}

// TestReadmeRecipes lints the GitHub Actions recipes of the README's "CI
// recipes" section: each YAML block parses as a workflow with jobs whose
// steps use an action or run a command, the repository files they name
// exist, and every piilint command line is accepted by the command's flag
// parser.
func TestReadmeRecipes(t *testing.T) {
	root := filepath.Join("..", "..")
	data, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## CI recipes\n")
	if !ok {
		t.Fatal(`README.md has no "## CI recipes" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := fenced(section, "yaml")
	if len(blocks) != 4 {
		t.Fatalf("%d yaml blocks in CI recipes, want 4 (the Action, SARIF, golangci-lint, go vet)", len(blocks))
	}
	act := readAction(t)
	for _, path := range []string{".golangci-plugin.yml"} {
		if !strings.Contains(section, "("+path+")") {
			t.Errorf("CI recipes do not link %s", path)
		}
		if _, err := os.Stat(filepath.Join(root, path)); err != nil {
			t.Errorf("CI recipes name %s: %v", path, err)
		}
	}
	var piilintRuns, vetRuns, sarifUploads, actionUses int
	for i, b := range blocks {
		var w workflow
		dec := yaml.NewDecoder(strings.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&w); err != nil {
			t.Errorf("block %d does not parse as a workflow: %v\n%s", i, err, b)
			continue
		}
		if w.Name == "" || w.On == nil || len(w.Jobs) == 0 {
			t.Errorf("block %d: a workflow needs name, on and jobs", i)
		}
		for name, job := range w.Jobs {
			if job.RunsOn == "" || len(job.Steps) == 0 {
				t.Errorf("block %d, job %s: runs-on and steps are required", i, name)
			}
			for j, st := range job.Steps {
				if (st.Uses == "") == (st.Run == "") {
					t.Errorf("block %d, job %s, step %d: exactly one of uses and run", i, name, j)
				}
				if strings.HasPrefix(st.Uses, "piilint/piilint@") {
					// This repository's action.yml: its inputs.
					actionUses++
					for in := range st.With {
						if _, ok := act.Inputs[in]; !ok {
							t.Errorf("block %d: the Action has no input %q", i, in)
						}
					}
					if w.Permissions["security-events"] != "write" {
						t.Errorf("block %d: the Action uploads SARIF; the workflow needs security-events: write", i)
					}
				}
				if st.Uses == "github/codeql-action/upload-sarif@v3" {
					sarifUploads++
					if st.With["sarif_file"] != "piilint.sarif" {
						t.Errorf("upload-sarif uploads %v, not the file piilint writes", st.With["sarif_file"])
					}
				}
				cmd, _, _ := strings.Cut(st.Run, "#")
				cmd, _, _ = strings.Cut(cmd, "||")
				cmd, _, _ = strings.Cut(cmd, ">")
				fields := strings.Fields(cmd)
				switch {
				case len(fields) > 0 && fields[0] == "piilint":
					piilintRuns++
					if _, _, err := parseFlags(fields[1:], io.Discard); err != nil {
						t.Errorf("block %d: %q: %v", i, st.Run, err)
					}
				case len(fields) > 2 && fields[0] == "go" && fields[1] == "vet" && strings.HasPrefix(fields[2], "-vettool="):
					vetRuns++
				}
			}
		}
	}
	if piilintRuns < 2 || vetRuns != 1 || sarifUploads != 1 || actionUses != 1 {
		t.Errorf("recipes run piilint %d times, go vet -vettool %d times, upload SARIF %d times, use the Action %d times; want >= 2, 1, 1, 1", piilintRuns, vetRuns, sarifUploads, actionUses)
	}
}

// fenced returns the contents of the ```lang blocks of a Markdown text.
func fenced(md, lang string) []string {
	var out []string
	for {
		_, rest, ok := strings.Cut(md, "```"+lang+"\n")
		if !ok {
			return out
		}
		block, after, ok := strings.Cut(rest, "```")
		if !ok {
			return out
		}
		out = append(out, block)
		md = after
	}
}
