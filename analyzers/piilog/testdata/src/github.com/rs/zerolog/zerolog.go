// Package zerolog is a stub of github.com/rs/zerolog with the real
// signatures; like the real package, events and contexts append their
// fields to a buffer.
package zerolog

import (
	"fmt"
	"io"
)

type Logger struct {
	w   io.Writer
	ctx []byte
}

type Event struct {
	buf []byte
}

type Context struct {
	l Logger
}

func New(w io.Writer) Logger { return Logger{w: w} }

func (l Logger) With() Context { return Context{l: l} }

func (l *Logger) Info() *Event  { return &Event{buf: append([]byte(nil), l.ctx...)} }
func (l *Logger) Error() *Event { return &Event{buf: append([]byte(nil), l.ctx...)} }

func (l *Logger) Print(v ...interface{})                 {}
func (l *Logger) Printf(format string, v ...interface{}) {}

func (c Context) Str(key, val string) Context {
	c.l.ctx = append(c.l.ctx, key...)
	c.l.ctx = append(c.l.ctx, val...)
	return c
}

func (c Context) Logger() Logger { return c.l }

func (e *Event) Str(key, val string) *Event {
	e.buf = append(e.buf, key...)
	e.buf = append(e.buf, val...)
	return e
}

func (e *Event) Int64(key string, i int64) *Event { return e }

func (e *Event) Interface(key string, i interface{}) *Event {
	e.buf = append(e.buf, key...)
	e.buf = append(e.buf, fmt.Sprint(i)...) // the real package marshals i to JSON
	return e
}

func (e *Event) Err(err error) *Event {
	if err != nil {
		e.buf = append(e.buf, err.Error()...)
	}
	return e
}

func (e *Event) Msg(msg string)                       {}
func (e *Event) Msgf(format string, v ...interface{}) {}
func (e *Event) Send()                                {}
func (e *Event) MsgFunc(createMsg func() string)      {}

func (c Context) Interface(key string, i interface{}) Context {
	c.l.ctx = append(c.l.ctx, key...)
	c.l.ctx = append(c.l.ctx, fmt.Sprint(i)...) // the real package marshals i to JSON
	return c
}
