package config

import (
	"fmt"
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitField splits a qualified field name "import/path.Type.Field" into
// its parts. The package path may have dots in its last element
// ("gopkg.in/yaml.v3.Node.Kind"): the type and field are the last two
// dot-separated names after the last '/'.
func SplitField(s string) (pkgPath, typeName, field string, err error) {
	slash := strings.LastIndexByte(s, '/') + 1
	rest := s[slash:]
	j := strings.LastIndexByte(rest, '.')
	if j < 0 {
		return "", "", "", fmt.Errorf("invalid field %q: want import/path.Type.Field", s)
	}
	i := strings.LastIndexByte(rest[:j], '.')
	if i < 0 {
		return "", "", "", fmt.Errorf("invalid field %q: want import/path.Type.Field", s)
	}
	pkgPath, typeName, field = s[:slash+i], rest[i+1:j], rest[j+1:]
	if err := checkQualified(pkgPath, typeName, "type"); err != nil {
		return "", "", "", fmt.Errorf("invalid field %q: %v", s, err)
	}
	if !token.IsIdentifier(field) {
		return "", "", "", fmt.Errorf("invalid field %q: field name %q is not an identifier", s, field)
	}
	return pkgPath, typeName, field, nil
}

// SplitType splits a qualified type name "import/path.Type" into its
// parts. The type is the name after the last dot that follows the last '/'.
func SplitType(s string) (pkgPath, typeName string, err error) {
	pkgPath, typeName, ok := splitQualified(s)
	if !ok {
		return "", "", fmt.Errorf("invalid type %q: want import/path.Type", s)
	}
	if err := checkQualified(pkgPath, typeName, "type"); err != nil {
		return "", "", fmt.Errorf("invalid type %q: %v", s, err)
	}
	return pkgPath, typeName, nil
}

// splitQualified splits "import/path.Name" at the last dot after the last
// '/'.
func splitQualified(s string) (pkgPath, name string, ok bool) {
	slash := strings.LastIndexByte(s, '/') + 1
	dot := strings.LastIndexByte(s[slash:], '.')
	if dot < 0 {
		return "", "", false
	}
	return s[:slash+dot], s[slash+dot+1:], true
}

// checkQualified checks the parts of a qualified name; what names the
// thing that name is ("type", "function").
func checkQualified(pkgPath, name, what string) error {
	if !validImportPath(pkgPath) {
		return fmt.Errorf("package path %q is not a valid import path", pkgPath)
	}
	if name == "" {
		return fmt.Errorf("missing %s name", what)
	}
	if !token.IsIdentifier(name) {
		return fmt.Errorf("%s name %q is not an identifier", what, name)
	}
	return nil
}

// NormalizeFuncName canonicalises a function name in go/types (*types.Func).FullName() form:
// "pkg/path.Func", "(pkg/path.T).M", "(*pkg/path.T).M". Receivers are normalised to the
// non-pointer form so that a configured "(pkg.T).M" matches a method declared on *T.
// Type arguments of a generic receiver ("(*pkg/path.T[K, V]).M") are dropped too, so
// that every instance of a method has the name of its origin.
// Returns an error for anything else (empty, spaces, unbalanced parens, missing name).
func NormalizeFuncName(s string) (string, error) {
	if s == "" {
		return "", fmt.Errorf("empty function name")
	}
	bad := func(format string, args ...any) (string, error) {
		return "", fmt.Errorf("invalid function name %q: %s", s, fmt.Sprintf(format, args...))
	}
	if !strings.HasPrefix(s, "(") {
		if strings.ContainsFunc(s, unicode.IsSpace) {
			return bad("contains white space")
		}
		if strings.ContainsAny(s, "()[]") {
			return bad("want pkg/path.Func, (pkg/path.T).M or (*pkg/path.T).M")
		}
		pkgPath, name, ok := splitQualified(s)
		if !ok {
			return bad("want pkg/path.Func, (pkg/path.T).M or (*pkg/path.T).M")
		}
		if err := checkQualified(pkgPath, name, "function"); err != nil {
			return bad("%v", err)
		}
		return s, nil
	}

	end, ok := closing(s)
	if !ok {
		return bad("unbalanced parentheses or brackets")
	}
	recv, method := s[1:end], s[end+1:]
	if strings.ContainsFunc(method, unicode.IsSpace) {
		return bad("contains white space")
	}
	if !strings.HasPrefix(method, ".") {
		return bad("want a method name after the receiver")
	}
	method = method[1:]
	if method == "" {
		return bad("missing method name")
	}
	if !token.IsIdentifier(method) {
		return bad("method name %q is not an identifier", method)
	}
	recv = strings.TrimPrefix(recv, "*")
	if i := strings.IndexByte(recv, '['); i >= 0 {
		// A package path cannot contain '[': this starts the type
		// arguments, which closing has checked are balanced.
		args := recv[i:]
		if !strings.HasSuffix(args, "]") || len(args) == 2 {
			return bad("malformed type arguments %q", args)
		}
		if n, ok := closing(args); !ok || n != len(args)-1 {
			return bad("malformed type arguments %q", args)
		}
		recv = recv[:i]
	}
	if strings.ContainsFunc(recv, unicode.IsSpace) {
		return bad("contains white space")
	}
	pkgPath, typeName, ok := splitQualified(recv)
	if !ok {
		return bad("receiver %q is not of the form pkg/path.T", recv)
	}
	if err := checkQualified(pkgPath, typeName, "type"); err != nil {
		return bad("%v", err)
	}
	return "(" + pkgPath + "." + typeName + ")." + method, nil
}

// closing returns the index of the bracket that closes the one at s[0],
// and whether all the parentheses and brackets up to it nest properly.
func closing(s string) (int, bool) {
	var stack []byte
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			stack = append(stack, c)
		case ')', ']':
			open := byte('(')
			if c == ']' {
				open = '['
			}
			if len(stack) == 0 || stack[len(stack)-1] != open {
				return 0, false
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return i, i > 0
			}
		}
		if i == 0 && len(stack) == 0 {
			return 0, false
		}
	}
	return 0, false
}

// validImportPath reports whether p is a syntactically valid import path:
// non-empty '/'-separated elements made of letters, digits and "-._~+",
// none of them starting or ending with a dot.
func validImportPath(p string) bool {
	if p == "" || !utf8.ValidString(p) {
		return false
	}
	for elem := range strings.SplitSeq(p, "/") {
		if elem == "" || elem[0] == '.' || elem[len(elem)-1] == '.' {
			return false
		}
		for _, r := range elem {
			switch {
			case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'):
			case strings.ContainsRune("-._~+", r):
			case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			default:
				return false
			}
		}
	}
	return true
}
