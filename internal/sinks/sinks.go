// Package sinks holds the tables of functions that send data out of the
// process: log output, exports to files, network channels.
//
// A sink is a row keyed by the callee's full name in go/types form
// ((*types.Func).FullName, with generic receivers stripped of type
// arguments): "log.Printf", "(*log.Logger).Printf", "(*log/slog.Logger).Info".
// The builtins print and println, which have no full name, have rows of
// their own (Builtin). Adding a logger is adding rows here plus tests.
package sinks

import (
	"go/types"
	"strconv"
)

// Class is where a sink sends data; each class is reported by one analyzer.
type Class string

const (
	Log       Class = "log"
	Export    Class = "export"
	Transport Class = "transport"
)

// Param names a parameter of a sink's function. The zero value names
// none, Recv names the method receiver, and Arg(i) the parameter of index
// i, the receiver not counted.
type Param int

// Recv is the Param of the method receiver. As Sink.Data it makes the
// receiver carry data too: an event built by chained calls (zerolog's
// log.Info().Str(k, v).Msg(m)) holds its fields when it is sent.
const Recv Param = -1

// Arg is the Param of the parameter of index i, the receiver not counted.
func Arg(i int) Param { return Param(i + 1) }

// Pos is the position of p in a call's operands, the receiver first when
// the call has one (hasRecv): Recv is 0, Arg(i) is i or i+1, and the zero
// Param is -1.
func (p Param) Pos(hasRecv bool) int {
	switch {
	case p == Recv:
		return 0
	case p > 0 && hasRecv:
		return int(p)
	case p > 0:
		return int(p) - 1
	}
	return -1
}

// Index is the index of the parameter Arg(i) names, the receiver not
// counted; ok is false for Recv and for none.
func (p Param) Index() (i int, ok bool) {
	if p > 0 {
		return int(p) - 1, true
	}
	return 0, false
}

// String is "recv", the index of an argument, or "-" for none.
func (p Param) String() string {
	switch {
	case p == Recv:
		return "recv"
	case p > 0:
		return strconv.Itoa(int(p) - 1)
	}
	return "-"
}

// Sink describes how a function sends its arguments out.
type Sink struct {
	Class Class
	// Data is the first parameter that carries data; every later
	// parameter, including variadic ones, carries data too. Recv adds the
	// receiver.
	Data Param
	// Format is a printf format parameter, or none. Operands formatted
	// with %T or %p are not data.
	Format Param
	// Writer is an io.Writer parameter (or Recv) that decides what the
	// call is, or none when the call always is a sink of
	// Class. Standard output or standard error make it a sink of Class;
	// a plain file makes it an Export to DestFile; any other writer (a
	// buffer, a network connection, an encrypting writer) makes it no
	// sink at all.
	Writer Param
	// Dest is how a message names where the data goes ("a CSV file");
	// "" means the class's Desc.
	Dest Dest
	// Channel, in a Transport row, is the parameter (or Recv) whose
	// value tells whether the channel is protected: a URL,
	// a request, a connection. A method's receiver (an *http.Client, a
	// connection) is judged too. The call is a sink only when the channel
	// is not protected.
	Channel Param
	// Address, in a Transport row, says that the Channel parameter is a
	// host:port address that the protocol named here ("smtp") reaches in
	// plaintext, unless it is a loopback address.
	Address string
	// Encode, when set, is the struct tag key under which the data
	// arguments are encoded by reflection as whole values: fields tagged
	// `<Encode>:"-"` and unexported fields are left out, and writer
	// arguments are destinations, not data (gocsv and csvutil: "csv";
	// websocket JSON writers: "json").
	Encode string
	// Basic says that only the data arguments of basic types (strings,
	// numbers, booleans) are output as values: the builtins print and
	// println show a pointer, an interface (an error too), a slice, a
	// map, a channel or a function as an address, never what it holds.
	Basic bool
}

// Dest is where a sink sends data when its class alone does not say: a
// kind of file, a kind of unprotected channel. Its value is how messages
// name it; decisions use the constants, never the wording.
type Dest string

// Where exported data goes, as messages say it.
const (
	DestCSV  Dest = "a CSV file"
	DestXLSX      = "an xlsx workbook"
	DestFile      = "a plain file"
)

