// Package websocket is a stub of github.com/gorilla/websocket with the
// real signatures of its client API.
package websocket

import (
	"context"
	"crypto/tls"
	"io"
	"net/http"
	"time"
)

const TextMessage = 1

type Dialer struct {
	TLSClientConfig  *tls.Config
	HandshakeTimeout time.Duration
}

var DefaultDialer = &Dialer{HandshakeTimeout: 45 * time.Second}

type Conn struct{ url string }

func (d *Dialer) Dial(urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return &Conn{url: urlStr}, nil, nil
}

func (d *Dialer) DialContext(ctx context.Context, urlStr string, requestHeader http.Header) (*Conn, *http.Response, error) {
	return &Conn{url: urlStr}, nil, nil
}

func (c *Conn) WriteMessage(messageType int, data []byte) error    { return nil }
func (c *Conn) WriteJSON(v interface{}) error                      { return nil }
func (c *Conn) NextWriter(messageType int) (io.WriteCloser, error) { return nil, nil }
func (c *Conn) Close() error                                       { return nil }
