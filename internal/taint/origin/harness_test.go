package origin

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/ssa"
	"golang.org/x/tools/go/ssa/ssautil"

	"github.com/piilint/piilint/internal/taint/ssax"
)

// The standard library is type-checked from source once for all tests,
// in one file set; the libraries outside it that the rules name are the
// stubs below, with the paths and the signatures (as far as the rules
// read them) of the real ones.
var (
	sharedFset     = token.NewFileSet()
	sharedImporter = importer.ForCompiler(sharedFset, "source", nil)
	stubs          = map[string]*types.Package{}
	stubsOnce      sync.Once
)

// stubSources are type-checked in this order: each imports only the
// standard library and the stubs before it.
var stubSources = []struct{ path, src string }{
	{"google.golang.org/grpc/credentials", `package credentials
import "crypto/tls"
type TransportCredentials interface{ Info() string }
func NewTLS(c *tls.Config) TransportCredentials`},
	{"google.golang.org/grpc/credentials/insecure", `package insecure
import "google.golang.org/grpc/credentials"
func NewCredentials() credentials.TransportCredentials`},
	{"google.golang.org/grpc", `package grpc
import ("context"; "google.golang.org/grpc/credentials")
type DialOption interface{ apply() }
type ServerOption interface{ apply() }
type CallOption interface{ before() }
type StreamDesc struct{}
type ClientStream interface{ SendMsg(m any) error }
type ClientConnInterface interface{ Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error }
type ClientConn struct{}
func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
type Server struct{}
func NewClient(target string, opts ...DialOption) (*ClientConn, error)
func DialContext(ctx context.Context, target string, opts ...DialOption) (*ClientConn, error)
func WithInsecure() DialOption
func WithTransportCredentials(creds credentials.TransportCredentials) DialOption
func WithUserAgent(s string) DialOption
func NewServer(opt ...ServerOption) *Server
func Creds(c credentials.TransportCredentials) ServerOption`},
	{"github.com/gorilla/websocket", `package websocket
import ("crypto/tls"; "io"; "net/http")
type Dialer struct{ TLSClientConfig *tls.Config }
type Conn struct{}
func (d *Dialer) Dial(urlStr string, requestHeader http.Header) (*Conn, *http.Response, error)
func (c *Conn) NextWriter(messageType int) (io.WriteCloser, error)`},
	{"github.com/coder/websocket", `package websocket
import ("context"; "net/http")
type DialOptions struct{}
type Conn struct{}
func Dial(ctx context.Context, u string, opts *DialOptions) (*Conn, *http.Response, error)`},
	{"github.com/jlaffaye/ftp", `package ftp
import "crypto/tls"
type DialOption struct{}
type ServerConn struct{}
func Dial(addr string, options ...DialOption) (*ServerConn, error)
func DialWithTLS(tlsConfig *tls.Config) DialOption
func DialWithExplicitTLS(tlsConfig *tls.Config) DialOption
func Connect(addr string) (*ServerConn, error)`},
}

type stubImporter struct{}

func (stubImporter) Import(path string) (*types.Package, error) {
	if p, ok := stubs[path]; ok {
		return p, nil
	}
	return sharedImporter.Import(path)
}

func loadStubs(t testing.TB) {
	stubsOnce.Do(func() {
		for _, s := range stubSources {
			f, err := parser.ParseFile(sharedFset, s.path+"/stub.go", s.src, 0)
			if err != nil {
				t.Fatal(err)
			}
			conf := &types.Config{Importer: stubImporter{}}
			p, err := conf.Check(s.path, sharedFset, []*ast.File{f}, nil)
			if err != nil {
				t.Fatal(err)
			}
			stubs[s.path] = p
		}
	})
	if len(stubs) != len(stubSources) {
		t.Fatal("stubs did not load")
	}
}

// snippet is a package p built into SSA: its source functions, and the
// values passed to calls of use (through conversions to any).
type snippet struct {
	funcs []*ssa.Function
	used  []ssa.Value
}

