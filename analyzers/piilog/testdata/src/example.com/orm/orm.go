// Package orm is an ORM with an optional, logging query cache reached
// through an interface.
package orm

import "log"

type Cache interface {
	Put(key string, v any)
}

type logCache struct{}

func (logCache) Put(key string, v any) { log.Printf("cache put %s: %v", key, v) }

type Engine struct {
	debug bool
	cache Cache
}

func NewEngine(debug bool) *Engine { return &Engine{debug: debug, cache: logCache{}} }

func (e *Engine) Insert(v any) error { return e.insert("t", v) }

func (e *Engine) insert(table string, v any) error { return e.store(table, v) }

func (e *Engine) store(table string, v any) error {
	e.remember(table, v)
	return nil
}

func (e *Engine) remember(table string, v any) {
	if e.debug {
		logCache{}.Put(table, v)
	}
}

// Trace logs its argument: that is its role.
func (e *Engine) Trace(v any) { log.Printf("orm: %v", v) }
