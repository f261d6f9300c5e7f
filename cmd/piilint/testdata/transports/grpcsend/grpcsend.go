// Package grpcsend looks customers up in a directory over gRPC.
package grpcsend

import (
	"context"
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	"example.com/transports/directorypb"
	"example.com/transports/model"
)

// Lookup uses the generated client over a connection without TLS.
func Lookup(ctx context.Context, c *model.Customer) (bool, error) {
	conn, err := grpc.NewClient("directory.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return false, err
	}
	defer conn.Close()
	client := directorypb.NewDirectoryClient(conn)
	reply, err := client.Lookup(ctx, &directorypb.LookupRequest{Email: c.Email}) // want "Customer.Email (email) is sent over a gRPC connection with insecure credentials via (directorypb.DirectoryClient).Lookup"
	if err != nil {
		return false, err
	}
	return reply.Found, nil
}

// Invoke calls the method directly, with the options in a slice.
func Invoke(ctx context.Context, c *model.Customer) error {
	opts := []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
	conn, err := grpc.NewClient("directory.example.com:443", opts...)
	if err != nil {
		return err
	}
	defer conn.Close()
	var out directorypb.LookupReply
	return conn.Invoke(ctx, directorypb.Directory_Lookup_FullMethodName, &directorypb.LookupRequest{Name: c.Name}, &out) // want "Customer.Name (name) is sent over a gRPC connection with insecure credentials via (*grpc.ClientConn).Invoke"
}

// Secure uses TLS credentials: not reported.
func Secure(ctx context.Context, c *model.Customer) error {
	conn, err := grpc.NewClient("directory.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})))
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = directorypb.NewDirectoryClient(conn).Lookup(ctx, &directorypb.LookupRequest{Email: c.Email})
	return err
}
