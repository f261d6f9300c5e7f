package taint

import (
	"go/constant"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
)

// An origin is where writing into a value, or sending through it, takes
// data: the engine tells files and unprotected network channels from
// memory, protected channels and writers it cannot trace.
type origin uint8

const (
	originNone       origin = iota // memory, a protected channel, an untraceable writer
	originUnknown                  // a URL or request not known at analysis time
	originGRPCServer               // a gRPC server without transport credentials
	originWeakTLS                  // TLS below version 1.2
	originNoVerify                 // TLS without certificate verification
	originFile                     // a file on disk, in the clear
	originHTTP                     // http:// to a host that is not loopback
	originConn                     // a TCP or UDP connection without TLS
	originSMTP                     // SMTP without STARTTLS
	originWS                       // ws://
	originFTP                      // FTP without TLS
	originGRPC                     // gRPC with insecure credentials
)

// worse returns the origin that a message should name when data goes
// through both: a definite problem beats an unknown one.
func worse(a, b origin) origin { return max(a, b) }

// dest is the sink class and the message's wording of an origin.
func (o origin) dest() (sinks.Class, string) {
	if d, ok := dests[o]; ok {
		return d.class, d.dest
	}
	return "", ""
}

var dests = map[origin]struct {
	class sinks.Class
	dest  string
}{
	originFile:       {sinks.Export, sinks.DestFile},
	originHTTP:       {sinks.Transport, sinks.DestHTTP},
	originConn:       {sinks.Transport, sinks.DestConn},
	originSMTP:       {sinks.Transport, sinks.DestSMTP},
	originWS:         {sinks.Transport, sinks.DestWS},
	originFTP:        {sinks.Transport, sinks.DestFTP},
	originGRPC:       {sinks.Transport, sinks.DestGRPC},
	originNoVerify:   {sinks.Transport, sinks.DestNoVerify},
	originWeakTLS:    {sinks.Transport, sinks.DestWeakTLS},
	originUnknown:    {sinks.Transport, sinks.DestUnknown},
	originGRPCServer: {sinks.Transport, sinks.DestGRPCServer},
}

// plainWrappers are the constructors whose result writes, unencrypted,
// into the writer arguments they are given: a gzip writer over a file
// still makes a readable file. A constructor not listed here (an
// encrypting writer from another package) does not pass its writer's
// origin on.
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

// originOf tells where writing into v, or sending through it, takes
// data: an *os.File other than standard output and error (os.Create, a
// parameter of that type), a connection from net.Dial, smtp.Dial, a ws://
// dial, an FTP dial, a gRPC connection with insecure credentials, TLS
// without verification, or a plain wrapper over one of these. It is
// decided from v's definition within its function.
func (e *engine) originOf(v ssa.Value) origin {
	if o, ok := e.origins[v]; ok {
		return o
	}
	e.origins[v] = originNone // cycles through phis
	o := originNone
	if e.attrs(v)&attrStdout == 0 {
		o = e.origin1(v)
	}
	e.origins[v] = o
	return o
}

func (e *engine) origin1(v ssa.Value) origin {
	if isNamed(v.Type(), "os", "File") {
		if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
			if g, ok := u.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
				return originNone // os.Stdin, os.Stdout, os.Stderr
			}
		}
		return originFile
	}
	switch v.(type) {
	case *ssa.Call, *ssa.Extract:
		// Not through unwrap: a conversion's operand has an origin of
		// its own (an *os.File made an io.Writer).
		if call := resultOf(v); call != nil {
			return e.callOrigin(call, v)
		}
	}
	switch v := v.(type) {
	case *ssa.MakeInterface:
		return e.originOf(v.X)
	case *ssa.ChangeInterface:
		return e.originOf(v.X)
	case *ssa.ChangeType:
		return e.originOf(v.X)
	case *ssa.TypeAssert:
		return e.originOf(v.X)
	case *ssa.Phi:
		return overEdges(v, e.originOf)
	}
	return originNone
}

