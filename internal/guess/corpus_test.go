package guess

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The labelled corpus: real struct fields of open-source Go services
// (testdata/untagged/*.tsv, one file per project: source, struct, field,
// type, tag, label, note), each labelled by hand with the kind of
// personal data it holds or "-". TestCorpus scores the heuristics on it.
const corpusDir = "../../testdata/untagged"

// Thresholds the heuristics must meet on the corpus, in the default mode
// (confident guesses only).
const (
	minPrecision = 0.90
	minRecall    = 0.90
)

type labelled struct {
	project string
	source  string
	f       Field
	label   string
}

func readCorpus(t *testing.T) []labelled {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.tsv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in %s: %v", corpusDir, err)
	}
	var out []labelled
	for _, file := range files {
		project := strings.TrimSuffix(filepath.Base(file), ".tsv")
		fh, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		line := 0
		for sc.Scan() {
			line++
			if line == 1 {
				if sc.Text() != "source\tstruct\tfield\ttype\ttag\tlabel\tnote" {
					t.Fatalf("%s: header %q", file, sc.Text())
				}
				continue
			}
			cols := strings.Split(sc.Text(), "\t")
			if len(cols) != 7 {
				t.Fatalf("%s:%d: %d columns, want 7", file, line, len(cols))
			}
			out = append(out, labelled{project, cols[0], Field{Struct: cols[1], Name: cols[2], Type: cols[3], Tag: cols[4]}, cols[5]})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// same reports whether a guessed kind matches a label: exactly, or both
// credentials (a token and a secret are both secret-class credentials,
// and the corpus keeps "secret" for credentials of no clearer kind).
func same(guess, label string) bool {
	cred := map[string]bool{"token": true, "secret": true}
	return guess == label || cred[guess] && cred[label]
}

func TestCorpus(t *testing.T) {
	corpus := readCorpus(t)
	projects := make(map[string]bool)
	for _, l := range corpus {
		projects[l.project] = true
	}
	if len(projects) < 5 || len(corpus) < 400 {
		t.Fatalf("corpus: %d fields of %d projects, want at least 400 of 5", len(corpus), len(projects))
	}
	g := New(Options{})
	var tp, fp, fn int
	var misses []string
	for _, l := range corpus {
		got, ok := g.Field(l.f)
		if ok && !got.Confident {
			ok = false
		}
		pii := l.label != "-"
		switch {
		case ok && pii && same(got.Kind, l.label):
			tp++
		case ok && pii:
			fp++
			fn++
			misses = append(misses, fmt.Sprintf("wrong kind %s, want %s: %s %s.%s %s `%s` (%s)", got.Kind, l.label, l.project, l.f.Struct, l.f.Name, l.f.Type, l.f.Tag, got.Reason))
		case ok:
			fp++
			misses = append(misses, fmt.Sprintf("false %s: %s %s.%s %s `%s` (%s)", got.Kind, l.project, l.f.Struct, l.f.Name, l.f.Type, l.f.Tag, got.Reason))
		case pii:
			fn++
			misses = append(misses, fmt.Sprintf("missed %s: %s %s.%s %s `%s`", l.label, l.project, l.f.Struct, l.f.Name, l.f.Type, l.f.Tag))
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	sort.Strings(misses)
	t.Logf("corpus: %d fields of %d projects; %d personal; precision %.3f (%d/%d), recall %.3f (%d/%d)",
		len(corpus), len(projects), tp+fn, precision, tp, tp+fp, recall, tp, tp+fn)
	if precision < minPrecision || recall < minRecall || testing.Verbose() {
		for _, m := range misses {
			t.Log(m)
		}
	}
	if precision < minPrecision {
		t.Errorf("precision %.3f, want at least %.2f", precision, minPrecision)
	}
	if recall < minRecall {
		t.Errorf("recall %.3f, want at least %.2f", recall, minRecall)
	}
}
