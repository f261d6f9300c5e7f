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

type serverOptions struct {
	creds credentials.TransportCredentials
}

type ServerOption interface{ apply(*serverOptions) }

type funcServerOption struct{ f func(*serverOptions) }

func (o *funcServerOption) apply(so *serverOptions) { o.f(so) }

func Creds(c credentials.TransportCredentials) ServerOption {
	return &funcServerOption{f: func(so *serverOptions) { so.creds = c }}
}

type MethodDesc struct{ MethodName string }

type ServiceDesc struct {
	ServiceName string
	HandlerType any
	Methods     []MethodDesc
	Streams     []StreamDesc
	Metadata    any
}

type ServiceRegistrar interface {
	RegisterService(desc *ServiceDesc, impl any)
}

type Server struct{ opts serverOptions }

func NewServer(opt ...ServerOption) *Server { return &Server{} }

func (s *Server) RegisterService(sd *ServiceDesc, ss any) {}
