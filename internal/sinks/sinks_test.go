package sinks

import (
	"flag"
	"fmt"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// funcName is a parsed go/types full name.
type funcName struct {
	pkg    string // import path
	recv   string // receiver type name, "" for a package function
	ptr    bool   // pointer receiver
	method string // function or method name
}

// parseFullName splits a full name in the form of (*types.Func).FullName:
// "log.Printf", "(*log.Logger).Printf", "(*log/slog.Logger).Info".
func parseFullName(t *testing.T, key string) funcName {
	t.Helper()
	if rest, ok := strings.CutPrefix(key, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok || method == "" || strings.Contains(method, ".") {
			t.Fatalf("%q: malformed method name", key)
		}
		var n funcName
		n.method = method
		recv, n.ptr = strings.CutPrefix(recv, "*")
		i := strings.LastIndex(recv, ".")
		if i <= 0 || i == len(recv)-1 {
			t.Fatalf("%q: malformed receiver %q", key, recv)
		}
		n.pkg, n.recv = recv[:i], recv[i+1:]
		return n
	}
	// The name follows the last dot after the last slash: import paths
	// such as "gopkg.in/yaml.v3" have dots of their own.
	slash := strings.LastIndex(key, "/")
	i := strings.LastIndex(key[slash+1:], ".")
	if i <= 0 {
		t.Fatalf("%q: malformed function name", key)
	}
	i += slash + 1
	if i == len(key)-1 {
		t.Fatalf("%q: malformed function name", key)
	}
	return funcName{pkg: key[:i], method: key[i+1:]}
}

func TestParseFullName(t *testing.T) {
	for key, want := range map[string]funcName{
		"log.Printf":                  {pkg: "log", method: "Printf"},
		"log/slog.Info":               {pkg: "log/slog", method: "Info"},
		"(*log.Logger).Printf":        {pkg: "log", recv: "Logger", ptr: true, method: "Printf"},
		"(*log/slog.Logger).Info":     {pkg: "log/slog", recv: "Logger", ptr: true, method: "Info"},
		"(log/slog.Value).String":     {pkg: "log/slog", recv: "Value", method: "String"},
		"gopkg.in/yaml.v3.Marshal":    {pkg: "gopkg.in/yaml.v3", method: "Marshal"},
		"(*example.com/a.b.T).Method": {pkg: "example.com/a.b", recv: "T", ptr: true, method: "Method"},
	} {
		if got := parseFullName(t, key); got != want {
			t.Errorf("parseFullName(%q) = %+v, want %+v", key, got, want)
		}
	}
}

// stdlib loads the packages of every row of the tables, plus io for the
// io.Writer type.
func stdlib(t *testing.T) map[string]*types.Package {
	t.Helper()
	paths := map[string]bool{"io": true}
	for key := range table {
		paths[parseFullName(t, key).pkg] = true
	}
	for key := range Formats {
		paths[parseFullName(t, key).pkg] = true
	}
	var list []string
	for p := range paths {
		list = append(list, p)
	}
	sort.Strings(list)
	// Standard library packages load from this module; the logging
	// libraries from testdata/thirdparty, which pins the versions whose
	// signatures the rows follow.
	var std, third []string
	for _, p := range list {
		if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") {
			third = append(third, p)
		} else {
			std = append(std, p)
		}
	}
	var pkgs []*packages.Package
	for _, group := range []struct {
		dir   string
		paths []string
	}{{"", std}, {filepath.Join("testdata", "thirdparty"), third}} {
		if len(group.paths) == 0 {
			continue
		}
		loaded, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedName, Dir: group.dir}, group.paths...)
		if err != nil {
			t.Fatalf("loading %v: %v", group.paths, err)
		}
		pkgs = append(pkgs, loaded...)
	}
	out := make(map[string]*types.Package)
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("loading %s: %v", p.PkgPath, e)
		}
		if p.Types != nil {
			out[p.PkgPath] = p.Types
		}
	}
	for _, p := range list {
		if out[p] == nil {
			t.Fatalf("package %s was not loaded", p)
		}
	}
	return out
}

