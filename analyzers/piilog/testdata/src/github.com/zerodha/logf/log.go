// Package logf is a stub of github.com/zerodha/logf v0.5.5 (the parts the
// tests use, with the real signatures).
package logf

import "io"

type Level int

const (
	DebugLevel Level = iota + 1
	InfoLevel
	WarnLevel
	ErrorLevel
	FatalLevel
)

type Opts struct {
	Writer        io.Writer
	Level         Level
	DefaultFields []interface{}
}

type Logger struct {
	Opts
	out io.Writer
}

func New(opts Opts) Logger { return Logger{Opts: opts, out: opts.Writer} }

func (l Logger) Debug(msg string, fields ...interface{}) {}
func (l Logger) Info(msg string, fields ...interface{})  {}
func (l Logger) Warn(msg string, fields ...interface{})  {}
func (l Logger) Error(msg string, fields ...interface{}) {}
func (l Logger) Fatal(msg string, fields ...interface{}) {}
