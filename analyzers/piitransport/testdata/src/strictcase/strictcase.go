// Package strictcase sends to URLs known only at run time.
package strictcase

import "net/http"

type Customer struct {
	ID    int
	Email string `pii:"email"`
}

func fromConfig(endpoint string, c *Customer) {
	http.Get(endpoint + "?email=" + c.Email) // want `Customer.Email \(email\) is sent over a channel whose encryption is not known at analysis time via http.Get`
	http.Get("https://api.example.com/?email=" + c.Email)
}

func request(req *http.Request, c *Customer) {
	req.Header.Set("X-Email", c.Email)
	http.DefaultClient.Do(req) // want `Customer.Email \(email\) is sent over a channel whose encryption is not known at analysis time via \(\*http.Client\).Do`
}
