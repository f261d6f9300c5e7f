// Package stdlib tells packages of the standard library from others by
// where their source is, without relying on GOROOT: a binary built with
// -trimpath (the golangci-lint custom build) has no GOROOT of its own, and
// the GOROOT the go command used may differ from the one the binary was
// built with.
package stdlib

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Dir reports whether dir, the source directory of the package with the
// given import path, is that package's directory in a Go source tree:
// dir is <root>/src/<importPath> and <root>/src/runtime/runtime.go exists.
// Import paths of the standard library have no dot in their first
// element, which rules out module packages whose directory merely looks
// like one (a GOPATH checkout of example.com/x).
func Dir(importPath, dir string) bool {
	if importPath == "" || dir == "" || InModule(importPath) {
		return false
	}
	root, ok := strings.CutSuffix(filepath.ToSlash(filepath.Clean(dir)), "/src/"+importPath)
	if !ok {
		return false
	}
	return isRoot(root)
}

// File reports whether file, a source file of the package with the given
// import path, is in that package's directory of a Go source tree (see
// Dir).
func File(importPath, file string) bool {
	return file != "" && Dir(importPath, filepath.Dir(file))
}

// InModule reports whether an import path is that of a package of a
// module fetched by its path: its first element has a dot (a domain).
// The standard library's paths never do.
func InModule(importPath string) bool {
	first, _, _ := strings.Cut(importPath, "/")
	return strings.Contains(first, ".")
}

var roots sync.Map // root directory → bool

// isRoot reports whether root is the root of a Go source tree.
func isRoot(root string) bool {
	if v, ok := roots.Load(root); ok {
		return v.(bool)
	}
	_, err := os.Stat(filepath.Join(filepath.FromSlash(root), "src", "runtime", "runtime.go"))
	roots.Store(root, err == nil)
	return err == nil
}
