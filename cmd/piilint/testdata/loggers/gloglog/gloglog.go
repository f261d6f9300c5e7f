// Package gloglog logs customers with github.com/golang/glog.
package gloglog

import (
	"github.com/golang/glog"

	"example.com/loggers/model"
)

// Levels logs at the plain levels.
func Levels(c *model.Customer) {
	glog.Infof("signup %s", c.Email)      // want "Customer.Email (email) reaches log output via glog.Infof"
	glog.Warning("signup ", c.Name)       // want "Customer.Name (name) reaches log output via glog.Warning"
	glog.Errorln("charge failed", c.Card) // want "Customer.Card (card, secret) reaches log output via glog.Errorln"
	glog.Infof("signup %d", c.ID)
	glog.Infof("signup %s", model.MaskEmail(c.Email))
}

// Verbose logs behind V(n).
func Verbose(c *model.Customer) {
	glog.V(2).Infof("signup %s", c.Email) // want "Customer.Email (email) reaches log output via (glog.Verbose).Infof"
	glog.V(2).Infof("signup %d", c.ID)
}

// Ward keeps a verbosity in a field.
type Ward struct {
	v glog.Verbose
}

// Admit logs an admission.
func (w *Ward) Admit(c *model.Customer) {
	w.v.Infof("admit %s", c.Name) // want "Customer.Name (name) reaches log output via (glog.Verbose).Infof"
	w.v.Infof("admit %d", c.ID)
}

// trace is a project-local wrapper around glog.
func trace(format string, args ...any) {
	glog.InfoDepthf(1, "trace: "+format, args...)
}

// Wrapped logs through trace.
func Wrapped(c *model.Customer) {
	trace("signup %s", c.Email) // want "Customer.Email (email) reaches log output via gloglog.trace → glog.InfoDepthf"
	trace("signup %d", c.ID)
}
