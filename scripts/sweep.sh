#!/usr/bin/env bash
# sweep.sh - the reliability sweep: runs the piilint analyzers the way the
# golangci-lint plugin and analysistest do over every package of the
# standard library (function bodies included) and over
# scripts/sweep/heavymod, a module with Kubernetes client-go, gRPC and the
# AWS SDK (770 packages, from the Go module proxy), and fails on any
# internal error. See internal/sweep.
#
# Usage: scripts/sweep.sh [go test flags]
set -euo pipefail
cd "$(dirname "$0")/.."
export GOWORK=off GOTOOLCHAIN=local
go test -tags sweep -count=1 -timeout 60m -v "$@" ./internal/sweep
