package origin

import (
	"testing"

	"golang.org/x/tools/go/ssa"
)

// A judgeCase is a body of f that passes one value to use, and the kind
// a judgement gives the value; mark gives the value attributes first.
type judgeCase struct {
	name string
	body string
	want Kind
	mark Attr
}

// runJudge builds each case and compares judge's answer with its kind.
func runJudge(t *testing.T, cases []judgeCase, judge func(ch *Channels, v ssa.Value) Kind) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := build(t, inFunc(tc.body))
			v := s.value(t)
			mem := s.memory()
			mem[v] |= tc.mark
			ch := New(mem)
			if got := judge(ch, v); got != tc.want {
				t.Errorf("got %s, want %s\n%s", got, tc.want, tc.body)
			}
			ch.Reset()
			if got := judge(ch, v); got != tc.want {
				t.Errorf("after Reset: got %s, want %s", got, tc.want)
			}
		})
	}
}

// TestOf: what writing into a value, or sending through it, is.
func TestOf(t *testing.T) {
	runJudge(t, []judgeCase{
		{"net.Dial to a remote host", `c, _ := net.Dial("tcp", "partner.example.com:9000"); use(c)`, Conn, 0},
		{"net.Dial to localhost", `c, _ := net.Dial("tcp", "localhost:9000"); use(c)`, None, 0},
		{"net.Dial to a unix socket", `c, _ := net.Dial("unix", "/run/app.sock"); use(c)`, None, 0},
		{"net.Dialer.DialContext", `var d net.Dialer; c, _ := d.DialContext(ctx, "tcp", "10.0.0.1:9"); use(c)`, Conn, 0},
		{"net.DialTCP", `c, _ := net.DialTCP("tcp", nil, nil); use(c)`, Conn, 0},
		{"os.Create", `f, _ := os.Create("out.csv"); use(f)`, File, 0},
		{"a file parameter", `use(file)`, File, 0},
		{"a file parameter that is standard output", `use(file)`, None, AttrStdout},
		{"os.Stdout", `use(os.Stdout)`, None, 0},
		{"gzip over a file", `f, _ := os.Create("out.gz"); use(gzip.NewWriter(f))`, File, 0},
		{"bufio over a file made a writer", `f, _ := os.Create("out"); var wr io.Writer = f; use(bufio.NewWriter(wr))`, File, 0},
		{"bufio over standard output", `use(bufio.NewWriter(os.Stdout))`, None, 0},
		{"a writer that is a file on one path", `var out io.Writer = os.Stdout
	if b {
		f, _ := os.Create("out")
		out = f
	}
	use(out)`, File, 0},
		{"a file asserted to a writer", `var x any = file; use(x.(io.Writer))`, File, 0},
		{"an untraced writer", `use(w)`, None, 0},
		{"an unknown call", `use(io.Discard)`, None, 0},
		{"tls.Dial without verification", `c, _ := tls.Dial("tcp", "partner.example.com:443", &tls.Config{InsecureSkipVerify: true}); use(c)`, NoVerify, 0},
		{"tls.Dial below TLS 1.2", `c, _ := tls.Dial("tcp", "partner.example.com:443", &tls.Config{MinVersion: tls.VersionTLS10}); use(c)`, WeakTLS, 0},
		{"tls.Dial", `c, _ := tls.Dial("tcp", "partner.example.com:443", &tls.Config{}); use(c)`, None, 0},
		{"tls.Dial without a configuration", `c, _ := tls.Dial("tcp", "partner.example.com:443", nil); use(c)`, None, 0},
		{"tls.Dialer without verification", `d := &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}}; c, _ := d.Dial("tcp", "partner.example.com:443"); use(c)`, NoVerify, 0},
		{"smtp.Dial to a relay", `c, _ := smtp.Dial("mail.example.com:25"); use(c)`, SMTP, 0},
		{"smtp.Dial to loopback", `c, _ := smtp.Dial("localhost:25"); use(c)`, None, 0},
		{"smtp.Dial then StartTLS", `c, _ := smtp.Dial("mail.example.com:25"); c.StartTLS(&tls.Config{}); use(c)`, None, 0},
		{"StartTLS without verification", `c, _ := smtp.Dial("mail.example.com:25"); c.StartTLS(&tls.Config{InsecureSkipVerify: true}); wr, _ := c.Data(); use(wr)`, NoVerify, 0},
		{"smtp.NewClient over TCP", `conn, _ := net.Dial("tcp", "mail.example.com:25"); c, _ := smtp.NewClient(conn, "mail.example.com"); use(c)`, SMTP, 0},
		{"smtp.NewClient over TLS", `conn, _ := tls.Dial("tcp", "mail.example.com:465", nil); c, _ := smtp.NewClient(conn, "mail.example.com"); use(c)`, None, 0},
		{"gRPC with insecure credentials", `c, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(insecure.NewCredentials())); use(c)`, GRPC, 0},
		{"gRPC WithInsecure in an option slice", `opts := []grpc.DialOption{grpc.WithUserAgent("x"), grpc.WithInsecure()}; c, _ := grpc.NewClient("api.example.com:443", opts...); use(c)`, GRPC, 0},
		{"gRPC options appended", `var opts []grpc.DialOption
	if b {
		opts = append(opts, grpc.WithInsecure())
	}
	c, _ := grpc.DialContext(ctx, "api.example.com:443", opts...)
	use(c)`, GRPC, 0},
		{"gRPC with TLS without verification", `cr := credentials.NewTLS(&tls.Config{InsecureSkipVerify: true}); c, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(cr)); use(c)`, NoVerify, 0},
		{"gRPC with TLS", `c, _ := grpc.NewClient("api.example.com:443", grpc.WithTransportCredentials(credentials.NewTLS(&tls.Config{}))); use(c)`, None, 0},
		{"gRPC stream", `c, _ := grpc.NewClient("x", grpc.WithInsecure()); st, _ := c.NewStream(ctx, nil, "/S/M"); use(st)`, GRPC, 0},
		{"gRPC client stub", `c, _ := grpc.NewClient("x", grpc.WithInsecure()); use(NewGreeterClient(c))`, GRPC, 0},
		{"gorilla websocket to ws://", `d := &gorilla.Dialer{}; c, _, _ := d.Dial("ws://partner.example.com/feed", nil); wr, _ := c.NextWriter(1); use(wr)`, WS, 0},
		{"gorilla websocket to wss://", `d := &gorilla.Dialer{}; c, _, _ := d.Dial("wss://partner.example.com/feed", nil); use(c)`, None, 0},
		{"gorilla websocket without verification", `d := &gorilla.Dialer{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}; c, _, _ := d.Dial("wss://partner.example.com/feed", nil); use(c)`, NoVerify, 0},
		{"coder websocket to ws://", `c, _, _ := coder.Dial(ctx, "ws://partner.example.com/feed", nil); use(c)`, WS, 0},
		{"FTP", `c, _ := ftp.Dial("ftp.example.com:21"); use(c)`, FTP, 0},
		{"FTP over TLS", `c, _ := ftp.Dial("ftp.example.com:21", ftp.DialWithTLS(nil)); use(c)`, None, 0},
		{"FTP to loopback", `c, _ := ftp.Connect("localhost:21"); use(c)`, None, 0},
	}, (*Channels).Of)
}

