// Package zap is a stub of go.uber.org/zap with the real signatures of
// what the tests use.
package zap

import (
	"fmt"

	"go.uber.org/zap/zapcore"
)

type Field = zapcore.Field

// Option configures a Logger.
type Option interface{ apply(*Logger) }

type Logger struct{ name string }

func NewNop() *Logger                                  { return &Logger{} }
func NewExample(options ...Option) *Logger             { return &Logger{} }
func NewProduction(options ...Option) (*Logger, error) { return &Logger{}, nil }
func L() *Logger                                       { return &Logger{} }
func S() *SugaredLogger                                { return &SugaredLogger{} }

func (log *Logger) Sugar() *SugaredLogger              { return &SugaredLogger{base: log} }
func (log *Logger) Named(s string) *Logger             { return &Logger{name: log.name + "." + s} }
func (log *Logger) With(fields ...Field) *Logger       { return log }
func (log *Logger) Debug(msg string, fields ...Field)  {}
func (log *Logger) Info(msg string, fields ...Field)   {}
func (log *Logger) Warn(msg string, fields ...Field)   {}
func (log *Logger) Error(msg string, fields ...Field)  {}
func (log *Logger) DPanic(msg string, fields ...Field) {}
func (log *Logger) Panic(msg string, fields ...Field)  {}
func (log *Logger) Fatal(msg string, fields ...Field)  {}
func (log *Logger) Sync() error                        { return nil }

type SugaredLogger struct{ base *Logger }

func (s *SugaredLogger) Desugar() *Logger                                 { return s.base }
func (s *SugaredLogger) Named(name string) *SugaredLogger                 { return s }
func (s *SugaredLogger) With(args ...interface{}) *SugaredLogger          { return s }
func (s *SugaredLogger) Debug(args ...interface{})                        {}
func (s *SugaredLogger) Info(args ...interface{})                         {}
func (s *SugaredLogger) Warn(args ...interface{})                         {}
func (s *SugaredLogger) Error(args ...interface{})                        {}
func (s *SugaredLogger) DPanic(args ...interface{})                       {}
func (s *SugaredLogger) Panic(args ...interface{})                        {}
func (s *SugaredLogger) Fatal(args ...interface{})                        {}
func (s *SugaredLogger) Debugf(template string, args ...interface{})      {}
func (s *SugaredLogger) Infof(template string, args ...interface{})       {}
func (s *SugaredLogger) Warnf(template string, args ...interface{})       {}
func (s *SugaredLogger) Errorf(template string, args ...interface{})      {}
func (s *SugaredLogger) DPanicf(template string, args ...interface{})     {}
func (s *SugaredLogger) Panicf(template string, args ...interface{})      {}
func (s *SugaredLogger) Fatalf(template string, args ...interface{})      {}
func (s *SugaredLogger) Debugw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Infow(msg string, keysAndValues ...interface{})   {}
func (s *SugaredLogger) Warnw(msg string, keysAndValues ...interface{})   {}
func (s *SugaredLogger) Errorw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) DPanicw(msg string, keysAndValues ...interface{}) {}
func (s *SugaredLogger) Panicw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Fatalw(msg string, keysAndValues ...interface{})  {}
func (s *SugaredLogger) Debugln(args ...interface{})                      {}
func (s *SugaredLogger) Infoln(args ...interface{})                       {}
func (s *SugaredLogger) Warnln(args ...interface{})                       {}
func (s *SugaredLogger) Errorln(args ...interface{})                      {}
func (s *SugaredLogger) DPanicln(args ...interface{})                     {}
func (s *SugaredLogger) Panicln(args ...interface{})                      {}
func (s *SugaredLogger) Fatalln(args ...interface{})                      {}
func (s *SugaredLogger) Sync() error                                      { return nil }

// Field constructors: each keeps its value in the Field.

func String(key string, val string) Field {
	return Field{Key: key, Type: zapcore.StringType, String: val}
}

func Strings(key string, ss []string) Field {
	return Field{Key: key, Type: zapcore.ArrayMarshalerType, Interface: ss}
}

func ByteString(key string, val []byte) Field {
	return Field{Key: key, Type: zapcore.ByteStringType, Interface: val}
}

func Int(key string, val int) Field {
	return Field{Key: key, Type: zapcore.Int64Type, Integer: int64(val)}
}

func Int64(key string, val int64) Field {
	return Field{Key: key, Type: zapcore.Int64Type, Integer: val}
}

func Any(key string, value interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: value}
}

func Reflect(key string, val interface{}) Field {
	return Field{Key: key, Type: zapcore.ReflectType, Interface: val}
}

func Stringer(key string, val fmt.Stringer) Field {
	return Field{Key: key, Type: zapcore.StringerType, Interface: val}
}

func Object(key string, val zapcore.ObjectMarshaler) Field {
	return Field{Key: key, Type: zapcore.ObjectMarshalerType, Interface: val}
}

func Inline(val zapcore.ObjectMarshaler) Field {
	return Field{Type: zapcore.InlineMarshalerType, Interface: val}
}

func Error(err error) Field {
	return NamedError("error", err)
}

func NamedError(key string, err error) Field {
	if err == nil {
		return Field{Key: key}
	}
	return Field{Key: key, Type: zapcore.ErrorType, Interface: err}
}
