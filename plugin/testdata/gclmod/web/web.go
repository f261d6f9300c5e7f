// Package web imports net/http, and through it the generic packages of
// the standard library (maps, slices, iter), and has generic helpers.
package web

import (
	"log"
	"maps"
	"net/http"
	"slices"

	"example.com/gclmod/model"
)

// Set is a generic map update.
func Set[M ~map[K]V, K comparable, V any](m M, k K, v V) { m[k] = v }

// Send is a generic channel send.
func Send[C ~chan E, E any](c C, e E) { c <- e }

// Handle logs what went through the generic helpers.
func Handle(w http.ResponseWriter, r *http.Request, c *model.Customer) {
	_ = r
	fields := map[string]string{}
	Set(fields, "email", c.Email)
	log.Print(slices.Sorted(maps.Values(fields)))
	ch := make(chan string, 1)
	Send(ch, c.Email)
	log.Print(<-ch)
	http.Error(w, "ok", http.StatusOK)
}
