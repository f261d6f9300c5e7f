// Package wscase pushes customers over websockets.
package wscase

import (
	"context"
	"crypto/tls"

	cws "github.com/coder/websocket"
	"github.com/coder/websocket/wsjson"
	"github.com/gorilla/websocket"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func gorilla(c *Customer) error {
	conn, _, err := websocket.DefaultDialer.Dial("ws://push.example.com/feed", nil)
	if err != nil {
		return err
	}
	conn.WriteMessage(websocket.TextMessage, []byte(c.Email)) // want `Customer.Email \(email\) is sent over a plaintext websocket \(ws://\) via \(\*websocket.Conn\).WriteMessage`
	conn.WriteJSON(c)                                         // want `Customer.Email \(email\) and Customer.Name \(name\) are sent over a plaintext websocket \(ws://\) via \(\*websocket.Conn\).WriteJSON`
	w, err := conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	w.Write([]byte(c.Name)) // want `Customer.Name \(name\) is sent over a plaintext websocket \(ws://\) via \(io.Writer\).Write`

	sconn, _, err := websocket.DefaultDialer.Dial("wss://push.example.com/feed", nil)
	if err != nil {
		return err
	}
	sconn.WriteMessage(websocket.TextMessage, []byte(c.Email))
	lconn, _, _ := websocket.DefaultDialer.Dial("ws://localhost:9000/feed", nil)
	lconn.WriteJSON(c)

	d := &websocket.Dialer{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	uconn, _, err := d.Dial("wss://push.example.com/feed", nil)
	if err != nil {
		return err
	}
	uconn.WriteMessage(websocket.TextMessage, []byte(c.Name)) // want `Customer.Name \(name\) is sent over TLS without certificate verification via \(\*websocket.Conn\).WriteMessage`
	return nil
}

func coder(ctx context.Context, c *Customer) error {
	conn, _, err := cws.Dial(ctx, "ws://push.example.com/feed", nil)
	if err != nil {
		return err
	}
	conn.Write(ctx, cws.MessageText, []byte(c.Email)) // want `Customer.Email \(email\) is sent over a plaintext websocket \(ws://\) via \(\*websocket.Conn\).Write`
	wsjson.Write(ctx, conn, c.Name)                    // want `Customer.Name \(name\) is sent over a plaintext websocket \(ws://\) via wsjson.Write`
	sconn, _, err := cws.Dial(ctx, "wss://push.example.com/feed", nil)
	if err != nil {
		return err
	}
	return wsjson.Write(ctx, sconn, c)
}
