// Package httpsend syncs customers to a partner over HTTP.
package httpsend

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net/http"

	"example.com/transports/model"
)

const partner = "http://partner.example.com/api"

// Sync posts the record over plaintext HTTP.
func Sync(c *model.Customer) error {
	body, err := json.Marshal(c)
	if err != nil {
		return err
	}
	resp, err := http.Post(partner+"/customers", "application/json", bytes.NewReader(body)) // want "Customer.Email (email) and Customer.Name (name) are sent over plaintext HTTP via http.Post"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SyncUnverified posts over TLS without certificate verification.
func SyncUnverified(c *model.Customer) error {
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	req, err := http.NewRequest(http.MethodPut, "https://partner.example.com/api/customers", nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Customer-Email", c.Email)
	resp, err := client.Do(req) // want "Customer.Email (email) is sent over TLS without certificate verification via (*http.Client).Do"
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// SyncLocal posts to a sidecar on the loopback interface: not reported.
func SyncLocal(c *model.Customer) error {
	resp, err := http.Post("http://127.0.0.1:8080/customers", "text/plain", bytes.NewReader([]byte(c.Email)))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
