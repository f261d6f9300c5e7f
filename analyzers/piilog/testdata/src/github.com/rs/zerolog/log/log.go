// Package log is a stub of github.com/rs/zerolog/log with the real
// signatures.
package log

import "github.com/rs/zerolog"

var Logger zerolog.Logger

func Info() *zerolog.Event  { return Logger.Info() }
func Error() *zerolog.Event { return Logger.Error() }
func With() zerolog.Context { return Logger.With() }

func Print(v ...interface{})                 { Logger.Print(v...) }
func Printf(format string, v ...interface{}) { Logger.Printf(format, v...) }
