// Package kloglog logs customers with k8s.io/klog/v2.
package kloglog

import (
	"errors"

	"k8s.io/klog/v2"

	"example.com/loggers/model"
)

// Levels logs at the plain levels.
func Levels(c *model.Customer) {
	klog.Infof("sync %s", c.Email) // want "Customer.Email (email) reaches log output via klog.Infof"
	klog.Warning("sync ", c.Name)  // want "Customer.Name (name) reaches log output via klog.Warning"
	klog.Infof("sync %d", c.ID)
	klog.Infof("sync %T", c.Email)
}

// Structured logs key/value pairs.
func Structured(c *model.Customer) {
	klog.InfoS("sync", "email", c.Email)                                          // want "Customer.Email (email) reaches log output via klog.InfoS"
	klog.ErrorS(errors.New("declined card "+c.Card), "charge failed", "id", c.ID) // want "Customer.Card (card, secret) reaches log output via klog.ErrorS"
	klog.InfoS("sync", "id", c.ID)
}

// Verbose logs behind V(n).
func Verbose(c *model.Customer) {
	klog.V(2).InfoS("sync", "name", c.Name) // want "Customer.Name (name) reaches log output via (klog.Verbose).InfoS"
	klog.V(2).Infof("sync %s", c.Email)     // want "Customer.Email (email) reaches log output via (klog.Verbose).Infof"
	klog.V(2).InfoS("sync", "id", c.ID)
}

// Controller keeps a verbosity in a field.
type Controller struct {
	v klog.Verbose
}

// Sync logs a sync.
func (ctl *Controller) Sync(c *model.Customer) {
	ctl.v.InfoS("sync", "email", c.Email) // want "Customer.Email (email) reaches log output via (klog.Verbose).InfoS"
	ctl.v.InfoS("sync", "id", c.ID)
}

// logCustomer is a project-local wrapper around klog's structured logging.
func logCustomer(msg string, kv ...any) {
	klog.InfoSDepth(1, msg, kv...)
}

// Wrapped logs through logCustomer.
func Wrapped(c *model.Customer) {
	logCustomer("sync", "name", c.Name) // want "Customer.Name (name) reaches log output via kloglog.logCustomer → klog.InfoSDepth"
	logCustomer("sync", "id", c.ID)
}