// lookup finds the function or method a full name denotes.
func lookup(t *testing.T, pkgs map[string]*types.Package, key string) *types.Func {
	t.Helper()
	n := parseFullName(t, key)
	pkg := pkgs[n.pkg]
	if pkg == nil {
		t.Errorf("%s: package %s not loaded", key, n.pkg)
		return nil
	}
	if n.recv == "" {
		fn, ok := pkg.Scope().Lookup(n.method).(*types.Func)
		if !ok {
			t.Errorf("%s: no function %s in package %s", key, n.method, n.pkg)
			return nil
		}
		return fn
	}
	tn, ok := pkg.Scope().Lookup(n.recv).(*types.TypeName)
	if !ok {
		t.Errorf("%s: no type %s in package %s", key, n.recv, n.pkg)
		return nil
	}
	var recv types.Type = tn.Type()
	if n.ptr {
		recv = types.NewPointer(recv)
	}
	sel := types.NewMethodSet(recv).Lookup(pkg, n.method)
	if sel == nil {
		t.Errorf("%s: no method %s in the method set of %s", key, n.method, recv)
		return nil
	}
	fn, ok := sel.Obj().(*types.Func)
	if !ok {
		t.Errorf("%s: %s is a %T, not a method", key, n.method, sel.Obj())
		return nil
	}
	return fn
}

func isChan(t types.Type) bool {
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.String
}

// TestTable checks every sink row against the real package: the
// function exists under the name of the key, and the indexes of the row
// name parameters of the right types.
func TestTable(t *testing.T) {
	if len(table) == 0 {
		t.Fatal("the sink table is empty")
	}
	pkgs := stdlib(t)
	writer := pkgs["io"].Scope().Lookup("Writer").Type()

	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		s := table[key]
		fn := lookup(t, pkgs, key)
		if fn == nil {
			continue
		}
		if got := fn.FullName(); got != key {
			t.Errorf("%s: the function's full name is %s", key, got)
		}
		switch s.Class {
		case Log, Export, Transport:
		default:
			t.Errorf("%s: unknown class %q", key, s.Class)
		}
		sig := fn.Signature()
		params := sig.Params()
		switch s.Dest {
		case "":
			if s.Class == Export {
				t.Errorf("%s: an export row must say where the data goes (Dest)", key)
			}
		case DestCSV, DestXLSX, DestFile:
			if s.Class != Export {
				t.Errorf("%s: Dest %q on a %s row", key, s.Dest, s.Class)
			}
		default:
			t.Errorf("%s: unknown Dest %q", key, s.Dest)
		}
		if s.Class == Transport {
			switch {
			case s.Channel == Recv:
				if sig.Recv() == nil {
					t.Errorf("%s: Channel is Recv but %s is not a method", key, key)
				}
			case !inRange(s.Channel, params.Len()):
				t.Errorf("%s: Channel = %s, but %s has %d parameters", key, s.Channel, key, params.Len())
			}
		}
		if s.Encode != "" {
			// Whole-value encoders take their data as an interface.
			i, _ := s.Data.Index()
			if !inRange(s.Data, params.Len()) || !types.IsInterface(params.At(i).Type()) && !isChan(params.At(i).Type()) {
				t.Errorf("%s: Encode = %q, but parameter %s is not an interface or a channel", key, s.Encode, s.Data)
			}
		}
		switch {
		case s.Data == Recv:
			if sig.Recv() == nil {
				t.Errorf("%s: Data = Recv, but %s is not a method", key, key)
			}
		case s.Data == 0:
			t.Errorf("%s: no Data parameter", key)
		case !inRange(s.Data, params.Len()) && !sig.Variadic():
			t.Errorf("%s: Data = %s, but %s has %d parameters", key, s.Data, key, params.Len())
		}
		switch {
		case s.Format == 0:
		case !inRange(s.Format, params.Len()):
			t.Errorf("%s: Format = %s, but %s has %d parameters", key, s.Format, key, params.Len())
		case !isString(params.At(index(s.Format)).Type()):
			t.Errorf("%s: Format = %s names parameter %s of type %s, not a string", key, s.Format, params.At(index(s.Format)).Name(), params.At(index(s.Format)).Type())
		}
		switch {
		case s.Writer == 0:
		case s.Writer == Recv:
			recv := sig.Recv()
			if recv == nil {
				t.Errorf("%s: Writer is Recv but %s is not a method", key, key)
				break
			}
			if rt := types.TypeString(recv.Type(), nil); rt != "*os.File" && rt != "*bufio.Writer" {
				t.Errorf("%s: Writer is Recv but the receiver is %s, neither *os.File nor *bufio.Writer", key, rt)
			}
		case !inRange(s.Writer, params.Len()):
			t.Errorf("%s: Writer = %s, but %s has %d parameters", key, s.Writer, key, params.Len())
		case !types.Identical(params.At(index(s.Writer)).Type(), writer):
			t.Errorf("%s: Writer = %s names parameter %s of type %s, not io.Writer", key, s.Writer, params.At(index(s.Writer)).Name(), params.At(index(s.Writer)).Type())
		}
	}
}

