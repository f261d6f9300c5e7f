package piifacts

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// switchFunc is a function whose switch has n cases.
func switchFunc(n int) string {
	var b strings.Builder
	b.WriteString("package p\nfunc F(x int) (s string) {\n\tswitch x {\n")
	for i := range n {
		fmt.Fprintf(&b, "\tcase %d:\n\t\ts = \"%d\"\n", i, i)
	}
	b.WriteString("\t}\n\treturn\n}\n")
	return b.String()
}

// TestHasHugeFunction: a function with more branch points than
// maxBranches makes its package built without lifting; one at the limit
// does not.
func TestHasHugeFunction(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want bool
	}{
		{switchFunc(maxBranches), false},
		{switchFunc(maxBranches + 1), true},
		{"package p\nfunc F(a, b, c bool) bool { if a && b || c { return true }; for range 3 {}; return false }\n", false},
		{"package p\nvar x = 1\n", false},
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "p.go", tc.src, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got := hasHugeFunction([]*ast.File{f}); got != tc.want {
			t.Errorf("hasHugeFunction(%.60q...) = %v, want %v", tc.src, got, tc.want)
		}
	}
}
