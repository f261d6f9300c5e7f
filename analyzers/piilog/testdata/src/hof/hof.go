// Package hof holds higher-order helpers: their summaries say what they
// pass to the functions they are given.
package hof

import "log"

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Lazy(f func() string) { log.Println(f()) }

func Each(xs []string, f func(string)) {
	for _, x := range xs {
		f(x)
	}
}
