// Package logx is a logging facade: leveled helpers over a standard
// logger and slog.
package logx

import (
	"log"
	"log/slog"
	"os"
)

var (
	std   = log.New(os.Stderr, "", log.LstdFlags)
	level = 1
)

// Infof logs at info level.
func Infof(format string, args ...any) {
	if level >= 1 {
		output(format, args...)
	}
}

func output(format string, args ...any) { std.Printf(format, args...) }

// Info logs through slog.
func Info(msg string, args ...any) { slog.Default().Info(msg, args...) }
