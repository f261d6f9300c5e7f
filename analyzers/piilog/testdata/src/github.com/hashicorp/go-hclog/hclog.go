// Package hclog is a stub of github.com/hashicorp/go-hclog with the real
// signatures: every logger is the Logger interface, and With returns a
// logger that holds its args and writes them with every message.
package hclog

import (
	"fmt"
	"io"
	"log"
	"os"
)

type Level int32

const (
	NoLevel Level = 0
	Trace   Level = 1
	Debug   Level = 2
	Info    Level = 3
	Warn    Level = 4
	Error   Level = 5
	Off     Level = 6
)

type Logger interface {
	Log(level Level, msg string, args ...interface{})
	Trace(msg string, args ...interface{})
	Debug(msg string, args ...interface{})
	Info(msg string, args ...interface{})
	Warn(msg string, args ...interface{})
	Error(msg string, args ...interface{})
	IsTrace() bool
	IsDebug() bool
	IsInfo() bool
	IsWarn() bool
	IsError() bool
	ImpliedArgs() []interface{}
	With(args ...interface{}) Logger
	Name() string
	Named(name string) Logger
	ResetNamed(name string) Logger
	SetLevel(level Level)
	GetLevel() Level
	StandardLogger(opts *StandardLoggerOptions) *log.Logger
	StandardWriter(opts *StandardLoggerOptions) io.Writer
}

type StandardLoggerOptions struct {
	InferLevels bool
}

type LoggerOptions struct {
	Name   string
	Level  Level
	Output io.Writer
}

type intLogger struct {
	name    string
	level   Level
	out     io.Writer
	implied []interface{}
}

func New(opts *LoggerOptions) Logger {
	out := opts.Output
	if out == nil {
		out = os.Stderr
	}
	return &intLogger{name: opts.Name, level: opts.Level, out: out}
}

var def = New(&LoggerOptions{})

func Default() Logger { return def }

func L() Logger { return Default() }

func (l *intLogger) Log(level Level, msg string, args ...interface{}) {
	if level < l.level {
		return
	}
	fmt.Fprintln(l.out, l.name, msg, l.implied, args)
}

func (l *intLogger) Trace(msg string, args ...interface{}) { l.Log(Trace, msg, args...) }
func (l *intLogger) Debug(msg string, args ...interface{}) { l.Log(Debug, msg, args...) }
func (l *intLogger) Info(msg string, args ...interface{})  { l.Log(Info, msg, args...) }
func (l *intLogger) Warn(msg string, args ...interface{})  { l.Log(Warn, msg, args...) }
func (l *intLogger) Error(msg string, args ...interface{}) { l.Log(Error, msg, args...) }

func (l *intLogger) IsTrace() bool { return l.level <= Trace }
func (l *intLogger) IsDebug() bool { return l.level <= Debug }
func (l *intLogger) IsInfo() bool  { return l.level <= Info }
func (l *intLogger) IsWarn() bool  { return l.level <= Warn }
func (l *intLogger) IsError() bool { return l.level <= Error }

func (l *intLogger) ImpliedArgs() []interface{} { return l.implied }

func (l *intLogger) With(args ...interface{}) Logger {
	sl := *l
	sl.implied = append(append([]interface{}(nil), l.implied...), args...)
	return &sl
}

func (l *intLogger) Name() string { return l.name }

func (l *intLogger) Named(name string) Logger {
	sl := *l
	if sl.name != "" {
		sl.name = sl.name + "." + name
	} else {
		sl.name = name
	}
	return &sl
}

func (l *intLogger) ResetNamed(name string) Logger {
	sl := *l
	sl.name = name
	return &sl
}

func (l *intLogger) SetLevel(level Level) { l.level = level }
func (l *intLogger) GetLevel() Level      { return l.level }

func (l *intLogger) StandardLogger(opts *StandardLoggerOptions) *log.Logger {
	return log.New(l.StandardWriter(opts), "", 0)
}

func (l *intLogger) StandardWriter(opts *StandardLoggerOptions) io.Writer { return l.out }
