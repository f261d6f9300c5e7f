package stdlib

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestDir(t *testing.T) {
	goroot := runtime.GOROOT()
	if goroot == "" {
		t.Fatal("no GOROOT to test with")
	}
	fake := t.TempDir()
	// A directory shaped like GOPATH/src/<path> but no Go source tree.
	if err := os.MkdirAll(filepath.Join(fake, "src", "maps"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A Go source tree that also holds a module-like path.
	tree := t.TempDir()
	for _, d := range []string{"src/runtime", "src/example.com/x"} {
		if err := os.MkdirAll(filepath.Join(tree, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(tree, "src/runtime/runtime.go"), []byte("package runtime\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, dir string
		want      bool
	}{
		{"maps", filepath.Join(goroot, "src", "maps"), true},
		{"net/http", filepath.Join(goroot, "src", "net", "http"), true},
		{"net/http", filepath.Join(goroot, "src", "net", "http") + "/", true},
		{"maps", filepath.Join(fake, "src", "maps"), false},
		{"maps", filepath.Join(goroot, "src", "net"), false},
		{"example.com/x", filepath.Join(tree, "src", "example.com", "x"), false},
		{"", filepath.Join(goroot, "src"), false},
		{"maps", "", false},
		{"mymod", "/home/u/mymod", false},
	} {
		if got := Dir(tc.path, tc.dir); got != tc.want {
			t.Errorf("Dir(%q, %q) = %v, want %v", tc.path, tc.dir, got, tc.want)
		}
	}
	if !File("maps", filepath.Join(goroot, "src", "maps", "maps.go")) {
		t.Error("File(maps, GOROOT/src/maps/maps.go) = false")
	}
	if File("maps", "") {
		t.Error(`File(maps, "") = true`)
	}
}

func TestInModule(t *testing.T) {
	for path, want := range map[string]bool{
		"fmt":                         false,
		"net/http":                    false,
		"vendor/golang.org/x/net/dns": false,
		"example.com/m":               true,
		"github.com/acme/crm/model":   true,
		"gopkg.in/yaml.v3":            true,
		"":                            false,
	} {
		if got := InModule(path); got != want {
			t.Errorf("InModule(%q) = %v, want %v", path, got, want)
		}
	}
}
