// Package rpc calls the billing service over gRPC.
package rpc

import (
	"context"
	"crypto/tls"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	"example.com/realdeps/model"
)

// Billing is the billing service.
type Billing struct {
	conn *grpc.ClientConn
}

// Dial connects to the billing service; plaintext only in development.
func Dial(addr string, dev bool) (*Billing, error) {
	creds := credentials.NewTLS(&tls.Config{MinVersion: tls.VersionTLS12})
	if dev {
		creds = insecure.NewCredentials()
	}
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
	if err != nil {
		return nil, err
	}
	return &Billing{conn: conn}, nil
}

// Charge sends a card to the billing service.
func (b *Billing) Charge(ctx context.Context, c *model.Customer, card *model.Card) error {
	ctx = metadata.AppendToOutgoingContext(ctx, "customer-email", c.Email)
	var out struct{}
	return b.conn.Invoke(ctx, "/billing.Billing/Charge", card, &out)
}

// Close closes the connection.
func (b *Billing) Close() error { return b.conn.Close() }
