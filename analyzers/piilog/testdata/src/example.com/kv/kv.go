// Package kv is a key-value store with an internal assertion.
package kv

import "fmt"

type Store struct{ m map[string]any }

func New() *Store { return &Store{m: map[string]any{}} }

// Put stores v; a value of an unsupported kind is a programming error.
func (s *Store) Put(key string, v any) {
	switch v.(type) {
	case string, int, []byte:
	default:
		panic(fmt.Sprintf("kv: unsupported value %v for %s", v, key))
	}
	s.m[key] = v
}
