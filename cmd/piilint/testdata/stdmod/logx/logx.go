// Package logx is a small logging helper over the log package.
package logx

import "log"

// Info logs a formatted line.
func Info(format string, args ...any) { log.Printf(format, args...) }
