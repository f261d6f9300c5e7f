// Shaped like protoc-gen-go-grpc output: a client interface and its
// implementation over a grpc.ClientConnInterface.

package directorypb

import (
	"context"

	"google.golang.org/grpc"
)

// Directory_Lookup_FullMethodName is the full name of Directory.Lookup.
const Directory_Lookup_FullMethodName = "/crm.Directory/Lookup"

// DirectoryClient is the client API for the Directory service.
type DirectoryClient interface {
	Lookup(ctx context.Context, in *LookupRequest, opts ...grpc.CallOption) (*LookupReply, error)
}

type directoryClient struct {
	cc grpc.ClientConnInterface
}

// NewDirectoryClient returns a client on cc.
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
	Profile(context.Context, *LookupRequest) (*ProfileReply, error)
	mustEmbedUnimplementedDirectoryServer()
}

// UnimplementedDirectoryServer must be embedded to have forward
// compatible implementations.
type UnimplementedDirectoryServer struct{}

func (UnimplementedDirectoryServer) Profile(context.Context, *LookupRequest) (*ProfileReply, error) {
	return nil, nil
}
func (UnimplementedDirectoryServer) mustEmbedUnimplementedDirectoryServer() {}

// Directory_ServiceDesc is the grpc.ServiceDesc for the Directory service.
var Directory_ServiceDesc = grpc.ServiceDesc{
	ServiceName: "crm.Directory",
	HandlerType: (*DirectoryServer)(nil),
	Methods:     []grpc.MethodDesc{},
	Streams:     []grpc.StreamDesc{},
	Metadata:    "directory.proto",
}

// RegisterDirectoryServer registers srv on s.
func RegisterDirectoryServer(s grpc.ServiceRegistrar, srv DirectoryServer) {
	s.RegisterService(&Directory_ServiceDesc, srv)
}
