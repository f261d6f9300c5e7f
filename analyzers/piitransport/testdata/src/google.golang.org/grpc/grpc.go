// Package grpc is a stub of google.golang.org/grpc with the real
// signatures of its client API.
package grpc

import (
	"context"

	"google.golang.org/grpc/credentials"
)

type dialOptions struct{ insecure bool }

type DialOption interface{ apply(*dialOptions) }

type funcDialOption struct{ f func(*dialOptions) }

func (o *funcDialOption) apply(do *dialOptions) { o.f(do) }

type CallOption interface{ before() error }

type StreamDesc struct{ StreamName string }

type ClientStream interface {
	SendMsg(m any) error
	RecvMsg(m any) error
	CloseSend() error
}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

type ClientConn struct{ target string }

func NewClient(target string, opts ...DialOption) (conn *ClientConn, err error) {
	return &ClientConn{target: target}, nil
}

func Dial(target string, opts ...DialOption) (*ClientConn, error) { return NewClient(target, opts...) }

func DialContext(ctx context.Context, target string, opts ...DialOption) (conn *ClientConn, err error) {
	return NewClient(target, opts...)
}

func WithInsecure() DialOption {
	return &funcDialOption{f: func(do *dialOptions) { do.insecure = true }}
}

func WithTransportCredentials(creds credentials.TransportCredentials) DialOption {
	return &funcDialOption{f: func(do *dialOptions) {}}
}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

func (cc *ClientConn) Close() error { return nil }
