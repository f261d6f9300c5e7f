// Package listedtransport holds the transport cases of the precision
// issue's list, each with its twin.
package listedtransport

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"

	"crmpb"

	"github.com/gorilla/websocket"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
}

func urlLiteral(c *Customer) {
	u := url.URL{Scheme: "http", Host: "partner.example.com", Path: "/lookup", RawQuery: "email=" + c.Email}
	http.Get(u.String()) // want `Customer.Email \(email\) is sent over plaintext HTTP via http.Get`
	s := url.URL{Scheme: "https", Host: "partner.example.com", Path: "/lookup", RawQuery: "email=" + c.Email}
	http.Get(s.String())
}

func wsLiteral(c *Customer) {
	u := url.URL{Scheme: "ws", Host: "push.example.com", Path: "/feed"}
	conn, _, err := websocket.DefaultDialer.Dial(u.String(), nil)
	if err != nil {
		return
	}
	conn.WriteMessage(websocket.TextMessage, []byte(c.Email)) // want `Customer.Email \(email\) is sent over a plaintext websocket \(ws://\) via \(\*websocket.Conn\).WriteMessage`
	s := url.URL{Scheme: "wss", Host: "push.example.com", Path: "/feed"}
	sconn, _, err := websocket.DefaultDialer.Dial(s.String(), nil)
	if err != nil {
		return
	}
	sconn.WriteMessage(websocket.TextMessage, []byte(c.Email))
}

func valuesLiteral(c *Customer) {
	form := url.Values{"email": {c.Email}}
	http.Post("http://partner.example.com/form", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())) // want `Customer.Email \(email\) is sent over plaintext HTTP via http.Post`
	http.Post("https://partner.example.com/form", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// Partner is a client whose TLS verification is off, made in its
// constructor and used in a method.
type Partner struct {
	hc *http.Client
}

func NewPartner() *Partner {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	return &Partner{hc: &http.Client{Transport: tr}}
}

func (p *Partner) Push(c *Customer) {
	p.hc.Post("https://partner.example.com/sync", "text/plain", strings.NewReader(c.Email)) // want `Customer.Email \(email\) is sent over TLS without certificate verification via \(\*http.Client\).Post`
}

type Safe struct {
	hc *http.Client
}

func NewSafe() *Safe {
	return &Safe{hc: &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{}}}}
}

func (s *Safe) Push(c *Customer) {
	s.hc.Post("https://partner.example.com/sync", "text/plain", strings.NewReader(c.Email))
}

func insecureOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}
}

func secureOptions() []grpc.DialOption {
	return []grpc.DialOption{grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{}))}
}

func grpcHelper(ctx context.Context, c *Customer) {
	conn, err := grpc.NewClient("directory.example.com:443", insecureOptions()...)
	if err != nil {
		return
	}
	crmpb.NewDirectoryClient(conn).Lookup(ctx, &crmpb.LookupRequest{Email: c.Email}) // want `Customer.Email \(email\) is sent over a gRPC connection with insecure credentials via \(crmpb.DirectoryClient\).Lookup`
	sconn, err := grpc.NewClient("directory.example.com:443", secureOptions()...)
	if err != nil {
		return
	}
	crmpb.NewDirectoryClient(sconn).Lookup(ctx, &crmpb.LookupRequest{Email: c.Email})
}
