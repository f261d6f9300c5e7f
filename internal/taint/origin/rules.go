package origin

import (
	"maps"
	"slices"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/taint/ssax"
)

// This file is the package's knowledge of libraries: the tables keyed by
// full function name (sinks.Key), and the names of packages, types,
// fields and functions the rules recognise, besides their tables. Keys
// lists every function name for the test that checks them against the
// real packages.

// The packages, types and fields the rules recognise by name.
const (
	osPkg   = "os"
	osFile  = "File"
	grpcPkg = "google.golang.org/grpc"
	tlsPkg  = "crypto/tls"
	httpPkg = "net/http"
	urlPkg  = "net/url"

	httpRequest    = "Request"
	urlURL         = "URL"
	urlScheme      = "Scheme"
	urlHost        = "Host"
	tlsConfig      = "Config"
	grpcClientConn = "ClientConn"
	grpcConnIface  = "ClientConnInterface"

	schemeHTTP  = "http"
	schemeWS    = "ws"
	unixNetwork = "unix" // "unix", "unixgram", "unixpacket"

	// protoc-gen-go-grpc names the function that registers a service
	// RegisterFooServer.
	registerPrefix = "Register"
	registerSuffix = "Server"
)

// The functions the rules recognise by name, besides their tables.
const (
	grpcWithInsecure  = "google.golang.org/grpc.WithInsecure"
	grpcWithCreds     = "google.golang.org/grpc.WithTransportCredentials"
	grpcInsecureCreds = "google.golang.org/grpc/credentials/insecure.NewCredentials"
	grpcTLSCreds      = "google.golang.org/grpc/credentials.NewTLS"
	grpcNewServer     = "google.golang.org/grpc.NewServer"
	grpcServerCreds   = "google.golang.org/grpc.Creds"
	smtpStartTLS      = "(*net/smtp.Client).StartTLS"
	ftpDialWithTLS    = "github.com/jlaffaye/ftp.DialWithTLS"
	ftpExplicitTLS    = "github.com/jlaffaye/ftp.DialWithExplicitTLS"
)

// namedFuncs are the functions of the constants above.
var namedFuncs = []string{grpcWithInsecure, grpcWithCreds, grpcInsecureCreds, grpcTLSCreds, grpcNewServer, grpcServerCreds, smtpStartTLS, ftpDialWithTLS, ftpExplicitTLS}

// Keys are the full function names (sinks.Key) the package's tables and
// named functions refer to, sorted: a misspelt one is a rule that never
// applies.
func Keys() []string {
	keys := slices.Concat(
		slices.Collect(maps.Keys(originRules)),
		slices.Collect(maps.Keys(plainWrappers)),
		slices.Collect(maps.Keys(urlFuncs)),
		slices.Collect(maps.Keys(requestURLs)),
		slices.Collect(maps.Keys(requestCopies)),
		slices.Collect(maps.Keys(grpcDialOptions)),
		slices.Collect(maps.Keys(grpcCredentials)),
		namedFuncs,
	)
	slices.Sort(keys)
	return slices.Compact(keys)
}

// plainWrappers are the constructors whose result writes, unencrypted,
// into the writer arguments they are given: a gzip writer over a file
// still makes a readable file. A constructor not listed here (an
// encrypting writer from another package) does not pass its writer's
// channel on.
var plainWrappers = map[string]bool{
	"bufio.NewWriter":              true,
	"bufio.NewWriterSize":          true,
	"bufio.NewReadWriter":          true,
	"compress/gzip.NewWriter":      true,
	"compress/gzip.NewWriterLevel": true,
	"compress/zlib.NewWriter":      true,
	"compress/zlib.NewWriterLevel": true,
	"compress/flate.NewWriter":     true,
	"compress/lzw.NewWriter":       true,
	"text/tabwriter.NewWriter":     true,
	"io.MultiWriter":               true,
	"encoding/csv.NewWriter":       true,
	"encoding/json.NewEncoder":     true,
	"encoding/xml.NewEncoder":      true,
	"encoding/gob.NewEncoder":      true,
}

// addressOrigins are the kinds of the protocols of sinks.Sink.Address.
var addressOrigins = map[string]Kind{"smtp": SMTP}

// call is a library call whose result a rule judges: its arguments,
// receiver first, and its result.
type call struct {
	args []ssa.Value
	res  ssa.Value
}

