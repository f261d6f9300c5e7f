package origin

import (
	"go/token"
	"net"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

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

// urlOrigin judges a URL (a string or a *url.URL) that an http or ws
// client sends to: plain is the unprotected scheme ("http", "ws"). A
// scheme or host that cannot be known from the code is Unknown.
func (ch *Channels) urlOrigin(v ssa.Value, plain string) Kind {
	if v == nil {
		return Unknown
	}
	if phi, ok := ssax.Unwrap(v).(*ssa.Phi); ok {
		return overEdges(phi, func(edge ssa.Value) Kind { return ch.urlOrigin(edge, plain) })
	}
	prefix, complete, ok := ch.urlPrefix(v, 0)
	if !ok {
		return Unknown
	}
	scheme, rest, found := strings.Cut(prefix, "://")
	if !found {
		return Unknown
	}
	switch strings.ToLower(scheme) {
	case plain:
	case plain + "s":
		return None
	default:
		if complete {
			return None // another scheme: not a network channel piilint judges
		}
		return Unknown
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
		return None
	}
	if plain == schemeWS {
		return WS
	}
	return HTTP
}

// urlPrefix returns the beginning of a URL string that the code fixes:
// the whole of a constant, the constant start of a concatenation or of a
// Sprintf format, through url.Parse, (*url.URL).String, url.JoinPath,
// url.URL literals and package variables initialised with a constant.
// complete says whether the prefix is the whole URL.
func (ch *Channels) urlPrefix(v ssa.Value, depth int) (prefix string, complete, ok bool) {
	if depth > 8 {
		return "", false, false
	}
	v = ssax.Unwrap(v)
	if s, ok := ssax.ConstString(v); ok {
		return s, true, true
	}
	switch v := v.(type) {
	case *ssa.BinOp:
		if v.Op != token.ADD {
			break
		}
		p, c, ok := ch.urlPrefix(v.X, depth+1)
		if !ok {
			return "", false, false
		}
		if !c {
			return p, false, true
		}
		if q, c2, ok := ch.urlPrefix(v.Y, depth+1); ok {
			return p + q, c2, true
		}
		return p, false, true
	case *ssa.Extract, *ssa.Call:
		if call := ssax.ResultOf(v); call != nil {
			return ch.callPrefix(call, depth)
		}
	case *ssa.UnOp:
		if v.Op != token.MUL {
			break
		}
		switch x := v.X.(type) {
		case *ssa.Global:
			return ch.globalPrefix(x, depth)
		case *ssa.Alloc:
			return ch.literalURL(x)
		}
	case *ssa.Alloc:
		return ch.literalURL(v)
	}
	return "", false, false
}

func (ch *Channels) callPrefix(call *ssa.Call, depth int) (string, bool, bool) {
	obj, _ := ssax.CalleeObj(&call.Call)
	if obj == nil {
		return "", false, false
	}
	args := ssax.CallArgs(&call.Call)
	if len(args) == 0 {
		return "", false, false
	}
	switch urlFuncs[sinks.Key(obj)] {
	case urlSame:
		return ch.urlPrefix(args[0], depth+1)
	case urlBase:
		p, _, ok := ch.urlPrefix(args[0], depth+1)
		return p, false, ok
	case urlFormat:
		if f, ok := ssax.ConstString(args[0]); ok {
			if i := strings.IndexByte(f, '%'); i >= 0 {
				return f[:i], false, true
			}
			return f, true, true
		}
	}
	return "", false, false
}

// A urlFunc says how a library function's result URL is made from its
// first argument (receiver first).
type urlFunc uint8

const (
	urlNone   urlFunc = iota
	urlSame           // the same URL: url.Parse(s), u.String()
	urlBase           // a URL below it: url.JoinPath(base, ...), u.Parse(ref)
	urlFormat         // a printf format whose constant prefix starts the URL
)

// urlFuncs are the library functions that make URLs, by full name.
var urlFuncs = map[string]urlFunc{
	"net/url.Parse":                   urlSame,
	"net/url.ParseRequestURI":         urlSame,
	"(*net/url.URL).String":           urlSame,
	"net/url.JoinPath":                urlBase,
	"(*net/url.URL).JoinPath":         urlBase,
	"(*net/url.URL).ResolveReference": urlBase,
	"(*net/url.URL).Parse":            urlBase,
	"fmt.Sprintf":                     urlFormat,
}

// requestURLs are the library functions that make an *http.Request, by
// full name, with the index of their URL argument; requestCopies make a
// request from their receiver.
var (
	requestURLs   = map[string]int{"net/http.NewRequest": 1, "net/http.NewRequestWithContext": 2}
	requestCopies = map[string]bool{"(*net/http.Request).WithContext": true, "(*net/http.Request).Clone": true}
)

// globalPrefix finds the constant a package variable is initialised with.
func (ch *Channels) globalPrefix(g *ssa.Global, depth int) (string, bool, bool) {
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
				return ch.urlPrefix(st.Val, depth+1)
			}
		}
	}
	return "", false, false
}

// literalURL reads the Scheme and Host stored into a url.URL literal.
func (ch *Channels) literalURL(a *ssa.Alloc) (string, bool, bool) {
	if !ssax.IsNamed(a.Type(), urlPkg, urlURL) {
		return "", false, false
	}
	var scheme, host string
	var hostKnown bool
	for _, r := range *a.Referrers() {
		if st, ok := r.(*ssa.Store); ok && st.Addr == a {
			// A literal built apart and copied in (u := url.URL{...}).
			if ld, ok := st.Val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if src, ok := ld.X.(*ssa.Alloc); ok && src != a {
					return ch.literalURL(src)
				}
			}
		}
		fa, ok := r.(*ssa.FieldAddr)
		if !ok {
			continue
		}
		name := ssax.FieldName(a.Type(), fa.Field)
		for _, rr := range *fa.Referrers() {
			st, ok := rr.(*ssa.Store)
			if !ok || st.Addr != fa {
				continue
			}
			s, ok := ssax.ConstString(st.Val)
			switch {
			case name == urlScheme && ok:
				scheme = s
			case name == urlHost && ok:
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
func (ch *Channels) requestOrigin(v ssa.Value) Kind {
	if phi, ok := ssax.Unwrap(v).(*ssa.Phi); ok {
		return overEdges(phi, ch.requestOrigin)
	}
	call := ssax.ResultOf(v)
	if call == nil {
		return Unknown
	}
	obj, _ := ssax.CalleeObj(&call.Call)
	if obj == nil {
		return Unknown
	}
	key := sinks.Key(obj)
	if i, ok := requestURLs[key]; ok && i < len(call.Call.Args) {
		return ch.urlOrigin(call.Call.Args[i], schemeHTTP)
	}
	if requestCopies[key] && len(call.Call.Args) > 0 {
		return ch.requestOrigin(call.Call.Args[0])
	}
	return Unknown
}
