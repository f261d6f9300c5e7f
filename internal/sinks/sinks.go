// Package sinks holds the tables of functions that send data out of the
// process: log output, exports to files, network channels.
//
// A sink is a row keyed by the callee's full name in go/types form
// ((*types.Func).FullName, with generic receivers stripped of type
// arguments): "log.Printf", "(*log.Logger).Printf", "(*log/slog.Logger).Info".
// Adding a logger is adding rows here plus tests.
package sinks

import "go/types"

// Class is where a sink sends data; each class is reported by one analyzer.
type Class string

const (
	Log       Class = "log"
	Export    Class = "export"
	Transport Class = "transport"
)

// Receiver, as a Writer index, names the method receiver.
const Receiver = -2

// Sink describes how a function sends its arguments out.
type Sink struct {
	Class Class
	// Data is the index (receiver excluded) of the first parameter that
	// carries data; every later parameter, including variadic ones,
	// carries data too.
	Data int
	// Format is the index of a printf format parameter, or -1. Operands
	// formatted with %T or %p are not data.
	Format int
	// Writer is the index of an io.Writer parameter (or Receiver) that
	// must be standard output or standard error for the call to be a log
	// sink, or -1 when the call always is one.
	Writer int
}

// Desc is how a message names where data of the class goes.
func (c Class) Desc() string {
	switch c {
	case Log:
		return "log output"
	case Export:
		return "an export file"
	case Transport:
		return "a plaintext channel"
	}
	return string(c)
}

// Analyzer is the name of the analyzer that reports the class.
func (c Class) Analyzer() string { return "pii" + string(c) }

func row(class Class, data, format, writer int) Sink {
	return Sink{Class: class, Data: data, Format: format, Writer: writer}
}

// Key is the table key of a function: its full name, with the type
// arguments of a generic receiver dropped.
func Key(fn *types.Func) string {
	if o := fn.Origin(); o != nil {
		fn = o
	}
	return fn.FullName()
}

// Lookup returns the sink row for a callee's full name.
func Lookup(fullName string) (Sink, bool) {
	s, ok := table[fullName]
	return s, ok
}

var table = map[string]Sink{}

func init() {
	add := func(names []string, s Sink) {
		for _, n := range names {
			table[n] = s
		}
	}
	// log: package functions and *log.Logger methods.
	for _, recv := range []string{"log.", "(*log.Logger)."} {
		add(prefix(recv, "Print", "Println", "Fatal", "Fatalln", "Panic", "Panicln"), row(Log, 0, -1, -1))
		add(prefix(recv, "Printf", "Fatalf", "Panicf"), row(Log, 0, 0, -1))
		add(prefix(recv, "Output"), row(Log, 1, -1, -1))
	}
	// log/slog: package functions and *slog.Logger methods.
	for _, recv := range []string{"log/slog.", "(*log/slog.Logger)."} {
		add(prefix(recv, "Debug", "Info", "Warn", "Error", "With"), row(Log, 0, -1, -1))
		add(prefix(recv, "DebugContext", "InfoContext", "WarnContext", "ErrorContext"), row(Log, 1, -1, -1))
		add(prefix(recv, "Log", "LogAttrs"), row(Log, 2, -1, -1))
	}
	// fmt to standard output, or to a writer that is stdout/stderr.
	add([]string{"fmt.Print", "fmt.Println"}, row(Log, 0, -1, -1))
	add([]string{"fmt.Printf"}, row(Log, 0, 0, -1))
	add([]string{"fmt.Fprint", "fmt.Fprintln"}, row(Log, 1, -1, 0))
	add([]string{"fmt.Fprintf"}, row(Log, 1, 1, 0))
	add([]string{"io.WriteString"}, row(Log, 1, -1, 0))
	add([]string{"(*os.File).Write", "(*os.File).WriteString"}, row(Log, 0, -1, Receiver))
	add([]string{"(*bufio.Writer).Write", "(*bufio.Writer).WriteString"}, row(Log, 0, -1, Receiver))
}

func prefix(p string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = p + n
	}
	return out
}

// Formats lists functions that are not sinks but format their operands
// printf-style, with the index of the format parameter: operands printed
// with %T or %p do not reach the result.
var Formats = map[string]int{
	"fmt.Sprintf": 0,
	"fmt.Errorf":  0,
	"fmt.Appendf": 1,
}