// callOrigin is the origin of the value (the call, or its first result
// res) a call returns.
func (e *engine) callOrigin(call *ssa.Call, res ssa.Value) origin {
	obj, _ := calleeObj(&call.Call)
	if obj == nil {
		return originNone
	}
	args := callArgs(&call.Call)
	arg := func(i int) ssa.Value {
		if i < len(args) {
			return args[i]
		}
		return nil
	}
	key := sinks.Key(obj)
	if plainWrappers[key] {
		o := originNone
		for _, a := range args {
			o = worse(o, e.originOf(a))
		}
		return o
	}
	switch key {
	case "net.Dial", "net.DialTimeout":
		return netOrigin(arg(0), arg(1))
	case "(*net.Dialer).Dial":
		return netOrigin(arg(1), arg(2))
	case "(*net.Dialer).DialContext":
		return netOrigin(arg(2), arg(3))
	case "net.DialTCP", "net.DialUDP", "net.DialIP":
		return originConn
	case "crypto/tls.Dial", "crypto/tls.Client", "crypto/tls.Server":
		return e.tlsOrigin(arg(len(args) - 1))
	case "crypto/tls.DialWithDialer":
		return e.tlsOrigin(arg(3))
	case "(*crypto/tls.Dialer).Dial", "(*crypto/tls.Dialer).DialContext":
		return e.tlsOrigin(arg(0))
	case "net/smtp.Dial":
		if hostOf(constString(arg(0))) == loopback {
			return originNone
		}
		return e.smtpClient(res)
	case "net/smtp.NewClient":
		if o := e.originOf(arg(0)); o != originConn {
			return o
		}
		return e.smtpClient(res)
	case "(*net/smtp.Client).Data":
		return e.originOf(arg(0))
	case "(*github.com/gorilla/websocket.Dialer).Dial":
		return worse(e.urlOrigin(arg(1), "ws"), e.tlsOrigin(arg(0)))
	case "(*github.com/gorilla/websocket.Dialer).DialContext":
		return worse(e.urlOrigin(arg(2), "ws"), e.tlsOrigin(arg(0)))
	case "github.com/coder/websocket.Dial":
		return e.urlOrigin(arg(1), "ws")
	case "(*github.com/gorilla/websocket.Conn).NextWriter", "(*github.com/coder/websocket.Conn).Writer":
		return e.originOf(arg(0))
	case "github.com/jlaffaye/ftp.Dial":
		if hostOf(constString(arg(0))) == loopback || e.optionCalls(arg(1), "github.com/jlaffaye/ftp.DialWithTLS", "github.com/jlaffaye/ftp.DialWithExplicitTLS") {
			return originNone
		}
		return originFTP
	case "github.com/jlaffaye/ftp.DialTimeout", "github.com/jlaffaye/ftp.Connect":
		if hostOf(constString(arg(0))) == loopback {
			return originNone
		}
		return originFTP
	case "google.golang.org/grpc.NewClient", "google.golang.org/grpc.Dial":
		return e.grpcOrigin(arg(1))
	case "google.golang.org/grpc.DialContext":
		return e.grpcOrigin(arg(2))
	case "(*google.golang.org/grpc.ClientConn).NewStream":
		return e.originOf(arg(0))
	}
	// A client built on a gRPC connection (a generated stub,
	// pb.NewGreeterClient(cc)) sends over it.
	for _, a := range args {
		if isGRPCConn(a.Type()) {
			if o := e.originOf(a); o != originNone {
				return o
			}
		}
	}
	return originNone
}

// callArgs are a call's arguments, receiver first.
func callArgs(c *ssa.CallCommon) []ssa.Value {
	if c.IsInvoke() {
		return append([]ssa.Value{c.Value}, c.Args...)
	}
	return c.Args
}

func isGRPCConn(t types.Type) bool {
	return isNamed(t, "google.golang.org/grpc", "ClientConn") || isNamed(t, "google.golang.org/grpc", "ClientConnInterface")
}

