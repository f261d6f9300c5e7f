// Package agent declares the tools an assistant can call; the tools are
// implemented by the programs that use it.
package agent

type Tool interface {
	Name() string
	Run(input string) string
}
