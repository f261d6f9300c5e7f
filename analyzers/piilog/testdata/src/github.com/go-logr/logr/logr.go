// Package logr is a stub of github.com/go-logr/logr with the real
// signatures: Logger is a struct with value receivers that hands its
// calls to a LogSink.
package logr

type LogSink interface {
	Init(info RuntimeInfo)
	Enabled(level int) bool
	Info(level int, msg string, keysAndValues ...any)
	Error(err error, msg string, keysAndValues ...any)
	WithValues(keysAndValues ...any) LogSink
	WithName(name string) LogSink
}

type RuntimeInfo struct {
	CallDepth int
}

type Logger struct {
	sink  LogSink
	level int
}

func New(sink LogSink) Logger { return Logger{sink: sink} }

func Discard() Logger { return New(nil) }

func (l Logger) GetSink() LogSink { return l.sink }

func (l Logger) Enabled() bool { return l.sink != nil && l.sink.Enabled(l.level) }

func (l Logger) Info(msg string, keysAndValues ...any) {
	if l.sink != nil {
		l.sink.Info(l.level, msg, keysAndValues...)
	}
}

func (l Logger) Error(err error, msg string, keysAndValues ...any) {
	if l.sink != nil {
		l.sink.Error(err, msg, keysAndValues...)
	}
}

func (l Logger) V(level int) Logger {
	l.level += level
	return l
}

func (l Logger) WithValues(keysAndValues ...any) Logger {
	if l.sink != nil {
		l.sink = l.sink.WithValues(keysAndValues...)
	}
	return l
}

func (l Logger) WithName(name string) Logger {
	if l.sink != nil {
		l.sink = l.sink.WithName(name)
	}
	return l
}
