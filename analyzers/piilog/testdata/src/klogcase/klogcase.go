package klogcase

import (
	"errors"
	"fmt"

	"k8s.io/klog/v2"
)

type Account struct {
	UID      string
	Username string `pii:"username"`
	Email    string `pii:"email"`
	Token    string `datapolicy:"token"`
	Replicas int
}

//pii:sanitizer
func redact(s string) string { return "[redacted]" }

func levels(a *Account) {
	klog.Info("sync ", a.Username)           // want `Account.Username \(username\) reaches log output via klog.Info`
	klog.Infof("sync %s", a.Email)           // want `Account.Email \(email\) reaches log output via klog.Infof`
	klog.Infoln("sync", a.Token)             // want `Account.Token \(token, secret\) reaches log output via klog.Infoln`
	klog.InfoDepth(1, "sync ", a.Username)   // want `Account.Username \(username\) reaches log output via klog.InfoDepth`
	klog.InfofDepth(1, "sync %s", a.Email)   // want `Account.Email \(email\) reaches log output via klog.InfofDepth`
	klog.Warning("sync ", a.Username)        // want `Account.Username \(username\) reaches log output via klog.Warning`
	klog.Warningf("sync %s", a.Email)        // want `Account.Email \(email\) reaches log output via klog.Warningf`
	klog.Error("sync ", a.Email)             // want `Account.Email \(email\) reaches log output via klog.Error`
	klog.ErrorlnDepth(1, "sync", a.Username) // want `Account.Username \(username\) reaches log output via klog.ErrorlnDepth`
	klog.Fatalf("sync %s", a.Token)          // want `Account.Token \(token, secret\) reaches log output via klog.Fatalf`
	klog.Exitln("sync", a.Email)             // want `Account.Email \(email\) reaches log output via klog.Exitln`
	klog.Infof("sync %s with %d replicas", a.UID, a.Replicas)
	klog.Infof("sync %T", a.Email)
	klog.Warning("sync ", redact(a.Email))
}

func structured(a *Account) {
	klog.InfoS("sync", "user", a.Username)                               // want `Account.Username \(username\) reaches log output via klog.InfoS`
	klog.InfoS("sync "+a.Email, "uid", a.UID)                            // want `Account.Email \(email\) reaches log output via klog.InfoS`
	klog.InfoSDepth(1, "sync", "email", a.Email)                         // want `Account.Email \(email\) reaches log output via klog.InfoSDepth`
	klog.ErrorS(errors.New("no mailbox "+a.Email), "sync", "uid", a.UID) // want `Account.Email \(email\) reaches log output via klog.ErrorS`
	klog.ErrorS(nil, "sync", "token", a.Token)                           // want `Account.Token \(token, secret\) reaches log output via klog.ErrorS`
	klog.ErrorSDepth(1, fmt.Errorf("user %s", a.Username), "sync")       // want `Account.Username \(username\) reaches log output via klog.ErrorSDepth`
	klog.InfoS("sync", "uid", a.UID, "replicas", a.Replicas)
	klog.ErrorS(errors.New("timeout"), "sync", "user", redact(a.Username))
}

func verbose(a *Account) {
	klog.V(2).Info("sync ", a.Username)            // want `Account.Username \(username\) reaches log output via \(klog.Verbose\).Info`
	klog.V(2).Infof("sync %s", a.Email)            // want `Account.Email \(email\) reaches log output via \(klog.Verbose\).Infof`
	klog.V(2).InfoS("sync", "user", a.Username)    // want `Account.Username \(username\) reaches log output via \(klog.Verbose\).InfoS`
	klog.V(4).ErrorS(errors.New(a.Email), "sync")  // want `Account.Email \(email\) reaches log output via \(klog.Verbose\).ErrorS`
	klog.V(4).Error(nil, "sync", "token", a.Token) // want `Account.Token \(token, secret\) reaches log output via \(klog.Verbose\).Error`
	if v := klog.V(5); v.Enabled() {
		v.InfoS("sync", "email", a.Email) // want `Account.Email \(email\) reaches log output via \(klog.Verbose\).InfoS`
	}
	klog.V(2).InfoS("sync", "uid", a.UID)
}

type controller struct {
	v klog.Verbose
}

func (c *controller) sync(a *Account) {
	c.v.InfoS("sync", "user", a.Username) // want `Account.Username \(username\) reaches log output via \(klog.Verbose\).InfoS`
	c.v.InfoS("sync", "uid", a.UID)
}

// logAccount is a project-local wrapper around klog's structured logging.
func logAccount(msg string, kv ...any) {
	klog.InfoSDepth(1, msg, kv...)
}

func wrappers(a *Account) {
	logAccount("sync", "email", a.Email) // want `Account.Email \(email\) reaches log output via klogcase.logAccount → klog.InfoSDepth`
	logAccount("sync", "uid", a.UID)
}
