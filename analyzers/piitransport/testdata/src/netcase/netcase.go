// Package netcase writes customers on raw connections.
package netcase

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"strings"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func raw(c *Customer) error {
	conn, err := net.Dial("tcp", "partner.example.com:7000")
	if err != nil {
		return err
	}
	defer conn.Close()
	fmt.Fprintf(conn, "%d %s\n", c.ID, c.Email) // want `Customer.Email \(email\) is sent over a plaintext network connection via fmt.Fprintf`
	conn.Write([]byte(c.Name))                  // want `Customer.Name \(name\) is sent over a plaintext network connection via \(net.Conn\).Write`
	bw := bufio.NewWriter(conn)
	bw.WriteString(c.Email) // want `Customer.Email \(email\) is sent over a plaintext network connection via \(\*bufio.Writer\).WriteString`
	bw.Flush()
	io.Copy(conn, strings.NewReader(c.Name)) // want `Customer.Name \(name\) is sent over a plaintext network connection via io.Copy`
	fmt.Fprintf(conn, "%d\n", c.ID)
	return nil
}

func protected(c *Customer) {
	local, _ := net.Dial("tcp", "localhost:7000")
	fmt.Fprintln(local, c.Email)
	unix, _ := net.Dial("unix", "/run/crm.sock")
	fmt.Fprintln(unix, c.Email)
	tc, _ := tls.Dial("tcp", "partner.example.com:7443", &tls.Config{})
	fmt.Fprintln(tc, c.Email)
	plain, _ := net.Dial("tcp", "partner.example.com:7443")
	wrapped := tls.Client(plain, &tls.Config{ServerName: "partner.example.com"})
	wrapped.Write([]byte(c.Email))
}

func unverified(c *Customer) {
	bad, err := tls.Dial("tcp", "partner.example.com:7443", &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		return
	}
	bad.Write([]byte(c.Email)) // want `Customer.Email \(email\) is sent over TLS without certificate verification via \(\*tls.Conn\).Write`
	var d net.Dialer
	dc, _ := d.Dial("udp", "10.0.0.7:514")
	fmt.Fprintln(dc, c.Name) // want `Customer.Name \(name\) is sent over a plaintext network connection via fmt.Fprintln`
}

// redial turns verification off after the first attempt.
func redial(c *Customer) {
	cfg := &tls.Config{}
	for i := 0; i < 2; i++ {
		conn, err := tls.Dial("tcp", "partner.example.com:7443", cfg)
		if err == nil {
			conn.Write([]byte(c.Email)) // want `Customer.Email \(email\) is sent over TLS without certificate verification via \(\*tls.Conn\).Write`
			conn.Close()
		}
		cfg.InsecureSkipVerify = true
	}
}
