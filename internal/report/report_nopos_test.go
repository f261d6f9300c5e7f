package report_test

import (
	"testing"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

func TestFlowsNoPos(t *testing.T) {
	e := newEnv(t, nil)
	f := &taint.Finding{Source: email, Sink: taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"}}
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("Flows panicked on a finding without a position: %v", r)
		}
	}()
	if got := e.flows(t, "example.com/app", sinks.Log, f); len(got) != 1 {
		t.Errorf("reported %q, want the finding", messages(got))
	}
}
