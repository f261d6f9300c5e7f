// Package wssend pushes customers to a dashboard over websockets.
package wssend

import (
	"github.com/gorilla/websocket"

	"example.com/transports/model"
)

// Push sends over ws://.
func Push(c *model.Customer) error {
	conn, _, err := websocket.DefaultDialer.Dial("ws://dashboard.example.com/feed", nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.WriteMessage(websocket.TextMessage, []byte(c.Email)); err != nil { // want "Customer.Email (email) is sent over a plaintext websocket (ws://) via (*websocket.Conn).WriteMessage"
		return err
	}
	return conn.WriteJSON(c) // want "Customer.Email (email) and Customer.Name (name) are sent over a plaintext websocket (ws://) via (*websocket.Conn).WriteJSON"
}

// PushSecure sends over wss://: not reported.
func PushSecure(c *model.Customer) error {
	conn, _, err := websocket.DefaultDialer.Dial("wss://dashboard.example.com/feed", nil)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.WriteJSON(c)
}