// Which channel transported data goes over, as messages say it.
const (
	DestHTTP     Dest = "plaintext HTTP"
	DestConn          = "a plaintext network connection"
	DestNoVerify      = "TLS without certificate verification"
	DestWeakTLS       = "TLS below version 1.2"
	DestSMTP          = "SMTP without enforced TLS"
	DestWS            = "a plaintext websocket (ws://)"
	DestFTP           = "plaintext FTP"
	DestGRPC          = "a gRPC connection with insecure credentials"
	// DestUnknown is a URL or request not known at analysis time (from
	// configuration): reported only in strict mode.
	DestUnknown Dest = "a channel whose encryption is not known at analysis time"
	// DestGRPCServer is the response of a gRPC server created without
	// transport credentials, which TLS terminated in front of it may
	// protect: reported only in strict mode.
	DestGRPCServer Dest = "a gRPC server without TLS credentials"
)

// StrictOnly reports whether findings that go to d are reported only in
// strict mode: the code alone cannot tell whether the channel is
// protected.
func (d Dest) StrictOnly() bool { return d == DestUnknown || d == DestGRPCServer }

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

// The constructors of the table's rows, by what decides the call.

// args is a sink of class whose parameters from data on carry data.
func args(class Class, data Param) Sink {
	return Sink{Class: class, Data: data}
}

// printf is args with a printf format parameter.
func printf(class Class, data, format Param) Sink {
	return Sink{Class: class, Data: data, Format: format}
}

// written is args whose writer parameter (or Recv) decides what the
// call is (see Sink.Writer).
func written(class Class, data, writer Param) Sink {
	return Sink{Class: class, Data: data, Writer: writer}
}

// printfTo is printf to a writer parameter that decides what the call is.
func printfTo(class Class, data, format, writer Param) Sink {
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

// Builtin returns the sink row of a builtin function, by name: print and
// println write their operands to standard error. A builtin has no
// full name (go/ssa calls it through an *ssa.Builtin, not a function),
// so its rows are apart from the table's.
func Builtin(name string) (Sink, bool) {
	s, ok := builtins[name]
	return s, ok
}

var builtins = map[string]Sink{
	"print":   {Class: Log, Data: Arg(0), Basic: true},
	"println": {Class: Log, Data: Arg(0), Basic: true},
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
		add(prefix(recv, "Print", "Println", "Fatal", "Fatalln", "Panic", "Panicln"), args(Log, Arg(0)))
		add(prefix(recv, "Printf", "Fatalf", "Panicf"), printf(Log, Arg(0), Arg(0)))
		add(prefix(recv, "Output"), args(Log, Arg(1)))
	}
	// log/slog: package functions and *slog.Logger methods.
	for _, recv := range []string{"log/slog.", "(*log/slog.Logger)."} {
		add(prefix(recv, "Debug", "Info", "Warn", "Error", "With"), args(Log, Arg(0)))
		add(prefix(recv, "DebugContext", "InfoContext", "WarnContext", "ErrorContext"), args(Log, Arg(1)))
		add(prefix(recv, "Log", "LogAttrs"), args(Log, Arg(2)))
	}
	// fmt to standard output, or to a writer that is stdout/stderr.
	add([]string{"fmt.Print", "fmt.Println"}, args(Log, Arg(0)))
	add([]string{"fmt.Printf"}, printf(Log, Arg(0), Arg(0)))
	add([]string{"fmt.Fprint", "fmt.Fprintln"}, written(Log, Arg(1), Arg(0)))
	add([]string{"fmt.Fprintf"}, printfTo(Log, Arg(1), Arg(1), Arg(0)))
	add([]string{"io.WriteString"}, written(Log, Arg(1), Arg(0)))
	add([]string{"io.Copy", "io.CopyN", "io.CopyBuffer"}, written(Log, Arg(1), Arg(0)))
	add([]string{"(*os.File).Write", "(*os.File).WriteString", "(*os.File).WriteAt"}, written(Log, Arg(0), Recv))
	add([]string{"(*bufio.Writer).Write", "(*bufio.Writer).WriteString"}, written(Log, Arg(0), Recv))
	// testing: what a test, benchmark or fuzz target logs, and the
	// message of a failure or a skip, is the test's output, which CI
	// keeps in build logs (public for an open-source project). *T, *B
	// and *F promote these methods from the unexported *testing.common;
	// TB is the interface helpers take.
	for _, recv := range []string{"(*testing.common).", "(testing.TB)."} {
		add(prefix(recv, "Log", "Error", "Fatal", "Skip"), args(Log, Arg(0)))
		add(prefix(recv, "Logf", "Errorf", "Fatalf", "Skipf"), printf(Log, Arg(0), Arg(0)))
	}
	thirdPartyLoggers(add)
	exports(add)
	transports(add)
}

