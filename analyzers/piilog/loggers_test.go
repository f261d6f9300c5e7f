package piilog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piilog"
)

// TestLoggers runs piilog over cases for the third-party loggers, with
// stubs of zap, logrus, glog, klog, zerolog, logr, go-kit, hclog and logf at
// their real import paths.
func TestLoggers(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piilog.Analyzer, "zapcase", "zapmarshal", "logruscase", "glogcase", "klogcase", "zerologcase", "logrcase", "gokitcase", "hclogcase", "logfcase")
}
