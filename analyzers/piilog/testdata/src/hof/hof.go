// Package hof holds higher-order helpers: their summaries say what they
// pass to the functions they are given.
package hof

import "log"

func Map[T, U any](xs []T, f func(T) U) []U { // want Map:`p1\(\)->r0 p0\[\]->p1\(0\)`
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Lazy(f func() string) { log.Println(f()) } // want Lazy:`p0\(\)->log\(log.Println\)`

func Each(xs []string, f func(string)) { // want Each:`p0\[\]->p1\(0\)`
	for _, x := range xs {
		f(x)
	}
}