// transports adds the sinks of piitransport: calls that send their
// arguments over a channel whose protection the Channel parameter (a
// URL, a request, a connection) tells. Writes into a connection through
// a writer (fmt.Fprintf(conn, ...), conn.Write, bufio over a connection)
// need no row: the writer decides, as for files.
func transports(add func([]string, Sink)) {
	send := func(data, channel Param) Sink {
		return Sink{Class: Transport, Data: data, Channel: channel}
	}
	// net/http: the URL (or the request) and, for a client, its TLS
	// configuration decide.
	for _, recv := range []string{"net/http.", "(*net/http.Client)."} {
		add(prefix(recv, "Get", "Head", "Post", "PostForm"), send(Arg(0), Arg(0)))
	}
	add([]string{"(*net/http.Client).Do", "(*net/http.Transport).RoundTrip"}, send(Arg(0), Arg(0)))

	// net/smtp: SendMail starts in plaintext and upgrades only when the
	// server offers STARTTLS; a Client is judged by how it was made and
	// whether StartTLS was called on it.
	sendMail := send(Arg(1), Arg(0))
	sendMail.Address = "smtp"
	add([]string{"net/smtp.SendMail"}, sendMail)
	add(prefix("(*net/smtp.Client).", "Mail", "Rcpt", "Auth"), send(Arg(0), Recv))

	// WebSockets: the connection decides (ws:// or wss://).
	add([]string{"(*github.com/gorilla/websocket.Conn).WriteMessage"}, send(Arg(1), Recv))
	jsonSend := func(data, channel Param) Sink {
		s := send(data, channel)
		s.Encode = "json"
		return s
	}
	add([]string{"(*github.com/gorilla/websocket.Conn).WriteJSON"}, jsonSend(Arg(0), Recv))
	add([]string{"(*github.com/coder/websocket.Conn).Write"}, send(Arg(2), Recv))
	add([]string{"github.com/coder/websocket/wsjson.Write"}, jsonSend(Arg(2), Arg(1)))

	// gRPC: the connection's credentials decide. Generated clients built
	// on a connection (pb.NewGreeterClient(cc)) are judged by it too.
	add([]string{"(*google.golang.org/grpc.ClientConn).Invoke"}, send(Arg(2), Recv))
	add([]string{"(google.golang.org/grpc.ClientStream).SendMsg"}, send(Arg(0), Recv))

	// FTP: uploads over a connection dialled without TLS.
	add(prefix("(*github.com/jlaffaye/ftp.ServerConn).", "Stor", "StorFrom", "Append", "Login"), send(Arg(0), Recv))
}

// exports adds the sinks of piiexport: CSV writers and encoders,
// spreadsheet cells, and whole files. Writes to a plain file through a
// writer (fmt.Fprintf(f, ...), f.Write, bufio over f) need no row here:
// the rows above with a Writer decide by what the writer is, and any
// other write into a plain file's memory is an export too (see the
// engine).
func exports(add func([]string, Sink)) {
	export := func(data Param, dest Dest) Sink {
		return Sink{Class: Export, Data: data, Dest: dest}
	}
	// Plain files written whole.
	add([]string{"os.WriteFile", "io/ioutil.WriteFile"}, export(Arg(1), DestFile))

	// encoding/csv: records are written as they are, over any writer.
	add([]string{"(*encoding/csv.Writer).Write", "(*encoding/csv.Writer).WriteAll"}, export(Arg(0), DestCSV))

	// github.com/gocarina/gocsv and github.com/jszwec/csvutil marshal
	// whole structs (or slices, channels of them): every exported field
	// not tagged csv:"-" becomes a column.
	csvStruct := export(Arg(0), DestCSV)
	csvStruct.Encode = "csv"
	add(prefix("github.com/gocarina/gocsv.", "Marshal", "MarshalBytes", "MarshalCSV", "MarshalCSVWithoutHeaders",
		"MarshalChan", "MarshalChanWithoutHeaders", "MarshalFile", "MarshalString", "MarshalStringWithoutHeaders",
		"MarshalWithoutHeaders"), csvStruct)
	add([]string{"github.com/jszwec/csvutil.Marshal", "(*github.com/jszwec/csvutil.Encoder).Encode"}, csvStruct)

	// github.com/xuri/excelize/v2: cell setters take (sheet, cell,
	// value...); a stream writer's SetRow takes (cell, values, opts).
	add(prefix("(*github.com/xuri/excelize/v2.File).", "SetCellValue", "SetCellStr", "SetCellDefault",
		"SetCellRichText", "SetSheetRow", "SetSheetCol", "SetCellFormula", "SetCellHyperLink"), export(Arg(2), DestXLSX))
	add([]string{"(*github.com/xuri/excelize/v2.File).AddComment"}, export(Arg(1), DestXLSX))
	add([]string{"(*github.com/xuri/excelize/v2.StreamWriter).SetRow"}, export(Arg(1), DestXLSX))

	// github.com/tealeg/xlsx/v3: cells are set one by one (usually at the
	// end of a sheet.AddRow().AddCell() chain); rows take slices and
	// whole structs (every field, by reflection).
	add(prefix("(*github.com/tealeg/xlsx/v3.Cell).", "SetString", "SetValue", "SetFormula", "SetStringFormula",
		"SetNumeric", "SetHyperlink", "SetRichText"), export(Arg(0), DestXLSX))
	add(prefix("(*github.com/tealeg/xlsx/v3.Row).", "WriteSlice", "WriteStruct"), export(Arg(0), DestXLSX))
}

