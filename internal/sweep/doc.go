// Package sweep holds the reliability sweep: a test, behind the build tag
// sweep, that runs the piilint analyzers the way the golangci-lint plugin
// and analysistest do (go/analysis/checker, every dependency analysed in
// one process) over the whole standard library, bodies included, and over
// a module with heavy real dependencies (scripts/sweep/heavymod:
// Kubernetes client-go, gRPC, the AWS SDK), and fails on any internal
// error. It needs the Go module proxy; scripts/sweep.sh runs it, and
// .ci/run runs the script.
package sweep
