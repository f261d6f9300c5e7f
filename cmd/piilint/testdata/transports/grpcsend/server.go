package grpcsend

import (
	"context"
	"net"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/transports/directorypb"
	"example.com/transports/model"
)

type directory struct {
	directorypb.UnimplementedDirectoryServer
	customers map[string]*model.Customer
}

// Profile answers with the customer's name.
func (d *directory) Profile(ctx context.Context, in *directorypb.LookupRequest) (*directorypb.ProfileReply, error) {
	c := d.customers[in.Email]
	return &directorypb.ProfileReply{Name: c.Name}, nil // want "Customer.Name (name) is sent over a gRPC connection with insecure credentials via the response of (*grpcsend.directory).Profile"
}

// Serve serves the directory with insecure credentials.
func Serve(l net.Listener) error {
	s := grpc.NewServer(grpc.Creds(insecure.NewCredentials()))
	directorypb.RegisterDirectoryServer(s, &directory{})
	return s.Serve(l)
}
