// Package ftpcase uploads customer files over FTP.
package ftpcase

import (
	"crypto/tls"
	"strings"

	"github.com/jlaffaye/ftp"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func upload(c *Customer) error {
	conn, err := ftp.Dial("ftp.example.com:21")
	if err != nil {
		return err
	}
	defer conn.Quit()
	return conn.Stor("customers.txt", strings.NewReader(c.Email+","+c.Name)) // want `Customer.Email \(email\) and Customer.Name \(name\) are sent over plaintext FTP via \(\*ftp.ServerConn\).Stor`
}

func uploadTLS(c *Customer) error {
	conn, err := ftp.Dial("ftp.example.com:21", ftp.DialWithExplicitTLS(&tls.Config{ServerName: "ftp.example.com"}))
	if err != nil {
		return err
	}
	defer conn.Quit()
	return conn.Stor("customers.txt", strings.NewReader(c.Email))
}
