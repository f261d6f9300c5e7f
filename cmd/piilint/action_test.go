package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// action is the part of action.yml the tests read.
type action struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name             string            `yaml:"name"`
			ID               string            `yaml:"id"`
			If               string            `yaml:"if"`
			Shell            string            `yaml:"shell"`
			WorkingDirectory string            `yaml:"working-directory"`
			Env              map[string]string `yaml:"env"`
			Run              string            `yaml:"run"`
			Uses             string            `yaml:"uses"`
			With             map[string]string `yaml:"with"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

func readAction(t *testing.T) action {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a action
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// stepScript runs a step's script as the runner would (bash -eo
// pipefail), in dir, with the step's environment given as values, and
// returns its output, its GITHUB_OUTPUT and its exit status.
func stepScript(t *testing.T, script, dir string, env map[string]string) (string, string, int) {
	t.Helper()
	outFile := filepath.Join(t.TempDir(), "github_output")
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GITHUB_OUTPUT="+outFile, "GOTOOLCHAIN=local")
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	outputs, _ := os.ReadFile(outFile)
	return string(out), string(outputs), code
}

// TestAction checks action.yml: a composite action whose scripts take
// their inputs from the environment only, and whose steps, run here as
// the runner runs them, build piilint, write the SARIF log with the
// status, pass the baseline and extra flags, and fail on findings.
func TestAction(t *testing.T) {
	e2e(t)
	a := readAction(t)
	if a.Name == "" || a.Description == "" || a.Runs.Using != "composite" || a.Branding.Icon == "" {
		t.Fatalf("action.yml: name %q, description %q, runs.using %q, branding %+v", a.Name, a.Description, a.Runs.Using, a.Branding)
	}
	steps := make(map[string]int)
	for i, st := range a.Runs.Steps {
		steps[st.Name] = i
		if st.Run != "" && strings.Contains(st.Run, "${{") {
			t.Errorf("step %q expands an expression into its script; pass it through env", st.Name)
		}
		if st.Run != "" && st.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", st.Name, st.Shell)
		}
	}
	for in, v := range a.Inputs {
		if v.Description == "" {
			t.Errorf("input %s has no description", in)
		}
	}
	for _, name := range []string{"Build piilint", "Run piilint", "Upload to code scanning", "Fail on findings"} {
		if _, ok := steps[name]; !ok {
			t.Fatalf("action.yml has no step %q", name)
		}
	}
	upload := a.Runs.Steps[steps["Upload to code scanning"]]
	if !strings.HasPrefix(upload.Uses, "github/codeql-action/upload-sarif@") || upload.With["sarif_file"] != "${{ steps.run.outputs.sarif-file }}" ||
		upload.With["category"] != "${{ inputs.category }}" || !strings.Contains(upload.If, "inputs.upload == 'true'") {
		t.Errorf("upload step %+v", upload)
	}

	// Build: from the action's checkout (this repository).
	build := a.Runs.Steps[steps["Build piilint"]]
	binDir := t.TempDir()
	out, outputs, code := stepScript(t, build.Run, filepath.Join("..", ".."), map[string]string{"BIN_DIR": binDir})
	bin := filepath.Join(binDir, "piilint")
	if code != 0 || outputs != "piilint="+bin+"\n" {
		t.Fatalf("build step: exit %d, outputs %q:\n%s", code, outputs, out)
	}

	run := a.Runs.Steps[steps["Run piilint"]]
	for k, v := range map[string]string{"PACKAGES": "${{ inputs.packages }}", "BASELINE": "${{ inputs.baseline }}", "ARGS": "${{ inputs.args }}", "SARIF_FILE": "${{ inputs.sarif-file }}"} {
		if run.Env[k] != v {
			t.Errorf("run step: env %s = %q, want %q", k, run.Env[k], v)
		}
	}
	dir := copyFixture(t)
	env := func(baseline, args string) map[string]string {
		return map[string]string{"PIILINT": bin, "PACKAGES": a.Inputs["packages"].Default, "BASELINE": baseline, "CONFIG": "", "ARGS": args, "SARIF_FILE": a.Inputs["sarif-file"].Default,
			"GOFLAGS": "-mod=mod", "GOWORK": "off"} // the fixture's module
	}
	out, outputs, code = stepScript(t, run.Run, dir, env("", "-tests=false"))
	sarifPath := filepath.Join(dir, "piilint.sarif")
	if code != 0 || !strings.Contains(outputs, "status=3\n") || !strings.Contains(outputs, "sarif-file="+sarifPath+"\n") {
		t.Fatalf("run step on findings: exit %d, outputs %q:\n%s", code, outputs, out)
	}
	data, err := os.ReadFile(sarifPath)
	if err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, data)
	githubRequirements(t, data)
	for _, res := range decodeSARIF(t, data).Runs[0].Results {
		if strings.HasSuffix(res.Locations[0].PhysicalLocation.ArtifactLocation.URI, "_test.go") {
			t.Errorf("the args input did not reach piilint: a finding in %s with -tests=false", res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
	}

	// With a baseline of every finding: nothing new.
	if r := piilint(t, dir, "-write-baseline", "piilint-baseline.json", "./..."); r.code != exitClean {
		t.Fatalf("-write-baseline: exit %d:\n%s", r.code, r.stderr)
	}
	out, outputs, code = stepScript(t, run.Run, dir, env("piilint-baseline.json", ""))
	if code != 0 || !strings.Contains(outputs, "status=0\n") {
		t.Errorf("run step with a baseline: exit %d, outputs %q:\n%s", code, outputs, out)
	}
	// A bad flag fails the step with an error annotation.
	out, outputs, code = stepScript(t, run.Run, dir, env("", "-no-such-flag"))
	if code != 2 || !strings.Contains(outputs, "status=2\n") || !strings.Contains(out, "::error::piilint failed with exit status 2") {
		t.Errorf("run step with a bad flag: exit %d, outputs %q:\n%s", code, outputs, out)
	}

	fail := a.Runs.Steps[steps["Fail on findings"]]
	if !strings.Contains(fail.If, "inputs.fail-on-findings == 'true'") || !strings.Contains(fail.If, "steps.run.outputs.status == '3'") {
		t.Errorf("fail step runs if %q", fail.If)
	}
	out, _, code = stepScript(t, fail.Run, dir, map[string]string{"BASELINE": "piilint-baseline.json"})
	if code != 1 || !strings.Contains(out, "not in the baseline piilint-baseline.json") {
		t.Errorf("fail step: exit %d:\n%s", code, out)
	}
}

// hook is an entry of .pre-commit-hooks.yaml.
type hook struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	Entry         string   `yaml:"entry"`
	Args          []string `yaml:"args"`
	Language      string   `yaml:"language"`
	Types         []string `yaml:"types"`
	PassFilenames *bool    `yaml:"pass_filenames"`
	RequireSerial bool     `yaml:"require_serial"`
}

// TestPreCommitHooks checks .pre-commit-hooks.yaml: pre-commit's golang
// language installs the repository's commands with go install ./..., so
// the entry is the piilint command's name; it takes packages, not file
// names, and its arguments are flags the command accepts. The hook, run
// as pre-commit runs it, blocks a commit with findings.
func TestPreCommitHooks(t *testing.T) {
	e2e(t)
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []hook
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&hooks); err != nil {
		t.Fatalf(".pre-commit-hooks.yaml: %v", err)
	}
	if len(hooks) != 1 {
		t.Fatalf("%d hooks, want 1", len(hooks))
	}
	h := hooks[0]
	if h.ID != "piilint" || h.Name == "" || h.Language != "golang" || h.Entry != filepath.Base(mustAbs(t, ".")) ||
		h.PassFilenames == nil || *h.PassFilenames || !slices.Equal(h.Types, []string{"go"}) || !h.RequireSerial {
		t.Errorf("hook %+v: want id piilint, language golang, entry the command's name, no file names, types [go], serial", h)
	}
	if _, pkgs, err := parseFlags(h.Args, io.Discard); err != nil || len(pkgs) == 0 {
		t.Errorf("hook args %q: %v (packages %q)", h.Args, err, pkgs)
	}
	dir := copyFixture(t)
	if r := piilint(t, dir, h.Args...); r.code != exitFindings {
		t.Errorf("the hook on a module with findings: exit %d, want %d (the commit is blocked)", r.code, exitFindings)
	}
}

func mustAbs(t *testing.T, path string) string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
