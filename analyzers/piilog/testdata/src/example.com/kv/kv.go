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

// Check verifies a stored hash; its error names the malformed hash byte,
// as bcrypt's does.
func Check(hash, password []byte) error {
	if len(hash) == 0 || hash[0] != '$' {
		return fmt.Errorf("kv: invalid hash prefix %q", hash)
	}
	return nil
}

// Lookup fetches a key; the error says what failed.
func (s *Store) Lookup(key string) (any, error) {
	v, ok := s.m[key]
	if !ok {
		return nil, fmt.Errorf("kv: no key %s", key)
	}
	return v, nil
}
