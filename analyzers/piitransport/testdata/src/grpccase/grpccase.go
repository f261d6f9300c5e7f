// Package grpccase calls a directory service over gRPC.
package grpccase

import (
	"context"
	"crypto/tls"

	"crmpb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func stub(ctx context.Context, c *Customer) error {
	conn, err := grpc.NewClient("directory.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	client := crmpb.NewDirectoryClient(conn)
	_, err = client.Lookup(ctx, &crmpb.LookupRequest{Email: c.Email}) // want `Customer.Email \(email\) is sent over a gRPC connection with insecure credentials via \(crmpb.DirectoryClient\).Lookup`
	return err
}

func invoke(ctx context.Context, c *Customer) error {
	opts := []grpc.DialOption{grpc.WithInsecure()}
	conn, err := grpc.Dial("directory.example.com:443", opts...)
	if err != nil {
		return err
	}
	var out crmpb.LookupReply
	return conn.Invoke(ctx, "/crm.Directory/Lookup", &crmpb.LookupRequest{Name: c.Name}, &out) // want `Customer.Name \(name\) is sent over a gRPC connection with insecure credentials via \(\*grpc.ClientConn\).Invoke`
}

func stream(ctx context.Context, c *Customer) error {
	conn, err := grpc.DialContext(ctx, "directory.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{InsecureSkipVerify: true})))
	if err != nil {
		return err
	}
	s, err := conn.NewStream(ctx, &grpc.StreamDesc{StreamName: "Sync"}, "/crm.Directory/Sync")
	if err != nil {
		return err
	}
	return s.SendMsg(&crmpb.LookupRequest{Email: c.Email}) // want `Customer.Email \(email\) is sent over TLS without certificate verification via \(grpc.ClientStream\).SendMsg`
}

func secure(ctx context.Context, c *Customer) error {
	conn, err := grpc.NewClient("directory.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{})))
	if err != nil {
		return err
	}
	client := crmpb.NewDirectoryClient(conn)
	_, err = client.Lookup(ctx, &crmpb.LookupRequest{Email: c.Email})
	return err
}

func find(email string) *Customer { return nil }

// directory is served without credentials: reported only with -strict
// (see grpcservercase), since TLS may be terminated in front of it.
type directory struct{}

func (directory) Lookup(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.LookupReply, error) {
	return &crmpb.LookupReply{}, nil
}

func (directory) Profile(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.ProfileReply, error) {
	c := find(in.Email)
	return &crmpb.ProfileReply{Email: c.Email}, nil
}

func serve() {
	crmpb.RegisterDirectoryServer(grpc.NewServer(), directory{})
}

// openDirectory is served with insecure credentials, said in the code.
type openDirectory struct{}

func (openDirectory) Lookup(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.LookupReply, error) {
	return &crmpb.LookupReply{}, nil
}

func (openDirectory) Profile(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.ProfileReply, error) {
	c := find(in.Email)
	return &crmpb.ProfileReply{Email: c.Email}, nil // want `Customer.Email \(email\) is sent over a gRPC connection with insecure credentials via the response of \(grpccase.openDirectory\).Profile`
}

func serveOpen() {
	opts := []grpc.ServerOption{grpc.Creds(insecure.NewCredentials())}
	crmpb.RegisterDirectoryServer(grpc.NewServer(opts...), openDirectory{})
}

// RegisterHealthServer is named like a service registration but takes no
// implementation: not one.
func RegisterHealthServer(s *grpc.Server) {}

func register() {
	RegisterHealthServer(grpc.NewServer())
}
