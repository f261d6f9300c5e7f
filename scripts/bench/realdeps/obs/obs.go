// Package obs sets up the service's zap logger.
package obs

import (
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Logf is the service's printf-style logger; main replaces it.
var Logf = func(format string, args ...any) {}

// New returns a production zap logger at the given level.
func New(level string) (*zap.Logger, error) {
	var lvl zapcore.Level
	if err := lvl.Set(level); err != nil {
		return nil, err
	}
	cfg := zap.NewProductionConfig()
	cfg.Level = zap.NewAtomicLevelAt(lvl)
	return cfg.Build()
}

// Install makes Logf write to l.
func Install(l *zap.Logger) {
	s := l.Sugar()
	Logf = s.Infof
}
