// Package crmpb is shaped like protoc-gen-go and protoc-gen-go-grpc
// output: messages and a client interface over a connection.
package crmpb

import (
	"context"

	"google.golang.org/grpc"
)

type LookupRequest struct {
	Email string
	Name  string
}

type LookupReply struct{ Found bool }

const Directory_Lookup_FullMethodName = "/crm.Directory/Lookup"

type DirectoryClient interface {
	Lookup(ctx context.Context, in *LookupRequest, opts ...grpc.CallOption) (*LookupReply, error)
}

type directoryClient struct {
	cc grpc.ClientConnInterface
}

func NewDirectoryClient(cc grpc.ClientConnInterface) DirectoryClient {
	return &directoryClient{cc}
}

func (c *directoryClient) Lookup(ctx context.Context, in *LookupRequest, opts ...grpc.CallOption) (*LookupReply, error) {
	out := new(LookupReply)
	err := c.cc.Invoke(ctx, Directory_Lookup_FullMethodName, in, out, opts...)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DirectoryServer is the server API for the Directory service.
type DirectoryServer interface {
	Lookup(context.Context, *LookupRequest) (*LookupReply, error)
	Profile(context.Context, *LookupRequest) (*ProfileReply, error)
}

// ProfileReply carries a customer's profile.
type ProfileReply struct {
	Email string
	Name  string
}

var Directory_ServiceDesc = grpc.ServiceDesc{ServiceName: "crm.Directory", HandlerType: (*DirectoryServer)(nil)}

func RegisterDirectoryServer(s grpc.ServiceRegistrar, srv DirectoryServer) {
	s.RegisterService(&Directory_ServiceDesc, srv)
}
