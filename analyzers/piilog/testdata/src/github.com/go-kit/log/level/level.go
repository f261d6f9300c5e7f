// Package level is a stub of github.com/go-kit/log/level with the real
// signatures: the level loggers prefix a level key-value.
package level

import "github.com/go-kit/log"

type Value interface {
	String() string
}

type levelValue struct{ name string }

func (v *levelValue) String() string { return v.name }

var (
	key        interface{} = "level"
	errorValue             = &levelValue{name: "error"}
	warnValue              = &levelValue{name: "warn"}
	infoValue              = &levelValue{name: "info"}
	debugValue             = &levelValue{name: "debug"}
)

func Key() interface{}  { return key }
func ErrorValue() Value { return errorValue }
func WarnValue() Value  { return warnValue }
func InfoValue() Value  { return infoValue }
func DebugValue() Value { return debugValue }

func Error(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), ErrorValue()) }
func Warn(logger log.Logger) log.Logger  { return log.WithPrefix(logger, Key(), WarnValue()) }
func Info(logger log.Logger) log.Logger  { return log.WithPrefix(logger, Key(), InfoValue()) }
func Debug(logger log.Logger) log.Logger { return log.WithPrefix(logger, Key(), DebugValue()) }