// isNamed reports whether t is the named type pkg.name or a pointer to it.
func isNamed(t types.Type, pkg, name string) bool {
	if p := pointee(t); p != nil {
		t = p
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == pkg && n.Obj().Name() == name
}

// netOrigin judges net.Dial(network, address): a Unix socket or a
// loopback address stays on the machine.
func netOrigin(network, address ssa.Value) origin {
	if n, ok := constString(network); ok && strings.HasPrefix(n, "unix") {
		return originNone
	}
	if hostOf(constString(address)) == loopback {
		return originNone
	}
	return originConn
}

// smtpClient judges an SMTP client made in plaintext: StartTLS called on
// it makes it protected, as far as the TLS configuration given says.
func (e *engine) smtpClient(client ssa.Value) origin {
	if client == nil {
		return originSMTP
	}
	for _, r := range *client.Referrers() {
		c, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		cc := c.Common()
		if obj, _ := calleeObj(cc); obj != nil && sinks.Key(obj) == "(*net/smtp.Client).StartTLS" {
			if args := callArgs(cc); len(args) == 2 && args[0] == client {
				return e.tlsOrigin(args[1])
			}
		}
	}
	return originSMTP
}

// tlsOrigin judges a TLS configuration (or a value holding one, such as a
// transport, a client, a dialer): InsecureSkipVerify set to true, or a
// minimum or maximum version below TLS 1.2, by literal or by a later
// assignment.
func (e *engine) tlsOrigin(v ssa.Value) origin {
	if v == nil {
		return originNone
	}
	a := e.deepAttrs(v)
	switch {
	case a&attrNoVerify != 0:
		return originNoVerify
	case a&attrWeakTLS != 0:
		return originWeakTLS
	}
	return originNone
}

// deepAttrs are the attributes of v's memory and of the memory it refers
// to, a few references deep: a client's transport's TLS configuration.
func (e *engine) deepAttrs(v ssa.Value) attr {
	a := e.attrs(v)
	e.eachPointee(v, func(p *location) { a |= p.attrs })
	return a
}

// tlsStore marks a TLS configuration whose fields are set to values that
// leave it without verification or below TLS 1.2.
func (e *engine) tlsStore(st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !isNamed(fa.X.Type(), "crypto/tls", "Config") {
		return
	}
	k, ok := st.Val.(*ssa.Const)
	if !ok || k.Value == nil {
		return
	}
	var a attr
	switch fieldName(fa.X.Type(), fa.Field) {
	case "InsecureSkipVerify":
		if constant.BoolVal(k.Value) {
			a = attrNoVerify
		}
	case "MinVersion", "MaxVersion":
		if v, ok := constant.Uint64Val(k.Value); ok && v != 0 && v < 0x0303 {
			a = attrWeakTLS
		}
	}
	if a == 0 {
		return
	}
	// The configuration and what holds it, when it was reached through
	// fields: tr.TLSClientConfig.InsecureSkipVerify = true marks tr.
	v := fa.X
	for range maxDepth {
		e.setAttr(v, a)
		ld, ok := v.(*ssa.UnOp)
		if !ok || ld.Op != token.MUL {
			break
		}
		up, ok := ld.X.(*ssa.FieldAddr)
		if !ok {
			break
		}
		v = up.X
	}
}

// grpcOrigin judges the dial options of a gRPC connection: credentials
// from insecure.NewCredentials() or WithInsecure(), directly or in an
// option slice; TLS credentials whose configuration does not verify.
func (e *engine) grpcOrigin(opts ssa.Value) origin {
	o := originNone
	e.eachOption(opts, func(c *ssa.Call) {
		obj, _ := calleeObj(&c.Call)
		if obj == nil {
			return
		}
		switch sinks.Key(obj) {
		case "google.golang.org/grpc.WithInsecure":
			o = worse(o, originGRPC)
		case "google.golang.org/grpc.WithTransportCredentials":
			if len(c.Call.Args) == 1 {
				if cred := resultOf(c.Call.Args[0]); cred != nil {
					if cobj, _ := calleeObj(&cred.Call); cobj != nil {
						switch sinks.Key(cobj) {
						case "google.golang.org/grpc/credentials/insecure.NewCredentials":
							o = worse(o, originGRPC)
						case "google.golang.org/grpc/credentials.NewTLS":
							if len(cred.Call.Args) == 1 {
								o = worse(o, e.tlsOrigin(cred.Call.Args[0]))
							}
						}
					}
				}
			}
		}
	})
	return o
}

// optionCalls reports whether the options opts hold the result of a call
// to one of the functions named.
func (e *engine) optionCalls(opts ssa.Value, names ...string) bool {
	found := false
	e.eachOption(opts, func(c *ssa.Call) {
		if obj, _ := calleeObj(&c.Call); obj != nil {
			for _, n := range names {
				if sinks.Key(obj) == n {
					found = true
				}
			}
		}
	})
	return found
}

// eachOption calls f with every call whose result is an element of the
// variadic option slice opts: grpc.NewClient(addr, a, b), opts... built
// from a literal, by append, across phis.
func (e *engine) eachOption(opts ssa.Value, f func(*ssa.Call)) {
	seen := make(map[ssa.Value]bool)
	var walk func(v ssa.Value, depth int)
	walk = func(v ssa.Value, depth int) {
		if v == nil || seen[v] || depth > 8 {
			return
		}
		seen[v] = true
		switch v := unwrap(v).(type) {
		case *ssa.Call:
			if b, ok := v.Call.Value.(*ssa.Builtin); ok && b.Name() == "append" {
				for _, a := range v.Call.Args {
					walk(a, depth+1)
				}
				return
			}
			f(v)
		case *ssa.Slice:
			walk(v.X, depth+1)
		case *ssa.Phi:
			for _, edge := range v.Edges {
				walk(edge, depth+1)
			}
		case *ssa.UnOp:
			if v.Op == token.MUL {
				walk(v.X, depth+1)
			}
		case *ssa.Alloc:
			// The elements stored into a literal's backing array.
			for _, r := range *v.Referrers() {
				ia, ok := r.(*ssa.IndexAddr)
				if !ok {
					continue
				}
				for _, rr := range *ia.Referrers() {
					if st, ok := rr.(*ssa.Store); ok && st.Addr == ia {
						walk(st.Val, depth+1)
					}
				}
			}
		}
	}
	walk(opts, 0)
}

func unwrap(v ssa.Value) ssa.Value {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
		case *ssa.ChangeInterface:
			v = x.X
		case *ssa.ChangeType:
			v = x.X
		default:
			return v
		}
	}
}

