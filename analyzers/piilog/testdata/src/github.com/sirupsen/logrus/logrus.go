// Package logrus is a stub of github.com/sirupsen/logrus with the real
// signatures of what the tests use.
package logrus

import "io"

// Fields is a set of fields of an entry.
type Fields map[string]any

// Level is a logging level.
type Level uint32

const (
	PanicLevel Level = iota
	FatalLevel
	ErrorLevel
	WarnLevel
	InfoLevel
	DebugLevel
	TraceLevel
)

type Logger struct {
	Out       io.Writer
	Formatter Formatter
	Level     Level
}

// Formatter renders an entry.
type Formatter interface {
	Format(*Entry) ([]byte, error)
}

// JSONFormatter renders an entry as JSON: its fields are marshalled.
type JSONFormatter struct {
	TimestampFormat  string
	DisableTimestamp bool
	PrettyPrint      bool
}

func (f *JSONFormatter) Format(entry *Entry) ([]byte, error) { return nil, nil }

// TextFormatter renders an entry as key=value pairs, fields printed with fmt.
type TextFormatter struct {
	DisableColors bool
	FullTimestamp bool
}

func (f *TextFormatter) Format(entry *Entry) ([]byte, error) { return nil, nil }

func SetFormatter(formatter Formatter) { std.SetFormatter(formatter) }

func (logger *Logger) SetFormatter(formatter Formatter) { logger.Formatter = formatter }

// Entry is a log entry under construction: fields added with WithField
// and friends are logged by its level methods.
type Entry struct {
	Logger  *Logger
	Data    Fields
	Message string
}

var std = New()

func New() *Logger { return &Logger{Level: InfoLevel} }

func StandardLogger() *Logger { return std }

func NewEntry(logger *Logger) *Entry { return &Entry{Logger: logger, Data: make(Fields)} }

func WithField(key string, value any) *Entry { return std.WithField(key, value) }
func WithFields(fields Fields) *Entry        { return std.WithFields(fields) }
func WithError(err error) *Entry             { return std.WithError(err) }

func (logger *Logger) WithField(key string, value any) *Entry {
	return NewEntry(logger).WithField(key, value)
}
func (logger *Logger) WithFields(fields Fields) *Entry              { return NewEntry(logger).WithFields(fields) }
func (logger *Logger) WithError(err error) *Entry                   { return NewEntry(logger).WithError(err) }
func (logger *Logger) Log(level Level, args ...any)                 {}
func (logger *Logger) Logf(level Level, format string, args ...any) {}
func (logger *Logger) Logln(level Level, args ...any)               {}

func (entry *Entry) WithField(key string, value any) *Entry {
	return entry.WithFields(Fields{key: value})
}
func (entry *Entry) WithFields(fields Fields) *Entry {
	data := make(Fields, len(entry.Data)+len(fields))
	for k, v := range entry.Data {
		data[k] = v
	}
	for k, v := range fields {
		data[k] = v
	}
	return &Entry{Logger: entry.Logger, Data: data}
}
func (entry *Entry) WithError(err error) *Entry                   { return entry.WithField("error", err) }
func (entry *Entry) Log(level Level, args ...any)                 {}
func (entry *Entry) Logf(level Level, format string, args ...any) {}
func (entry *Entry) Logln(level Level, args ...any)               {}

func Trace(args ...any)                 {}
func Tracef(format string, args ...any) {}
func Traceln(args ...any)               {}

func (logger *Logger) Trace(args ...any)                 {}
func (logger *Logger) Tracef(format string, args ...any) {}
func (logger *Logger) Traceln(args ...any)               {}

func (entry *Entry) Trace(args ...any)                 {}
func (entry *Entry) Tracef(format string, args ...any) {}
func (entry *Entry) Traceln(args ...any)               {}

func Debug(args ...any)                 {}
func Debugf(format string, args ...any) {}
func Debugln(args ...any)               {}

func (logger *Logger) Debug(args ...any)                 {}
func (logger *Logger) Debugf(format string, args ...any) {}
func (logger *Logger) Debugln(args ...any)               {}

func (entry *Entry) Debug(args ...any)                 {}
func (entry *Entry) Debugf(format string, args ...any) {}
func (entry *Entry) Debugln(args ...any)               {}

func Print(args ...any)                 {}
func Printf(format string, args ...any) {}
func Println(args ...any)               {}

func (logger *Logger) Print(args ...any)                 {}
func (logger *Logger) Printf(format string, args ...any) {}
func (logger *Logger) Println(args ...any)               {}

func (entry *Entry) Print(args ...any)                 {}
func (entry *Entry) Printf(format string, args ...any) {}
func (entry *Entry) Println(args ...any)               {}

func Info(args ...any)                 {}
func Infof(format string, args ...any) {}
func Infoln(args ...any)               {}

func (logger *Logger) Info(args ...any)                 {}
func (logger *Logger) Infof(format string, args ...any) {}
func (logger *Logger) Infoln(args ...any)               {}

func (entry *Entry) Info(args ...any)                 {}
func (entry *Entry) Infof(format string, args ...any) {}
func (entry *Entry) Infoln(args ...any)               {}

func Warn(args ...any)                 {}
func Warnf(format string, args ...any) {}
func Warnln(args ...any)               {}

func (logger *Logger) Warn(args ...any)                 {}
func (logger *Logger) Warnf(format string, args ...any) {}
func (logger *Logger) Warnln(args ...any)               {}

func (entry *Entry) Warn(args ...any)                 {}
func (entry *Entry) Warnf(format string, args ...any) {}
func (entry *Entry) Warnln(args ...any)               {}

func Warning(args ...any)                 {}
func Warningf(format string, args ...any) {}
func Warningln(args ...any)               {}

func (logger *Logger) Warning(args ...any)                 {}
func (logger *Logger) Warningf(format string, args ...any) {}
func (logger *Logger) Warningln(args ...any)               {}

func (entry *Entry) Warning(args ...any)                 {}
func (entry *Entry) Warningf(format string, args ...any) {}
func (entry *Entry) Warningln(args ...any)               {}

func Error(args ...any)                 {}
func Errorf(format string, args ...any) {}
func Errorln(args ...any)               {}

func (logger *Logger) Error(args ...any)                 {}
func (logger *Logger) Errorf(format string, args ...any) {}
func (logger *Logger) Errorln(args ...any)               {}

func (entry *Entry) Error(args ...any)                 {}
func (entry *Entry) Errorf(format string, args ...any) {}
func (entry *Entry) Errorln(args ...any)               {}

func Panic(args ...any)                 {}
func Panicf(format string, args ...any) {}
func Panicln(args ...any)               {}

func (logger *Logger) Panic(args ...any)                 {}
func (logger *Logger) Panicf(format string, args ...any) {}
func (logger *Logger) Panicln(args ...any)               {}

func (entry *Entry) Panic(args ...any)                 {}
func (entry *Entry) Panicf(format string, args ...any) {}
func (entry *Entry) Panicln(args ...any)               {}

func Fatal(args ...any)                 {}
func Fatalf(format string, args ...any) {}
func Fatalln(args ...any)               {}

func (logger *Logger) Fatal(args ...any)                 {}
func (logger *Logger) Fatalf(format string, args ...any) {}
func (logger *Logger) Fatalln(args ...any)               {}

func (entry *Entry) Fatal(args ...any)                 {}
func (entry *Entry) Fatalf(format string, args ...any) {}
func (entry *Entry) Fatalln(args ...any)               {}
