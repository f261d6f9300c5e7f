// Package httpcase sends customers over HTTP.
package httpcase

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

type Customer struct {
	ID    int
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Token string `pii:"token"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

const partner = "http://partner.example.com"

var (
	base       = "http://crm.example.com/api"
	secureBase = "https://crm.example.com/api"
)

func get(c *Customer) {
	http.Get("http://partner.example.com/lookup?email=" + c.Email) // want `Customer.Email \(email\) is sent over plaintext HTTP via http.Get`
	http.Get("https://partner.example.com/lookup?email=" + c.Email)
	http.Get("http://localhost:8080/lookup?email=" + c.Email)
	http.Get("http://127.0.0.1/lookup?email=" + c.Email)
	http.Get("http://[::1]:8080/lookup?email=" + c.Email)
	http.Get("http://partner.example.com/lookup?email=" + mask(c.Email))
	http.Get(fmt.Sprintf("http://%s/lookup?name=%s", "partner", c.Name)) // want `Customer.Name \(name\) is sent over plaintext HTTP via http.Get`
	http.Get(fmt.Sprintf("https://%s/lookup?name=%s", "partner", c.Name))
	http.Get(base + "/customers/" + c.Email) // want `Customer.Email \(email\) is sent over plaintext HTTP via http.Get`
	http.Get(secureBase + "/customers/" + c.Email)
	http.Get(partner + "/customers/" + fmt.Sprint(c.ID))
	http.Head(partner + "/customers/" + c.Name) // want `Customer.Name \(name\) is sent over plaintext HTTP via http.Head`
}

func post(c *Customer) error {
	body, err := json.Marshal(c)
	if err != nil {
		return err
	}
	resp, err := http.Post(partner+"/sync", "application/json", bytes.NewReader(body)) // want `Customer.Email \(email\), Customer.Name \(name\) and Customer.Token \(token, secret\) are sent over plaintext HTTP via http.Post`
	if err != nil {
		return err
	}
	resp.Body.Close()
	http.Post("https://partner.example.com/sync", "application/json", bytes.NewReader(body))
	http.PostForm("http://partner.example.com/form", url.Values{"email": {c.Email}}) // want `Customer.Email \(email\) is sent over plaintext HTTP via http.PostForm`
	return nil
}

func request(ctx context.Context, c *Customer) {
	u := &url.URL{Scheme: "http", Host: "partner.example.com", Path: "/v1/customers"}
	q := u.Query()
	q.Set("email", c.Email)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return
	}
	req.Header.Set("X-Customer-Name", c.Name)
	http.DefaultClient.Do(req) // want `Customer.Email \(email\) and Customer.Name \(name\) are sent over plaintext HTTP via \(\*http.Client\).Do`

	sreq, _ := http.NewRequest(http.MethodPost, "https://partner.example.com/v1", strings.NewReader(c.Email))
	sreq.Header.Add("X-Customer-Name", c.Name)
	http.DefaultClient.Do(sreq)

	creq, _ := http.NewRequest(http.MethodGet, "http://partner.example.com/v1/me", nil)
	creq.AddCookie(&http.Cookie{Name: "customer", Value: c.Email})
	creq.SetBasicAuth(c.Name, "secret")
	http.DefaultClient.Do(creq) // want `Customer.Email \(email\) and Customer.Name \(name\) are sent over plaintext HTTP via \(\*http.Client\).Do`

	preq, _ := url.Parse("http://partner.example.com/v1")
	http.DefaultClient.Get(preq.String() + "?n=" + c.Name) // want `Customer.Name \(name\) is sent over plaintext HTTP via \(\*http.Client\).Get`
}

func insecureClient(c *Customer) {
	tr := &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}
	client := &http.Client{Transport: tr}
	client.Post("https://partner.example.com/sync", "text/plain", strings.NewReader(c.Email)) // want `Customer.Email \(email\) is sent over TLS without certificate verification via \(\*http.Client\).Post`
	client.Get("https://partner.example.com/health")

	safe := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
	safe.Post("https://partner.example.com/sync", "text/plain", strings.NewReader(c.Email))
}

func laterAssignment(c *Customer) {
	cfg := &tls.Config{}
	cfg.MinVersion = tls.VersionTLS10
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	client.Get("https://partner.example.com/?n=" + c.Name) // want `Customer.Name \(name\) is sent over TLS below version 1.2 via \(\*http.Client\).Get`

	tr := &http.Transport{TLSClientConfig: &tls.Config{}}
	tr.TLSClientConfig.InsecureSkipVerify = true
	late := &http.Client{Transport: tr}
	late.Get("https://partner.example.com/?n=" + c.Name) // want `Customer.Name \(name\) is sent over TLS without certificate verification via \(\*http.Client\).Get`
}

// fromConfig sends to a URL the code does not know: reported only with
// -strict (see strictcase).
func fromConfig(endpoint string, c *Customer) {
	http.Get(endpoint + "?email=" + c.Email)
}

// retry turns verification off for the retries of a loop: the first
// request of the next round already goes without it.
func retry(c *Customer) {
	cfg := &tls.Config{}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: cfg}}
	for i := 0; i < 3; i++ {
		if _, err := client.Get("https://partner.example.com/?n=" + c.Name); err == nil { // want `Customer.Name \(name\) is sent over TLS without certificate verification via \(\*http.Client\).Get`
			return
		}
		cfg.InsecureSkipVerify = true
	}
}
