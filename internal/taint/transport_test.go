package taint

import (
	"fmt"
	"reflect"
	"testing"
)

// runClasses is run with the sink class of each finding: "line: Name class".
func runClasses(t *testing.T, src string) []string {
	t.Helper()
	in := prepare(t, src)
	var got []string
	for _, f := range Run(in).Findings {
		got = append(got, fmt.Sprintf("%d: %s %s", in.Fset.Position(f.Pos).Line, f.Source.Name, f.Sink.Class))
	}
	return got
}

const transportHeader = `package p

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/smtp"
	"net/url"
	"strings"
)

type C struct {
	ID    int
	Email string ` + "`pii:\"email\"`" + `
}

var (
	_ = bytes.NewReader
	_ = tls.Dial
	_ = json.Marshal
	_ = fmt.Sprintf
	_ io.Writer
	_ = log.Print
	_ = net.Dial
	_ = http.Get
	_ = smtp.SendMail
	_ = url.Parse
	_ = strings.NewReader
)
`

// TestTransports runs the engine on transports alone: the origin of each
// URL, connection, client and TLS configuration decides whether a write
// is a finding. Each construct has a reported and a clean twin.
func TestTransports(t *testing.T) {
	const first = 37 // the line of the first statement of use
	for _, tc := range []struct {
		name string
		body string
		want []int // lines relative to first whose finding is a transport
	}{
		{"http.Post to a plaintext host", `http.Post("http://partner.example.com/in", "text/plain", strings.NewReader(c.Email))`, []int{0}},
		{"http.Post over https", `http.Post("https://partner.example.com/in", "text/plain", strings.NewReader(c.Email))`, nil},
		{"http.Post to loopback", `http.Post("http://localhost:8080/in", "text/plain", strings.NewReader(c.Email))`, nil},
		{"URL from Sprintf with a plaintext scheme", `http.Get(fmt.Sprintf("http://partner.example.com/u?e=%s", c.Email))`, []int{0}},
		{"URL from url.URL literal", `u := url.URL{Scheme: "http", Host: "partner.example.com", RawQuery: "e=" + c.Email}
	http.Get(u.String())`, []int{1}},
		{"request built then sent", `req, _ := http.NewRequest("POST", "http://partner.example.com/in", strings.NewReader(c.Email))
	http.DefaultClient.Do(req)`, []int{1}},
		{"JSON body", `b, _ := json.Marshal(c)
	http.Post("http://partner.example.com/in", "application/json", bytes.NewReader(b))`, []int{1}},
		{"client that skips verification", `cl := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	cl.Post("https://partner.example.com/in", "text/plain", strings.NewReader(c.Email))`, []int{1}},
		{"client that verifies", `cl := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12}}}
	cl.Post("https://partner.example.com/in", "text/plain", strings.NewReader(c.Email))`, nil},
		{"raw TCP connection", `conn, _ := net.Dial("tcp", "partner.example.com:9000")
	fmt.Fprintf(conn, "%s\n", c.Email)`, []int{1}},
		{"unix socket", `conn, _ := net.Dial("unix", "/run/app.sock")
	fmt.Fprintf(conn, "%s\n", c.Email)`, nil},
		{"TLS connection without verification", `conn, _ := tls.Dial("tcp", "partner.example.com:443", &tls.Config{InsecureSkipVerify: true})
	io.WriteString(conn, c.Email)`, []int{1}},
		{"TLS connection", `conn, _ := tls.Dial("tcp", "partner.example.com:443", &tls.Config{})
	io.WriteString(conn, c.Email)`, nil},
		{"TLS wrapping a TCP connection", `raw, _ := net.Dial("tcp", "partner.example.com:443")
	conn := tls.Client(raw, &tls.Config{ServerName: "partner.example.com"})
	conn.Write([]byte(c.Email))`, nil},
		{"SendMail to a relay", `smtp.SendMail("mail.example.com:25", nil, "a@example.com", []string{c.Email}, []byte("hi"))`, []int{0}},
		{"SendMail to loopback", `smtp.SendMail("localhost:25", nil, "a@example.com", []string{c.Email}, []byte("hi"))`, nil},
		{"an identifier only", `http.Post("http://partner.example.com/in", "text/plain", strings.NewReader(fmt.Sprint(c.ID)))`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := transportHeader + "\nfunc use(c *C) {\n\t" + tc.body + "\n}\n"
			var want []string
			for _, l := range tc.want {
				want = append(want, fmt.Sprintf("%d: Email transport", first+l))
			}
			if got := runClasses(t, src); !reflect.DeepEqual(got, want) {
				t.Errorf("findings = %q, want %q\n%s", got, want, src)
			}
		})
	}
}
