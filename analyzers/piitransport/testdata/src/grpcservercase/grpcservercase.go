// Package grpcservercase serves customer profiles over gRPC.
package grpcservercase

import (
	"context"
	"log"

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

func find(email string) *Customer { return nil }

type directory struct{}

func (directory) Lookup(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.LookupReply, error) {
	return &crmpb.LookupReply{Found: find(in.Email) != nil}, nil
}

func (directory) Profile(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.ProfileReply, error) {
	c := find(in.Email)
	return &crmpb.ProfileReply{Email: c.Email, Name: c.Name}, nil // want `Customer.Email \(email\) and Customer.Name \(name\) are sent over a gRPC server without TLS credentials via the response of \(grpcservercase.directory\).Profile`
}

// serve registers the service on a server without credentials: TLS may
// be terminated in front of it, so this is reported in strict mode only.
func serve() {
	s := grpc.NewServer()
	crmpb.RegisterDirectoryServer(s, directory{})
}

type plainDirectory struct{}

func (plainDirectory) Lookup(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.LookupReply, error) {
	return &crmpb.LookupReply{}, nil
}

func (plainDirectory) Profile(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.ProfileReply, error) {
	c := find(in.Email)
	return &crmpb.ProfileReply{Name: c.Name}, nil // want `Customer.Name \(name\) is sent over a gRPC connection with insecure credentials via the response of \(grpcservercase.plainDirectory\).Profile`
}

func serveInsecure() {
	s := grpc.NewServer(grpc.Creds(insecure.NewCredentials()))
	crmpb.RegisterDirectoryServer(s, plainDirectory{})
}

type tlsDirectory struct{}

func (tlsDirectory) Lookup(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.LookupReply, error) {
	return &crmpb.LookupReply{}, nil
}

func (tlsDirectory) Profile(ctx context.Context, in *crmpb.LookupRequest) (*crmpb.ProfileReply, error) {
	c := find(in.Email)
	return &crmpb.ProfileReply{Email: c.Email, Name: c.Name}, nil
}

func serveTLS() {
	creds, err := credentials.NewServerTLSFromFile("cert.pem", "key.pem")
	if err != nil {
		log.Fatal(err)
	}
	s := grpc.NewServer(grpc.Creds(creds))
	crmpb.RegisterDirectoryServer(s, tlsDirectory{})
}