// resultOf returns the call whose result, or first result, v is.
func resultOf(v ssa.Value) *ssa.Call {
	switch v := unwrap(v).(type) {
	case *ssa.Call:
		return v
	case *ssa.Extract:
		if call, ok := v.Tuple.(*ssa.Call); ok && v.Index == 0 {
			return call
		}
	}
	return nil
}

// overEdges is the worst origin f gives the edges of a phi.
func overEdges(phi *ssa.Phi, f func(ssa.Value) origin) origin {
	o := originNone
	for _, edge := range phi.Edges {
		o = worse(o, f(edge))
	}
	return o
}

// ---- URLs ----

// A hostKind tells whether a host is known, and whether it is loopback.
type hostKind uint8

const (
	hostUnknown hostKind = iota
	hostRemote
	loopback
)

// hostOf judges the host of an address ("localhost:25", "10.0.0.1:21"),
// given as the result of constString.
func hostOf(addr string, ok bool) hostKind {
	if !ok {
		return hostUnknown
	}
	host := addr
	if h, _, err := net.SplitHostPort(addr); err == nil {
		host = h
	}
	return judgeHost(host)
}

func judgeHost(host string) hostKind {
	host = strings.Trim(host, "[]")
	if host == "" {
		return hostUnknown
	}
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return loopback
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return loopback
	}
	return hostRemote
}

func constString(v ssa.Value) (string, bool) {
	if v == nil {
		return "", false
	}
	k, ok := unwrap(v).(*ssa.Const)
	if !ok || k.Value == nil || k.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(k.Value), true
}