// build parses, type-checks and builds src (package p).
func build(t testing.TB, src string) *snippet {
	t.Helper()
	loadStubs(t)
	f, err := parser.ParseFile(sharedFset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := &types.Config{Importer: stubImporter{}}
	pkg, _, err := ssautil.BuildPackage(conf, sharedFset, types.NewPackage("p", "p"), []*ast.File{f}, 0)
	if err != nil {
		t.Fatalf("%v\n%s", err, src)
	}
	s := &snippet{}
	for fn := range ssautil.AllFunctions(pkg.Prog) {
		if fn.Pkg == pkg && fn.Synthetic == "" {
			s.funcs = append(s.funcs, fn)
		}
	}
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				c, ok := in.(*ssa.Call)
				if !ok {
					continue
				}
				if obj, _ := ssax.CalleeObj(&c.Call); obj != nil && obj.Pkg() == pkg.Pkg && obj.Name() == "use" {
					s.used = append(s.used, ssax.Unwrap(c.Call.Args[0]))
				}
			}
		}
	}
	return s
}

// value is the one value passed to use.
func (s *snippet) value(t testing.TB) ssa.Value {
	t.Helper()
	if len(s.used) != 1 {
		t.Fatalf("%d values passed to use, want 1", len(s.used))
	}
	return s.used[0]
}

// memory is the fake Memory of a snippet: the attributes TLSStore gives
// the TLS configurations the snippet stores into, and those a test marks.
func (s *snippet) memory() fakeMemory {
	m := fakeMemory{}
	for _, fn := range s.funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				if st, ok := in.(*ssa.Store); ok {
					if cfg, a := TLSStore(st); a != 0 {
						m[cfg] |= a
					}
				}
			}
		}
	}
	return m
}

// fakeMemory keeps attributes per value. DeepAttrs adds those of the
// values stored into the fields of a value's literal, recursively: a
// dialer's or a client's TLS configuration.
type fakeMemory map[ssa.Value]Attr

func (m fakeMemory) Attrs(v ssa.Value) Attr { return m[v] }

// FieldAttrs: the snippets store no file into a field.
func (m fakeMemory) FieldAttrs(*types.Var) Attr { return 0 }

func (m fakeMemory) DeepAttrs(v ssa.Value) Attr {
	a := m[v]
	refs := v.Referrers()
	if refs == nil {
		return a
	}
	for _, r := range *refs {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || fa.X != v {
			continue
		}
		for _, rr := range *fa.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == fa {
				a |= m.DeepAttrs(st.Val)
			}
		}
	}
	return a
}

// header imports what the snippets use and declares use (the marker) and
// a gRPC client as protoc-gen-go-grpc generates one.
const header = `package p

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/smtp"
	"net/url"
	"os"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	gorilla "github.com/gorilla/websocket"
	coder "github.com/coder/websocket"
	"github.com/jlaffaye/ftp"
)

// Every import is used whatever the body of f.
var _ = []any{bufio.NewWriter, gzip.NewWriter, tls.Dial, fmt.Sprintf, net.Dial, smtp.Dial, url.Parse,
	credentials.NewTLS, insecure.NewCredentials, gorilla.Dialer{}, coder.Dial, ftp.Dial}

var endpoint = "http://partner.example.com/in"

func use(any) {}

type GreeterClient interface{ SayHello(ctx context.Context, name string) error }

type greeterClient struct{ cc grpc.ClientConnInterface }

func (c *greeterClient) SayHello(ctx context.Context, name string) error {
	return c.cc.Invoke(ctx, "/Greeter/SayHello", name, nil)
}

func NewGreeterClient(cc grpc.ClientConnInterface) GreeterClient { return &greeterClient{cc} }
`

// inFunc is a snippet whose body is that of f, with parameters of the
// kinds the values the code does not make come from.
func inFunc(body string) string {
	return header + "\nfunc f(ctx context.Context, b bool, s string, file *os.File, w io.Writer, req *http.Request, cc *grpc.ClientConn) {\n" +
		strings.TrimSpace(body) + "\n}\n"
}
