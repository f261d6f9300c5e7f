// Package klog is a stub of k8s.io/klog/v2 with the real signatures of
// what the tests use.
package klog

// Level is a verbosity level.
type Level int32

// Verbose is the result of V: its methods log when the level is enabled.
type Verbose struct {
	enabled bool
}

func V(level Level) Verbose { return Verbose{enabled: level <= 0} }

func (v Verbose) Enabled() bool { return v.enabled }

func Flush() {}

func (v Verbose) InfoS(msg string, keysAndValues ...interface{})                 {}
func (v Verbose) InfoSDepth(depth int, msg string, keysAndValues ...interface{}) {}
func (v Verbose) Error(err error, msg string, args ...interface{})               {}
func (v Verbose) ErrorS(err error, msg string, keysAndValues ...interface{})     {}
func InfoS(msg string, keysAndValues ...interface{})                             {}
func InfoSDepth(depth int, msg string, keysAndValues ...interface{})             {}
func ErrorS(err error, msg string, keysAndValues ...interface{})                 {}
func ErrorSDepth(depth int, err error, msg string, keysAndValues ...interface{}) {}

func (v Verbose) Info(args ...interface{})                                 {}
func (v Verbose) InfoDepth(depth int, args ...interface{})                 {}
func (v Verbose) Infoln(args ...interface{})                               {}
func (v Verbose) InfolnDepth(depth int, args ...interface{})               {}
func (v Verbose) Infof(format string, args ...interface{})                 {}
func (v Verbose) InfofDepth(depth int, format string, args ...interface{}) {}

func Info(args ...interface{})                                 {}
func InfoDepth(depth int, args ...interface{})                 {}
func Infoln(args ...interface{})                               {}
func InfolnDepth(depth int, args ...interface{})               {}
func Infof(format string, args ...interface{})                 {}
func InfofDepth(depth int, format string, args ...interface{}) {}

func Warning(args ...interface{})                                 {}
func WarningDepth(depth int, args ...interface{})                 {}
func Warningln(args ...interface{})                               {}
func WarninglnDepth(depth int, args ...interface{})               {}
func Warningf(format string, args ...interface{})                 {}
func WarningfDepth(depth int, format string, args ...interface{}) {}

func Error(args ...interface{})                                 {}
func ErrorDepth(depth int, args ...interface{})                 {}
func Errorln(args ...interface{})                               {}
func ErrorlnDepth(depth int, args ...interface{})               {}
func Errorf(format string, args ...interface{})                 {}
func ErrorfDepth(depth int, format string, args ...interface{}) {}

func Fatal(args ...interface{})                                 {}
func FatalDepth(depth int, args ...interface{})                 {}
func Fatalln(args ...interface{})                               {}
func FatallnDepth(depth int, args ...interface{})               {}
func Fatalf(format string, args ...interface{})                 {}
func FatalfDepth(depth int, format string, args ...interface{}) {}

func Exit(args ...interface{})                                 {}
func ExitDepth(depth int, args ...interface{})                 {}
func Exitln(args ...interface{})                               {}
func ExitlnDepth(depth int, args ...interface{})               {}
func Exitf(format string, args ...interface{})                 {}
func ExitfDepth(depth int, format string, args ...interface{}) {}
