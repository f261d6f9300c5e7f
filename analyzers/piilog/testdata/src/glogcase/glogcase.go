package glogcase

import (
	"context"

	"github.com/golang/glog"
)

type Patient struct {
	ID        int64
	Name      string `pii:"name"`
	SSN       string `pii:"national_id"`
	Diagnosis string `pii:"health"`
	Ward      string
}

//pii:sanitizer
func redact(s string) string { return "[redacted]" }

func levels(ctx context.Context, p *Patient) {
	glog.Info("admit ", p.Name)                             // want `Patient.Name \(name\) reaches log output via glog.Info`
	glog.Infof("admit %s", p.SSN)                           // want `Patient.SSN \(national_id\) reaches log output via glog.Infof`
	glog.Infoln("admit", p.Diagnosis)                       // want `Patient.Diagnosis \(health\) reaches log output via glog.Infoln`
	glog.InfoDepth(1, "admit ", p.Name)                     // want `Patient.Name \(name\) reaches log output via glog.InfoDepth`
	glog.InfoDepthf(1, "admit %s", p.SSN)                   // want `Patient.SSN \(national_id\) reaches log output via glog.InfoDepthf`
	glog.InfoContext(ctx, "admit ", p.Name)                 // want `Patient.Name \(name\) reaches log output via glog.InfoContext`
	glog.InfoContextDepthf(ctx, 1, "admit %s", p.Diagnosis) // want `Patient.Diagnosis \(health\) reaches log output via glog.InfoContextDepthf`
	glog.Warning("admit ", p.Name)                          // want `Patient.Name \(name\) reaches log output via glog.Warning`
	glog.Warningf("admit %s", p.SSN)                        // want `Patient.SSN \(national_id\) reaches log output via glog.Warningf`
	glog.Errorln("admit", p.Diagnosis)                      // want `Patient.Diagnosis \(health\) reaches log output via glog.Errorln`
	glog.ErrorContextf(ctx, "admit %s", p.Name)             // want `Patient.Name \(name\) reaches log output via glog.ErrorContextf`
	glog.Fatalf("admit %s", p.SSN)                          // want `Patient.SSN \(national_id\) reaches log output via glog.Fatalf`
	glog.ExitDepth(1, "admit ", p.Name)                     // want `Patient.Name \(name\) reaches log output via glog.ExitDepth`

	glog.Infof("admit %d in %s", p.ID, p.Ward)
	glog.Infof("admit %T", p.SSN)
	glog.Warning("admit ", redact(p.Name))
	glog.InfoDepth(len(p.Name), "admit")
}

func verbose(ctx context.Context, p *Patient) {
	glog.V(2).Info("admit ", p.Name)                    // want `Patient.Name \(name\) reaches log output via \(glog.Verbose\).Info`
	glog.V(2).Infof("admit %s", p.SSN)                  // want `Patient.SSN \(national_id\) reaches log output via \(glog.Verbose\).Infof`
	glog.V(2).Infoln("admit", p.Diagnosis)              // want `Patient.Diagnosis \(health\) reaches log output via \(glog.Verbose\).Infoln`
	glog.V(2).InfoContextDepth(ctx, 1, "admit", p.Name) // want `Patient.Name \(name\) reaches log output via \(glog.Verbose\).InfoContextDepth`
	if v := glog.V(3); v {
		v.Infof("admit %s", p.Name) // want `Patient.Name \(name\) reaches log output via \(glog.Verbose\).Infof`
	}
	glog.V(2).Infof("admit %d", p.ID)
}

type ward struct {
	v glog.Verbose
}

func (w *ward) admit(p *Patient) {
	w.v.Infof("admit %s", p.Diagnosis) // want `Patient.Diagnosis \(health\) reaches log output via \(glog.Verbose\).Infof`
	w.v.Infof("admit %s", p.Ward)
}

// trace is a project-local wrapper around glog.
func trace(format string, args ...any) {
	glog.InfoDepthf(1, "trace: "+format, args...)
}

func wrappers(p *Patient) {
	trace("admit %s", p.SSN) // want `Patient.SSN \(national_id\) reaches log output via glogcase.trace → glog.InfoDepthf`
	trace("admit %d", p.ID)
}