// TestTransport: the channel parameter of a Transport sink row (a URL, a
// request, a connection).
func TestTransport(t *testing.T) {
	channel := func(ch *Channels, v ssa.Value) Kind { return ch.Transport("", nil, []ssa.Value{v}) }
	runJudge(t, []judgeCase{
		{"http URL", `use("http://partner.example.com/in")`, HTTP, 0},
		{"https URL", `use("https://partner.example.com/in")`, None, 0},
		{"http URL to loopback", `use("http://localhost:8080/in")`, None, 0},
		{"http URL to 127.0.0.1 with a user", `use("http://u:p@127.0.0.1:8080")`, None, 0},
		{"another scheme", `use("file:///tmp/x")`, None, 0},
		{"no scheme", `use("partner.example.com/in")`, Unknown, 0},
		{"unknown URL", `use(s)`, Unknown, 0},
		{"scheme then host", `use("http://" + s + "/in")`, HTTP, 0},
		{"https then host", `use("https://" + s)`, None, 0},
		{"unknown scheme", `use(s + "://partner.example.com")`, Unknown, 0},
		{"constant then path", `use("http://partner.example.com" + "/in?e=" + s)`, HTTP, 0},
		{"Sprintf", `use(fmt.Sprintf("http://partner.example.com/u?e=%s", s))`, HTTP, 0},
		{"Sprintf without a verb", `use(fmt.Sprintf("https://partner.example.com/u"))`, None, 0},
		{"Sprintf of the base", `use(fmt.Sprintf("%s/u", s))`, Unknown, 0},
		{"one of two URLs", `u := "https://partner.example.com"
	if b {
		u = "http://partner.example.com"
	}
	use(u)`, HTTP, 0},
		{"url.Parse", `u, _ := url.Parse("http://partner.example.com/in"); use(u)`, HTTP, 0},
		{"url.JoinPath", `u, _ := url.JoinPath("http://partner.example.com", "in"); use(u)`, HTTP, 0},
		{"url.URL literal", `u := &url.URL{Scheme: "http", Host: "partner.example.com"}; use(u)`, HTTP, 0},
		{"url.URL literal to loopback", `u := &url.URL{Scheme: "http", Host: "localhost"}; use(u.String())`, None, 0},
		{"url.URL value literal", `u := url.URL{Scheme: "http", Host: "partner.example.com", RawQuery: "e=" + s}; use(u.String())`, HTTP, 0},
		{"url.URL value literal, https", `u := url.URL{Scheme: "https", Host: "partner.example.com"}; use(u.String())`, None, 0},
		{"url.URL literal without a host", `u := &url.URL{Scheme: "http", Host: s}; use(u)`, HTTP, 0},
		{"package variable", `use(endpoint)`, HTTP, 0},
		{"request", `r, _ := http.NewRequest("POST", "http://partner.example.com/in", nil); use(r)`, HTTP, 0},
		{"request with context", `r, _ := http.NewRequestWithContext(ctx, "POST", "https://partner.example.com/in", nil); use(r.WithContext(ctx))`, None, 0},
		{"request parameter", `use(req)`, Unknown, 0},
		{"one of two requests", `r, _ := http.NewRequest("GET", "https://a.example.com", nil)
	if b {
		r = req
	}
	use(r)`, Unknown, 0},
		{"connection", `c, _ := net.Dial("tcp", "partner.example.com:9000"); use(c)`, Conn, 0},
		{"TLS configuration without verification", `use(&tls.Config{InsecureSkipVerify: true})`, NoVerify, 0},
	}, channel)
}

