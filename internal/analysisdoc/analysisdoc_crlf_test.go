package analysisdoc_test

import (
	"github.com/piilint/piilint/internal/analysisdoc"
	"strings"
	"testing"
)

func TestCRLF(t *testing.T) {
	src := strings.ReplaceAll("// # Analyzer x\n//\n// x: title\n//\n// body\npackage x\n", "\n", "\r\n")
	got := analysisdoc.Extract(src, "x")
	if want := "title\n\nbody"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
}