// urlOrigin judges a URL (a string or a *url.URL) that an http or ws
// client sends to: plain is the unprotected scheme ("http", "ws"). A
// scheme or host that cannot be known from the code is originUnknown.
func (e *engine) urlOrigin(v ssa.Value, plain string) origin {
	if v == nil {
		return originUnknown
	}
	if phi, ok := unwrap(v).(*ssa.Phi); ok {
		return overEdges(phi, func(edge ssa.Value) origin { return e.urlOrigin(edge, plain) })
	}
	prefix, complete, ok := e.urlPrefix(v, 0)
	if !ok {
		return originUnknown
	}
	scheme, rest, found := strings.Cut(prefix, "://")
	if !found {
		return originUnknown
	}
	switch strings.ToLower(scheme) {
	case plain:
	case plain + "s":
		return originNone
	default:
		if complete {
			return originNone // another scheme: not a network channel piilint judges
		}
		return originUnknown
	}
	host := rest
	end := strings.IndexAny(rest, "/?#")
	if end >= 0 {
		host = rest[:end]
	} else if !complete {
		// "http://" + host: the scheme is plain whatever the host, unless
		// the host so far is a loopback name cut short.
		host = ""
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if judgeHost(host) == loopback {
		return originNone
	}
	if plain == "ws" {
		return originWS
	}
	return originHTTP
}

// urlPrefix returns the beginning of a URL string that the code fixes:
// the whole of a constant, the constant start of a concatenation or of a
// Sprintf format, through url.Parse, (*url.URL).String, url.JoinPath,
// url.URL literals and package variables initialised with a constant.
// complete says whether the prefix is the whole URL.
func (e *engine) urlPrefix(v ssa.Value, depth int) (prefix string, complete, ok bool) {
	if depth > 8 {
		return "", false, false
	}
	v = unwrap(v)
	if s, ok := constString(v); ok {
		return s, true, true
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		if v.Op != token.ADD {
			break
		}
		p, c, ok := e.urlPrefix(v.X, depth+1)
		if !ok {
			return "", false, false
		}
		if !c {
			return p, false, true
		}
		if q, c2, ok := e.urlPrefix(v.Y, depth+1); ok {
			return p + q, c2, true
		}
		return p, false, true
	case *ssa.Extract, *ssa.Call:
		if call := resultOf(v); call != nil {
			return e.callPrefix(call, depth)
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			return e.globalPrefix(x, depth)
		case *ssa.Alloc:
			return e.literalURL(x)
		}
	case *ssa.Alloc:
		return e.literalURL(v)
	}
	return "", false, false
}

func (e *engine) callPrefix(call *ssa.Call, depth int) (string, bool, bool) {
	obj, _ := calleeObj(&call.Call)
	if obj == nil {
		return "", false, false
	}
	args := callArgs(&call.Call)
	switch sinks.Key(obj) {
	case "net/url.Parse", "net/url.ParseRequestURI", "(*net/url.URL).String", "(net/url.URL).String":
		if len(args) > 0 {
			return e.urlPrefix(args[0], depth+1)
		}
	case "net/url.JoinPath", "(*net/url.URL).JoinPath", "(*net/url.URL).ResolveReference", "(*net/url.URL).Parse":
		if len(args) > 0 {
			p, _, ok := e.urlPrefix(args[0], depth+1)
			return p, false, ok
		}
	case "fmt.Sprintf":
		if f, ok := constString(args[0]); ok {
			if i := strings.IndexByte(f, '%'); i >= 0 {
				return f[:i], false, true
			}
			return f, true, true
		}
	}
	return "", false, false
}

// globalPrefix finds the constant a package variable is initialised with.
func (e *engine) globalPrefix(g *ssa.Global, depth int) (string, bool, bool) {
	if g.Pkg == nil {
		return "", false, false
	}
	init := g.Pkg.Func("init")
	if init == nil {
		return "", false, false
	}
	for _, b := range init.Blocks {
		for _, in := range b.Instrs {
			if st, ok := in.(*ssa.Store); ok && st.Addr == g {
				return e.urlPrefix(st.Val, depth+1)
			}
		}
	}
	return "", false, false
}

// literalURL reads the Scheme and Host stored into a url.URL literal.
func (e *engine) literalURL(a *ssa.Alloc) (string, bool, bool) {
	if !isNamed(a.Type(), "net/url", "URL") {
		return "", false, false
	}
	var scheme, host string
	var hostKnown bool
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		name := fieldName(a.Type(), fa.Field)
		for _, rr := range *fa.Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			s, ok := constString(st.Val)
			switch {
			case name == "Scheme" && ok:
				scheme = s
			case name == "Host" && ok:
				host, hostKnown = s, true
			}
		}
	}
	if scheme == "" {
		return "", false, false
	}
	if !hostKnown {
		return scheme + "://", false, true
	}
	return scheme + "://" + host + "/", false, true
}

// requestOrigin judges where an *http.Request goes, from the URL it was
// made with.
func (e *engine) requestOrigin(v ssa.Value) origin {
	if phi, ok := unwrap(v).(*ssa.Phi); ok {
		return overEdges(phi, e.requestOrigin)
	}
	call := resultOf(v)
	if call == nil {
		return originUnknown
	}
	obj, _ := calleeObj(&call.Call)
	if obj == nil {
		return originUnknown
	}
	switch sinks.Key(obj) {
	case "net/http.NewRequest":
		return e.urlOrigin(call.Call.Args[1], "http")
	case "net/http.NewRequestWithContext":
		return e.urlOrigin(call.Call.Args[2], "http")
	case "(*net/http.Request).WithContext", "(*net/http.Request).Clone":
		return e.requestOrigin(call.Call.Args[0])
	}
	return originUnknown
}

