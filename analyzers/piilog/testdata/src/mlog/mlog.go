// Package mlog is a logging facade: its levels are package-level function
// variables, set to a zap-like logger's methods at start-up.
package mlog

import "log"

type LogFunc func(msg string, fields ...any)

var (
	Debug LogFunc = defaultLog // want Debug:`var p0->log\(log.Print\) p1->log\(log.Print\)`
	Warn  LogFunc = defaultLog // want Warn:`var p0->log\(log.Print\) p1->log\(log.Print\)`
	// Quiet is assigned only functions that log nothing.
	Quiet LogFunc = discard
)

func defaultLog(msg string, fields ...any) { log.Println(msg, fields) }

func discard(msg string, fields ...any) {}

// Logger is the logger the facade is pointed at.
type Logger struct{ name string }

func (l *Logger) Warn(msg string, fields ...any) { log.Print(l.name, msg, fields) } // want Warn:`p0.name->log\(log.Print\) p1->log\(log.Print\) p2->log\(log.Print\)`

// Init points the levels at a logger.
func Init(name string) {
	l := &Logger{name: name}
	Warn = l.Warn
	Debug = l.Warn
}
