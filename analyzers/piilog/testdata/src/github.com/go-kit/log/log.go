// Package log is a stub of github.com/go-kit/log with the real
// signatures: every logger is the Logger interface, and With and
// WithPrefix return a logger that holds its key-values.
package log

import (
	"fmt"
	"io"
)

type Logger interface {
	Log(keyvals ...interface{}) error
}

func With(logger Logger, keyvals ...interface{}) Logger {
	if len(keyvals) == 0 {
		return logger
	}
	l := newContext(logger)
	kvs := append(l.keyvals, keyvals...)
	return &context{logger: l.logger, keyvals: kvs[:len(kvs):len(kvs)]}
}

func WithPrefix(logger Logger, keyvals ...interface{}) Logger {
	if len(keyvals) == 0 {
		return logger
	}
	l := newContext(logger)
	kvs := make([]interface{}, 0, len(keyvals)+len(l.keyvals))
	kvs = append(kvs, keyvals...)
	kvs = append(kvs, l.keyvals...)
	return &context{logger: l.logger, keyvals: kvs}
}

type context struct {
	logger  Logger
	keyvals []interface{}
}

func newContext(logger Logger) *context {
	if c, ok := logger.(*context); ok {
		return c
	}
	return &context{logger: logger}
}

func (l *context) Log(keyvals ...interface{}) error {
	kvs := append(l.keyvals, keyvals...)
	return l.logger.Log(kvs...)
}

type LoggerFunc func(...interface{}) error

func (f LoggerFunc) Log(keyvals ...interface{}) error { return f(keyvals...) }

type logfmtLogger struct {
	w io.Writer
}

func NewLogfmtLogger(w io.Writer) Logger { return &logfmtLogger{w: w} }

func (l *logfmtLogger) Log(keyvals ...interface{}) error {
	_, err := fmt.Fprintln(l.w, keyvals...)
	return err
}

type nopLogger struct{}

func NewNopLogger() Logger { return nopLogger{} }

func (nopLogger) Log(...interface{}) error { return nil }