// thirdPartyLoggers adds the argument-based loggers outside the standard
// library: zap, logrus, glog, klog, zerolog's sends, logr, go-kit,
// hclog and logf. Field and entry constructors that are not sinks (zap.String,
// zap.Any) need no row: their results carry their arguments' data, and
// the call that logs them is the sink.
func thirdPartyLoggers(add func([]string, Sink)) {
	levels := func(p string, names ...string) (plain, f, ln []string) {
		for _, n := range names {
			plain = append(plain, p+n)
			f = append(f, p+n+"f")
			ln = append(ln, p+n+"ln")
		}
		return plain, f, ln
	}

	// go.uber.org/zap: *Logger takes (msg string, fields ...Field);
	// *SugaredLogger has plain, f, w and ln forms.
	zapLevels := []string{"Debug", "Info", "Warn", "Error", "DPanic", "Panic", "Fatal"}
	add(prefix("(*go.uber.org/zap.Logger).", append(zapLevels, "With")...), args(Log, Arg(0)))
	sugar := "(*go.uber.org/zap.SugaredLogger)."
	plain, f, ln := levels(sugar, zapLevels...)
	add(append(append(plain, ln...), sugar+"With"), args(Log, Arg(0)))
	add(f, printf(Log, Arg(0), Arg(0)))
	for _, n := range zapLevels {
		add([]string{sugar + n + "w"}, args(Log, Arg(0)))
	}
	add([]string{sugar + "Log", sugar + "Logln", sugar + "Logw"}, args(Log, Arg(1)))
	add([]string{sugar + "Logf"}, printf(Log, Arg(1), Arg(1)))

	// github.com/sirupsen/logrus: package functions, *Logger and *Entry.
	logrusLevels := []string{"Trace", "Debug", "Print", "Info", "Warn", "Warning", "Error", "Panic", "Fatal"}
	for _, recv := range []string{"github.com/sirupsen/logrus.", "(*github.com/sirupsen/logrus.Logger).", "(*github.com/sirupsen/logrus.Entry)."} {
		plain, f, ln := levels(recv, logrusLevels...)
		add(append(plain, ln...), args(Log, Arg(0)))
		add(f, printf(Log, Arg(0), Arg(0)))
		// A field's value is judged as logrus's JSONFormatter renders
		// it: marshalled, json:"-" fields left out, String ignored.
		add(prefix(recv, "WithField"), Sink{Class: Log, Data: Arg(1), Encode: "json"})
		add(prefix(recv, "WithFields", "WithError"), args(Log, Arg(0)))
		if recv != "github.com/sirupsen/logrus." {
			add(prefix(recv, "Log", "Logln"), args(Log, Arg(1)))
			add(prefix(recv, "Logf"), printf(Log, Arg(1), Arg(1)))
		}
	}

	// github.com/golang/glog: package functions and Verbose (glog.V(n)).
	for _, recv := range []string{"github.com/golang/glog.", "(github.com/golang/glog.Verbose)."} {
		names := []string{"Info", "Warning", "Error", "Fatal", "Exit"}
		if recv != "github.com/golang/glog." {
			names = names[:1]
		}
		for _, n := range names {
			add([]string{recv + n, recv + n + "ln"}, args(Log, Arg(0)))
			add([]string{recv + n + "f"}, printf(Log, Arg(0), Arg(0)))
			add([]string{recv + n + "Depth", recv + n + "Context"}, args(Log, Arg(1)))
			add([]string{recv + n + "Depthf", recv + n + "Contextf"}, printf(Log, Arg(1), Arg(1)))
			add([]string{recv + n + "ContextDepth"}, args(Log, Arg(2)))
			add([]string{recv + n + "ContextDepthf"}, printf(Log, Arg(2), Arg(2)))
		}
	}

	// k8s.io/klog/v2: package functions and Verbose (klog.V(n)),
	// including the structured InfoS and ErrorS (whose error carries data).
	for _, recv := range []string{"k8s.io/klog/v2.", "(k8s.io/klog/v2.Verbose)."} {
		names := []string{"Info", "Warning", "Error", "Fatal", "Exit"}
		if recv != "k8s.io/klog/v2." {
			names = names[:1]
			add([]string{recv + "Error", recv + "ErrorS"}, args(Log, Arg(0)))
		} else {
			add([]string{recv + "ErrorS"}, args(Log, Arg(0)))
			add([]string{recv + "ErrorSDepth"}, args(Log, Arg(1)))
		}
		add([]string{recv + "InfoS"}, args(Log, Arg(0)))
		add([]string{recv + "InfoSDepth"}, args(Log, Arg(1)))
		for _, n := range names {
			add([]string{recv + n, recv + n + "ln"}, args(Log, Arg(0)))
			add([]string{recv + n + "f"}, printf(Log, Arg(0), Arg(0)))
			add([]string{recv + n + "Depth", recv + n + "lnDepth"}, args(Log, Arg(1)))
			add([]string{recv + n + "fDepth"}, printf(Log, Arg(1), Arg(1)))
		}
	}

	// github.com/rs/zerolog: fields are added to an *Event by chained
	// calls and written when the event is sent; With() contexts become
	// loggers that carry their fields into every event.
	add([]string{"(*github.com/rs/zerolog.Event).Msg", "(*github.com/rs/zerolog.Event).Send", "(*github.com/rs/zerolog.Event).MsgFunc"}, args(Log, Recv))
	add([]string{"(*github.com/rs/zerolog.Event).Msgf"}, printf(Log, Recv, Arg(0)))
	add(prefix("(*github.com/rs/zerolog.Logger).", "Print", "Println"), args(Log, Arg(0)))
	add(prefix("(*github.com/rs/zerolog.Logger).", "Printf"), printf(Log, Arg(0), Arg(0)))
	add(prefix("github.com/rs/zerolog/log.", "Print"), args(Log, Arg(0)))
	add(prefix("github.com/rs/zerolog/log.", "Printf"), printf(Log, Arg(0), Arg(0)))

	// github.com/go-logr/logr: Logger is a struct with value receivers.
	// WithValues is a sink like slog's With: the values are reported
	// where they enter the logger, and the calls that later log through
	// it are not. WithName takes a name, not data, and has no row.
	add(prefix("(github.com/go-logr/logr.Logger).", "Info", "Error", "WithValues"), args(Log, Arg(0)))

	// github.com/go-kit/log: every logger is the Logger interface. A
	// logger built by log.With or log.WithPrefix (or level.Info) holds
	// its key-values and writes them at each Log: those constructors have
	// no row (their results carry their arguments) and the receiver of
	// Log carries data.
	add([]string{"(github.com/go-kit/log.Logger).Log"}, args(Log, Recv))

	// github.com/hashicorp/go-hclog: as with go-kit, a logger made by
	// With(args...) holds its args and writes them at every level call,
	// so With has no row and the level calls are reported, with the
	// receiver carrying data. Log's leading Level is an integer and
	// carries none. Named and ResetNamed take names, not data.
	add(prefix("(github.com/hashicorp/go-hclog.Logger).", "Trace", "Debug", "Info", "Warn", "Error", "Log"), args(Log, Recv))

	// github.com/zerodha/logf: Logger is a struct with value receivers;
	// the level calls take (msg string, fields ...any) and write them to
	// the logger's io.Writer.
	add(prefix("(github.com/zerodha/logf.Logger).", "Debug", "Info", "Warn", "Error", "Fatal"), args(Log, Arg(0)))
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
var Formats = map[string]Param{
	"fmt.Sprintf": Arg(0),
	"fmt.Errorf":  Arg(0),
	"fmt.Appendf": Arg(1),
}
