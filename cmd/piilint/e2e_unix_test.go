//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// killGroup makes cancelling cmd kill its whole process group: piilint
// runs go vet, which runs piilint again per package.
func killGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