// arg returns argument i, or nil.
func (c call) arg(i int) ssa.Value {
	if i >= 0 && i < len(c.args) {
		return c.args[i]
	}
	return nil
}

// last returns the last argument, or nil.
func (c call) last() ssa.Value { return c.arg(len(c.args) - 1) }

// A rule says what the result of a library call is as a channel.
type rule func(ch *Channels, c call) Kind

// originRules are the library calls that make connections, clients and
// writers, keyed by full function name (sinks.Key), argument indices
// counting the receiver. Filled by init: the rules call Of, which reads
// the table.
var originRules map[string]rule

func init() {
	netDial := func(network, addr int) rule {
		return func(_ *Channels, c call) Kind { return netOrigin(c.arg(network), c.arg(addr)) }
	}
	conn := func(*Channels, call) Kind { return Conn }
	tlsLast := func(ch *Channels, c call) Kind { return ch.tlsOrigin(c.last()) }
	tlsArg := func(i int) rule {
		return func(ch *Channels, c call) Kind { return ch.tlsOrigin(c.arg(i)) }
	}
	same := func(i int) rule { // a writer or stream of the argument's channel
		return func(ch *Channels, c call) Kind { return ch.Of(c.arg(i)) }
	}
	wsDial := func(url int) rule {
		return func(ch *Channels, c call) Kind {
			return Worse(ch.urlOrigin(c.arg(url), schemeWS), ch.tlsOrigin(c.arg(0)))
		}
	}
	ftpDial := func(_ *Channels, c call) Kind {
		if hostOf(ssax.ConstString(c.arg(0))) == loopback {
			return None
		}
		return FTP
	}
	grpcDial := func(opts int) rule {
		return func(ch *Channels, c call) Kind { return ch.grpcOrigin(c.arg(opts)) }
	}
	originRules = map[string]rule{
		"net.Dial":                         netDial(0, 1),
		"net.DialTimeout":                  netDial(0, 1),
		"(*net.Dialer).Dial":               netDial(1, 2),
		"(*net.Dialer).DialContext":        netDial(2, 3),
		"net.DialTCP":                      conn,
		"net.DialUDP":                      conn,
		"net.DialIP":                       conn,
		"crypto/tls.Dial":                  tlsLast,
		"crypto/tls.Client":                tlsLast,
		"crypto/tls.Server":                tlsLast,
		"crypto/tls.DialWithDialer":        tlsArg(3),
		"(*crypto/tls.Dialer).Dial":        tlsArg(0),
		"(*crypto/tls.Dialer).DialContext": tlsArg(0),
		"net/smtp.Dial": func(ch *Channels, c call) Kind {
			if hostOf(ssax.ConstString(c.arg(0))) == loopback {
				return None
			}
			return ch.smtpClient(c.res)
		},
		"net/smtp.NewClient": func(ch *Channels, c call) Kind {
			if o := ch.Of(c.arg(0)); o != Conn {
				return o
			}
			return ch.smtpClient(c.res)
		},
		"(*net/smtp.Client).Data":                            same(0),
		"(*github.com/gorilla/websocket.Dialer).Dial":        wsDial(1),
		"(*github.com/gorilla/websocket.Dialer).DialContext": wsDial(2),
		"github.com/coder/websocket.Dial": func(ch *Channels, c call) Kind {
			return ch.urlOrigin(c.arg(1), schemeWS)
		},
		"(*github.com/gorilla/websocket.Conn).NextWriter": same(0),
		"(*github.com/coder/websocket.Conn).Writer":       same(0),
		"github.com/jlaffaye/ftp.Dial": func(ch *Channels, c call) Kind {
			if optionCalls(c.arg(1), ftpDialWithTLS, ftpExplicitTLS) {
				return None
			}
			return ftpDial(ch, c)
		},
		"github.com/jlaffaye/ftp.DialTimeout":            ftpDial,
		"github.com/jlaffaye/ftp.Connect":                ftpDial,
		"google.golang.org/grpc.NewClient":               grpcDial(1),
		"google.golang.org/grpc.Dial":                    grpcDial(1),
		"google.golang.org/grpc.DialContext":             grpcDial(2),
		"(*google.golang.org/grpc.ClientConn).NewStream": same(0),
	}
}