// channelOrigin judges the channel of a Transport sink row: the value of
// its Channel parameter (a URL, a request, a connection) and the
// receiver of a method (a client's TLS configuration).
func (e *engine) channelOrigin(s sinks.Sink, args []arg) origin {
	want := s.Channel
	if hasRecv(args) {
		want++
	}
	if s.Channel == sinks.Receiver {
		want = 0
	}
	o := originNone
	for _, a := range args {
		switch {
		case a.param == want && s.Address != "":
			// A protocol that starts in plaintext whatever the server:
			// only a loopback address keeps the data on the machine.
			if hostOf(constString(a.val)) != loopback {
				o = worse(o, addressOrigins[s.Address])
			}
		case a.param == want:
			o = worse(o, e.channelValue(a.val))
		case a.param == 0 && hasRecv(args):
			o = worse(o, e.tlsOrigin(a.val))
		}
	}
	return o
}

// addressOrigins are the origins of the protocols of sinks.Sink.Address.
var addressOrigins = map[string]origin{"smtp": originSMTP}

func (e *engine) channelValue(v ssa.Value) origin {
	t := v.Type()
	switch {
	case isNamed(t, "net/http", "Request"):
		return e.requestOrigin(v)
	case isNamed(t, "net/url", "URL"):
		return e.urlOrigin(v, "http")
	}
	if b, ok := under(t).(*types.Basic); ok && b.Info()&types.IsString != 0 {
		return e.urlOrigin(v, "http")
	}
	return worse(e.originOf(v), e.tlsOrigin(v))
}

// writeOut reports taint w of argument a written by the call at pos into
// target's memory when target is a file or an unprotected channel: an
// io.Writer's Write, io.Copy into a gzip writer over a file, an encoder
// over a connection, a helper whose summary writes its argument into the
// writer it is given.
func (e *engine) writeOut(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if len(w) == 0 || a.val == target {
		return
	}
	e.writeInto(fn, pos, target, a, w, name)
}

// writesOut reports whether what is written into target leaves the
// function (fn's writer parameter) or the process (standard output, a
// file, an unprotected channel): the cheap test before computing what is
// written.
func (e *engine) writesOut(fn *ssa.Function, target ssa.Value) bool {
	if e.attrs(target)&attrStdout != 0 || e.writerParam(fn, target) >= 0 {
		return true
	}
	o := e.originOf(target)
	return o != originNone && o != originUnknown
}

// writeInto reports taint w, brought by argument a of the call at pos,
// written into target: a finding when target is a file or an unprotected
// channel, a Write of fn's summary when it is fn's writer parameter.
func (e *engine) writeInto(fn *ssa.Function, pos token.Pos, target ssa.Value, a arg, w set, name string) {
	if p := e.writerParam(fn, target); p >= 0 {
		e.recordWrites(fn, p, w)
		return
	}
	if e.attrs(target)&attrStdout != 0 {
		e.reach(fn, pos, a, w, SinkRef{Class: sinks.Log, Callee: name})
		return
	}
	o := e.originOf(target)
	if o == originNone || o == originUnknown {
		return
	}
	class, dest := o.dest()
	e.reach(fn, pos, a, w, SinkRef{Class: class, Dest: dest, Callee: name})
}

// grpcStub judges the receiver of a method call: a client built by a
// constructor given a gRPC connection (pb.NewGreeterClient(cc), as
// protoc-gen-go-grpc generates) sends its methods' arguments over that
// connection.
func (e *engine) grpcStub(recv ssa.Value) origin {
	call := resultOf(recv)
	if call == nil || isGRPCConn(recv.Type()) {
		return originNone
	}
	if obj, _ := calleeObj(&call.Call); obj == nil || obj.Pkg() == nil || strings.HasPrefix(obj.Pkg().Path(), "google.golang.org/grpc") {
		return originNone
	}
	o := originNone
	for _, a := range callArgs(&call.Call) {
		if isGRPCConn(a.Type()) {
			o = worse(o, e.originOf(a))
		}
	}
	return o
}