// inRange reports whether p names one of n parameters.
func inRange(p Param, n int) bool {
	i, ok := p.Index()
	return ok && i < n
}

// index is the index of the parameter p names.
func index(p Param) int {
	i, _ := p.Index()
	return i
}

// TestFormats checks that every entry of Formats names a function with a
// string parameter at the given index.
func TestFormats(t *testing.T) {
	if len(Formats) == 0 {
		t.Fatal("Formats is empty")
	}
	pkgs := stdlib(t)
	for key, format := range Formats {
		fn := lookup(t, pkgs, key)
		if fn == nil {
			continue
		}
		if got := fn.FullName(); got != key {
			t.Errorf("%s: the function's full name is %s", key, got)
		}
		params := fn.Signature().Params()
		if !inRange(format, params.Len()) {
			t.Errorf("%s: format %s, but %s has %d parameters", key, format, key, params.Len())
			continue
		}
		if i := index(format); !isString(params.At(i).Type()) {
			t.Errorf("%s: format index %d names parameter %s of type %s, not a string", key, i, params.At(i).Name(), params.At(i).Type())
		}
		if _, ok := table[key]; ok {
			t.Errorf("%s is both a sink and a formatting function", key)
		}
	}
}

// TestRows spot-checks rows whose indexes the rest of the engine relies
// on.
func TestRows(t *testing.T) {
	for key, want := range map[string]Sink{
		"log.Printf":                                         {Class: Log, Data: Arg(0), Format: Arg(0)},
		"(*log.Logger).Println":                              {Class: Log, Data: Arg(0)},
		"(*log.Logger).Output":                               {Class: Log, Data: Arg(1)},
		"log/slog.InfoContext":                               {Class: Log, Data: Arg(1)},
		"(*log/slog.Logger).LogAttrs":                        {Class: Log, Data: Arg(2)},
		"(*log/slog.Logger).With":                            {Class: Log, Data: Arg(0)},
		"fmt.Println":                                        {Class: Log, Data: Arg(0)},
		"fmt.Fprintf":                                        {Class: Log, Data: Arg(1), Format: Arg(1), Writer: Arg(0)},
		"io.WriteString":                                     {Class: Log, Data: Arg(1), Writer: Arg(0)},
		"(*os.File).WriteString":                             {Class: Log, Data: Arg(0), Writer: Recv},
		"(*bufio.Writer).Write":                              {Class: Log, Data: Arg(0), Writer: Recv},
		"io.Copy":                                            {Class: Log, Data: Arg(1), Writer: Arg(0)},
		"(*testing.common).Logf":                             {Class: Log, Data: Arg(0), Format: Arg(0)},
		"(*testing.common).Fatal":                            {Class: Log, Data: Arg(0)},
		"(testing.TB).Errorf":                                {Class: Log, Data: Arg(0), Format: Arg(0)},
		"(testing.TB).Skip":                                  {Class: Log, Data: Arg(0)},
		"os.WriteFile":                                       {Class: Export, Data: Arg(1), Dest: DestFile},
		"(*encoding/csv.Writer).Write":                       {Class: Export, Data: Arg(0), Dest: DestCSV},
		"github.com/gocarina/gocsv.MarshalFile":              {Class: Export, Data: Arg(0), Dest: DestCSV, Encode: "csv"},
		"(*github.com/jszwec/csvutil.Encoder).Encode":        {Class: Export, Data: Arg(0), Dest: DestCSV, Encode: "csv"},
		"(*github.com/xuri/excelize/v2.File).SetCellValue":   {Class: Export, Data: Arg(2), Dest: DestXLSX},
		"(*github.com/xuri/excelize/v2.StreamWriter).SetRow": {Class: Export, Data: Arg(1), Dest: DestXLSX},
		"(*github.com/tealeg/xlsx/v3.Row).WriteStruct":       {Class: Export, Data: Arg(0), Dest: DestXLSX},
		"net/http.Post":                                      {Class: Transport, Data: Arg(0), Channel: Arg(0)},
		"(*net/http.Client).Do":                              {Class: Transport, Data: Arg(0), Channel: Arg(0)},
		"net/smtp.SendMail":                                  {Class: Transport, Data: Arg(1), Channel: Arg(0), Address: "smtp"},
		"(*google.golang.org/grpc.ClientConn).Invoke":        {Class: Transport, Data: Arg(2), Channel: Recv},
		"github.com/coder/websocket/wsjson.Write":            {Class: Transport, Data: Arg(2), Channel: Arg(1), Encode: "json"},
	} {
		got, ok := Lookup(key)
		if !ok {
			t.Errorf("Lookup(%q) found nothing", key)
			continue
		}
		if got != want {
			t.Errorf("Lookup(%q) = %+v, want %+v", key, got, want)
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, key := range []string{
		"",
		"fmt.Sprintf",       // formats, does not send
		"log.printf",        // case matters
		"log.Logger.Printf", // not the go/types form
		"(log.Logger).Printf",
		"(*log.Logger).Writer",
		"(*os.File).Read",
		"strings.Join",
		"(*testing.T).Logf",        // promoted: the method is (*testing.common).Logf
		"(*testing.common).Helper", // not output
		"(testing.TB).Name",
		"print", // a builtin: see Builtin
	} {
		if s, ok := Lookup(key); ok {
			t.Errorf("Lookup(%q) = %+v, true; want no sink", key, s)
		}
	}
}

func TestClass(t *testing.T) {
	for _, tc := range []struct {
		class          Class
		desc, analyzer string
	}{
		{Log, "log output", "piilog"},
		{Export, "an export file", "piiexport"},
		{Transport, "a plaintext channel", "piitransport"},
		{Class("audit"), "audit", "piiaudit"},
	} {
		if got := tc.class.Desc(); got != tc.desc {
			t.Errorf("Class(%q).Desc() = %q, want %q", tc.class, got, tc.desc)
		}
		if got := tc.class.Analyzer(); got != tc.analyzer {
			t.Errorf("Class(%q).Analyzer() = %q, want %q", tc.class, got, tc.analyzer)
		}
	}
	// The analyzer names are the ones a //piilint:ignore directive and an
	// allow rule may use.
	names := []string{Log.Analyzer(), Export.Analyzer(), Transport.Analyzer()}
	slices.Sort(names)
	if names = slices.Compact(names); len(names) != 3 {
		t.Errorf("classes share an analyzer: %v", names)
	}
}

// TestBuiltin checks the builtins' rows: print and println, whose data
// are their operands of basic types, and nothing else.
func TestBuiltin(t *testing.T) {
	for _, name := range []string{"print", "println"} {
		if _, ok := types.Universe.Lookup(name).(*types.Builtin); !ok {
			t.Errorf("%s is not a builtin", name)
		}
		want := Sink{Class: Log, Data: Arg(0), Basic: true}
		if got, ok := Builtin(name); !ok || got != want {
			t.Errorf("Builtin(%q) = %+v, %v; want %+v", name, got, ok, want)
		}
	}
	for _, name := range []string{"panic", "len", "append", "fmt.Println", ""} {
		if s, ok := Builtin(name); ok {
			t.Errorf("Builtin(%q) = %+v, true; want no sink", name, s)
		}
	}
	for name, s := range builtins {
		if _, ok := types.Universe.Lookup(name).(*types.Builtin); !ok {
			t.Errorf("builtin row %q: no such builtin", name)
		}
		if s.Writer != 0 || s.Format != 0 || s.Encode != "" {
			t.Errorf("builtin row %q: %+v; a builtin has no writer, format or encoding", name, s)
		}
	}
}

var updateGolden = flag.Bool("update", false, "rewrite testdata/sinks.golden from the table")

// TestGolden keeps testdata/sinks.golden, every row of the table as
// "key class data format writer [dest] [channel] [address] [encode]
// [basic]", sorted, then the builtins' rows keyed by their names, equal
// to the tables: a reviewable list of what piilint treats as a sink. go
// test ./internal/sinks -update rewrites it.
func TestGolden(t *testing.T) {
	var b strings.Builder
	rows := func(tab map[string]Sink) {
		for _, key := range slices.Sorted(maps.Keys(tab)) {
			golden(&b, key, tab[key])
		}
	}
	rows(table)
	rows(builtins)
	file := filepath.Join("testdata", "sinks.golden")
	if *updateGolden {
		if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test ./internal/sinks -update writes it)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("the table differs from %s; review the change, then go test ./internal/sinks -update:\n%s", file, lineDiff(string(want), got))
	}
}

// golden writes the golden line of row s.
func golden(b *strings.Builder, key string, s Sink) {
	fmt.Fprintf(b, "%s %s data=%s format=%s writer=%s", key, s.Class, s.Data, s.Format, s.Writer)
	if s.Dest != "" {
		fmt.Fprintf(b, " dest=%q", s.Dest)
	}
	if s.Class == Transport {
		fmt.Fprintf(b, " channel=%s", s.Channel)
	}
	if s.Address != "" {
		fmt.Fprintf(b, " address=%s", s.Address)
	}
	if s.Encode != "" {
		fmt.Fprintf(b, " encode=%s", s.Encode)
	}
	if s.Basic {
		b.WriteString(" basic")
	}
	b.WriteString("\n")
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	var out []string
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}

// TestParam checks how a Param is placed among a call's operands.
func TestParam(t *testing.T) {
	for _, c := range []struct {
		p            Param
		recv, noRecv int
		index        int
		ok           bool
		str          string
	}{
		{0, -1, -1, 0, false, "-"},
		{Recv, 0, 0, 0, false, "recv"},
		{Arg(0), 1, 0, 0, true, "0"},
		{Arg(2), 3, 2, 2, true, "2"},
	} {
		if got := c.p.Pos(true); got != c.recv {
			t.Errorf("%s.Pos(true) = %d, want %d", c.p, got, c.recv)
		}
		if got := c.p.Pos(false); got != c.noRecv {
			t.Errorf("%s.Pos(false) = %d, want %d", c.p, got, c.noRecv)
		}
		if i, ok := c.p.Index(); i != c.index || ok != c.ok {
			t.Errorf("%s.Index() = %d, %v, want %d, %v", c.p, i, ok, c.index, c.ok)
		}
		if got := c.p.String(); got != c.str {
			t.Errorf("String() = %q, want %q", got, c.str)
		}
	}
}
