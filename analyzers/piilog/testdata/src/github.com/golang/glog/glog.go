// Package glog is a stub of github.com/golang/glog with the real
// signatures of what the tests use.
package glog

import "context"

// Level is a verbosity level.
type Level int32

// Verbose is the result of V: its methods log when the level is enabled.
type Verbose bool

func V(level Level) Verbose { return Verbose(level <= 0) }

func Flush() {}

func (v Verbose) Info(args ...any)                                                             {}
func (v Verbose) InfoDepth(depth int, args ...any)                                             {}
func (v Verbose) InfoDepthf(depth int, format string, args ...any)                             {}
func (v Verbose) Infoln(args ...any)                                                           {}
func (v Verbose) Infof(format string, args ...any)                                             {}
func (v Verbose) InfoContext(ctx context.Context, args ...any)                                 {}
func (v Verbose) InfoContextf(ctx context.Context, format string, args ...any)                 {}
func (v Verbose) InfoContextDepth(ctx context.Context, depth int, args ...any)                 {}
func (v Verbose) InfoContextDepthf(ctx context.Context, depth int, format string, args ...any) {}

func Info(args ...any)                                                             {}
func InfoDepth(depth int, args ...any)                                             {}
func InfoDepthf(depth int, format string, args ...any)                             {}
func Infoln(args ...any)                                                           {}
func Infof(format string, args ...any)                                             {}
func InfoContext(ctx context.Context, args ...any)                                 {}
func InfoContextf(ctx context.Context, format string, args ...any)                 {}
func InfoContextDepth(ctx context.Context, depth int, args ...any)                 {}
func InfoContextDepthf(ctx context.Context, depth int, format string, args ...any) {}

func Warning(args ...any)                                                             {}
func WarningDepth(depth int, args ...any)                                             {}
func WarningDepthf(depth int, format string, args ...any)                             {}
func Warningln(args ...any)                                                           {}
func Warningf(format string, args ...any)                                             {}
func WarningContext(ctx context.Context, args ...any)                                 {}
func WarningContextf(ctx context.Context, format string, args ...any)                 {}
func WarningContextDepth(ctx context.Context, depth int, args ...any)                 {}
func WarningContextDepthf(ctx context.Context, depth int, format string, args ...any) {}

func Error(args ...any)                                                             {}
func ErrorDepth(depth int, args ...any)                                             {}
func ErrorDepthf(depth int, format string, args ...any)                             {}
func Errorln(args ...any)                                                           {}
func Errorf(format string, args ...any)                                             {}
func ErrorContext(ctx context.Context, args ...any)                                 {}
func ErrorContextf(ctx context.Context, format string, args ...any)                 {}
func ErrorContextDepth(ctx context.Context, depth int, args ...any)                 {}
func ErrorContextDepthf(ctx context.Context, depth int, format string, args ...any) {}

func Fatal(args ...any)                                                             {}
func FatalDepth(depth int, args ...any)                                             {}
func FatalDepthf(depth int, format string, args ...any)                             {}
func Fatalln(args ...any)                                                           {}
func Fatalf(format string, args ...any)                                             {}
func FatalContext(ctx context.Context, args ...any)                                 {}
func FatalContextf(ctx context.Context, format string, args ...any)                 {}
func FatalContextDepth(ctx context.Context, depth int, args ...any)                 {}
func FatalContextDepthf(ctx context.Context, depth int, format string, args ...any) {}

func Exit(args ...any)                                                             {}
func ExitDepth(depth int, args ...any)                                             {}
func ExitDepthf(depth int, format string, args ...any)                             {}
func Exitln(args ...any)                                                           {}
func Exitf(format string, args ...any)                                             {}
func ExitContext(ctx context.Context, args ...any)                                 {}
func ExitContextf(ctx context.Context, format string, args ...any)                 {}
func ExitContextDepth(ctx context.Context, depth int, args ...any)                 {}
func ExitContextDepthf(ctx context.Context, depth int, format string, args ...any) {}