// grpcServices finds the gRPC services this package registers on a
// server without TLS credentials (pb.RegisterDirectoryServer(s, &impl{})
// with s from grpc.NewServer()) and returns the methods of their
// implementations, whose responses go over that server.
func (e *engine) grpcServices() map[*ssa.Function]origin {
	var out map[*ssa.Function]origin
	for _, fn := range e.Funcs {
		for _, b := range fn.Blocks {
			for _, in := range b.Instrs {
				call, ok := in.(*ssa.Call)
				if !ok {
					continue
				}
				obj, _ := calleeObj(&call.Call)
				args := callArgs(&call.Call)
				if obj == nil || obj.Signature().Recv() != nil || obj.Signature().Params().Len() != 2 || len(args) != 2 ||
					!strings.HasPrefix(obj.Name(), "Register") || !strings.HasSuffix(obj.Name(), "Server") {
					continue
				}
				o := e.serverOrigin(args[0])
				if o == originNone {
					continue
				}
				iface, _ := obj.Signature().Params().At(1).Type().Underlying().(*types.Interface)
				impl := unwrap(args[1]).Type()
				if iface == nil {
					continue
				}
				for _, m := range e.Funcs {
					recv := m.Signature.Recv()
					if recv == nil || m.Parent() != nil || !types.Identical(recv.Type(), impl) {
						continue
					}
					if sel, _, _ := types.LookupFieldOrMethod(iface, false, nil, m.Name()); sel == nil {
						continue
					}
					if out == nil {
						out = make(map[*ssa.Function]origin)
					}
					out[m] = worse(out[m], o)
				}
			}
		}
	}
	return out
}

// serverOrigin judges a gRPC server from its options: none given by
// grpc.Creds is strict-only; insecure credentials are plainly unprotected.
func (e *engine) serverOrigin(v ssa.Value) origin {
	call := resultOf(v)
	if call == nil {
		return originNone
	}
	obj, _ := calleeObj(&call.Call)
	if obj == nil || sinks.Key(obj) != "google.golang.org/grpc.NewServer" || len(call.Call.Args) != 1 {
		return originNone
	}
	o, creds := originGRPCServer, false
	e.eachOption(call.Call.Args[0], func(c *ssa.Call) {
		cobj, _ := calleeObj(&c.Call)
		if cobj == nil || sinks.Key(cobj) != "google.golang.org/grpc.Creds" || len(c.Call.Args) != 1 {
			return
		}
		creds = true
		inner := resultOf(c.Call.Args[0])
		if inner == nil {
			return
		}
		if iobj, _ := calleeObj(&inner.Call); iobj != nil && sinks.Key(iobj) == "google.golang.org/grpc/credentials/insecure.NewCredentials" {
			o = originGRPC
		}
	})
	if creds && o == originGRPCServer {
		return originNone
	}
	return o
}

// respond reports what a method of a service served without TLS returns:
// its response goes over the server's connections.
func (e *engine) respond(fn *ssa.Function, ret *ssa.Return) {
	o := e.responders[fn]
	if o == originNone || len(ret.Results) == 0 {
		return
	}
	class, dest := o.dest()
	name := fn.Name()
	if obj, ok := fn.Object().(*types.Func); ok {
		name = shortName(obj)
	}
	pos := ret.Pos()
	if !pos.IsValid() {
		pos = fn.Pos()
	}
	r := ret.Results[0]
	e.reach(fn, pos, arg{val: r, param: -1, ast: -1}, e.deep(r), SinkRef{Class: class, Dest: dest, Callee: "the response of " + name})
}

// writerParam returns the index of the parameter of fn that target is,
// or a plain wrapper over (bufio.NewWriter(w)), or -1.
func (e *engine) writerParam(fn *ssa.Function, target ssa.Value) int {
	switch v := unwrap(target).(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return i
			}
		}
	case *ssa.Call:
		if obj, _ := calleeObj(&v.Call); obj != nil && plainWrappers[sinks.Key(obj)] {
			for _, a := range v.Call.Args {
				if p := e.writerParam(fn, a); p >= 0 {
					return p
				}
			}
		}
	}
	return -1
}

// recordWrites adds to fn's summary the sources of w it writes into its
// writer parameter p.
func (e *engine) recordWrites(fn *ssa.Function, p int, w set) {
	sum := e.summaries[fn]
	if sum == nil || !e.isStream(fn.Params[p].Type()) {
		return
	}
	for _, id := range sortedIDs(w) {
		src := e.labels[id].src
		if src == nil {
			continue
		}
		if k := (writeKey{fn, p, src.Key}); !e.seen[k] {
			e.seen[k] = true
			sum.Writes = append(sum.Writes, Write{Into: p, Source: *src})
			e.changedSummary(fn)
		}
	}
}

type writeKey struct {
	fn   *ssa.Function
	into int
	src  string
}
