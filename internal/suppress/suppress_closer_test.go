package suppress_test

import (
	"testing"

	"github.com/piilint/piilint/internal/suppress"
)

func TestTrailingAfterCloser(t *testing.T) {
	for _, src := range []string{
		"package p\n\nimport \"log\"\n\nfunc f(email string) {\n\tlog.Print(\n\t\temail,\n\t) //piilint:ignore piilog reviewed\n\tlog.Print(email) // next\n}\n",
		"package p\n\nimport \"log\"\n\nfunc f(email string) {\n\tif email != \"\" {\n\t\tlog.Print(email)\n\t} //piilint:ignore piilog reviewed\n\tlog.Print(email) // next\n}\n",
	} {
		fset, files := parse(t, src)
		idx, problems := suppress.New(fset, files, known)
		noProblems(t, problems)
		next := lineOf(t, src, "// next")
		if idx.Ignored("piilog", pos(fset, files[0], next)) {
			t.Errorf("a directive trailing line %d silences line %d:\n%s", next-1, next, src)
		}
	}
}
