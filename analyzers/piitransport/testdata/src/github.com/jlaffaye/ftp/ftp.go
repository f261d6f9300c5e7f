// Package ftp is a stub of github.com/jlaffaye/ftp with the real
// signatures of its client API.
package ftp

import (
	"crypto/tls"
	"io"
	"time"
)

type dialOptions struct{ tls *tls.Config }

type DialOption struct{ setup func(do *dialOptions) }

type ServerConn struct{ addr string }

func Dial(addr string, options ...DialOption) (*ServerConn, error) {
	return &ServerConn{addr: addr}, nil
}

func DialTimeout(addr string, timeout time.Duration) (*ServerConn, error) {
	return &ServerConn{addr: addr}, nil
}

func DialWithTLS(tlsConfig *tls.Config) DialOption {
	return DialOption{setup: func(do *dialOptions) { do.tls = tlsConfig }}
}

func DialWithExplicitTLS(tlsConfig *tls.Config) DialOption {
	return DialOption{setup: func(do *dialOptions) { do.tls = tlsConfig }}
}

func (c *ServerConn) Login(user, password string) error                      { return nil }
func (c *ServerConn) Stor(path string, r io.Reader) error                    { return nil }
func (c *ServerConn) StorFrom(path string, r io.Reader, offset uint64) error { return nil }
func (c *ServerConn) Append(path string, r io.Reader) error                  { return nil }
func (c *ServerConn) Quit() error                                            { return nil }
