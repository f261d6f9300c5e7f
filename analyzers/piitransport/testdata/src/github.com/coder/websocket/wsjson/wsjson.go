// Package wsjson is a stub of github.com/coder/websocket/wsjson.
package wsjson

import (
	"context"

	"github.com/coder/websocket"
)

func Write(ctx context.Context, c *websocket.Conn, v any) error { return nil }