// TestTransportAddress: a protocol that starts in plaintext whatever the
// server (smtp.SendMail), and the receiver of a client's method.
func TestTransportAddress(t *testing.T) {
	runJudge(t, []judgeCase{
		{"a relay", `use("mail.example.com:25")`, SMTP, 0},
		{"loopback", `use("localhost:25")`, None, 0},
		{"an unknown address", `use(s)`, SMTP, 0},
	}, func(ch *Channels, v ssa.Value) Kind { return ch.Transport("smtp", nil, []ssa.Value{v}) })
	runJudge(t, []judgeCase{
		{"a client without verification", `cl := &http.Client{}; use(cl)`, NoVerify, AttrNoVerify},
		{"a client below TLS 1.2", `cl := &http.Client{}; use(cl)`, WeakTLS, AttrWeakTLS},
		{"a client", `cl := &http.Client{}; use(cl)`, None, 0},
	}, func(ch *Channels, v ssa.Value) Kind { return ch.Transport("", v, nil) })
}

// TestGRPCStub: the receiver of a method of a client built on a gRPC
// connection.
func TestGRPCStub(t *testing.T) {
	runJudge(t, []judgeCase{
		{"a stub on an insecure connection", `c, _ := grpc.NewClient("x", grpc.WithInsecure()); use(NewGreeterClient(c))`, GRPC, 0},
		{"a stub on a connection with TLS", `c, _ := grpc.NewClient("x", grpc.WithTransportCredentials(credentials.NewTLS(nil))); use(NewGreeterClient(c))`, None, 0},
		{"the connection itself", `c, _ := grpc.NewClient("x", grpc.WithInsecure()); use(c)`, None, 0},
		{"a library's result", `c, _ := grpc.NewClient("x", grpc.WithInsecure()); st, _ := c.NewStream(ctx, nil, "/S/M"); use(st)`, None, 0},
		{"not a result", `use(cc)`, None, 0},
	}, (*Channels).GRPCStub)
}

// TestGRPCServices: the methods of services registered on a server
// without TLS credentials.
func TestGRPCServices(t *testing.T) {
	const services = `
type DirectoryServer interface{ Find(name string) string }

func RegisterDirectoryServer(s *grpc.Server, srv DirectoryServer) {}

type directory struct{}

func (directory) Find(name string) string { return name }
func (directory) helper() string         { return "" }
`
	for _, tc := range []struct {
		name, body string
		want       Kind
	}{
		{"no options", `RegisterDirectoryServer(grpc.NewServer(), directory{})`, GRPCServer},
		{"insecure credentials", `RegisterDirectoryServer(grpc.NewServer(grpc.Creds(insecure.NewCredentials())), directory{})`, GRPC},
		{"TLS credentials", `RegisterDirectoryServer(grpc.NewServer(grpc.Creds(credentials.NewTLS(nil))), directory{})`, None},
		{"a server from elsewhere", `var srv *grpc.Server; RegisterDirectoryServer(srv, directory{})`, None},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := build(t, inFunc(tc.body)+services)
			got := GRPCServices(s.funcs)
			var want map[string]Kind
			if tc.want != None {
				want = map[string]Kind{"Find": tc.want}
			}
			if len(got) != len(want) {
				t.Errorf("got %v, want %v", got, want)
			}
			for fn, k := range got {
				if want[fn.Name()] != k {
					t.Errorf("%s: got %s, want %s", fn, k, want[fn.Name()])
				}
			}
		})
	}
}
