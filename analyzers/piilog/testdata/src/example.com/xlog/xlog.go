// Package xlog is a logging facade of another module whose levels are
// method values of a logger.
package xlog

import "log"

type logger struct{}

func (logger) print(msg string, fields []any) { log.Print(msg, fields) }

type zapLogger struct{ l logger }

func (z *zapLogger) Info(msg string, fields ...any) { z.l.print(msg, fields) }

var global = &zapLogger{}

// Info logs at the info level.
var Info = global.Info
