//go:build !unix

package main

import "os/exec"

// killGroup leaves cancelling to os/exec, which kills cmd only.
func killGroup(*exec.Cmd) {}
