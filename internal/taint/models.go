package taint

import (
	"go/token"
	"go/types"
	"net/textproto"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// This file is the engine's knowledge of libraries (sinks are in package
// sinks; what connections, clients and writers are, in package origin):
// tables keyed by full function name (sinks.Key), and the method names the
// engine recognises by convention.

// stdStreams are the package variables that are standard output and
// standard error: what is written to them is log output.
var stdStreams = map[string]bool{"os.Stdout": true, "os.Stderr": true}

// keyedHashes are the constructors of keyed hashes, by package path and
// name (checked on every call: no full name is built): what is written to
// one does not come out of its sum.
var keyedHashes = map[[2]string]bool{{"crypto/hmac", "New"}: true}

// decoderPrefixes name the functions that fill the addresses they are
// given (json.Unmarshal, Decode, rows.Scan): see decodes.
var decoderPrefixes = []string{"Unmarshal", "Decode", "Scan"}

// encoderPrefixes name the interface methods that write their arguments
// into the receiver (zapcore.ObjectEncoder.AddString): see encodes.
var encoderPrefixes = []string{"Add", "Append", "Encode", "Write"}

// marshalers are, per encoding, the methods through which a type encodes
// itself instead of by its fields, in the order the encoder tries them.
var marshalers = map[string][]string{
	"json": {"MarshalJSON", "MarshalText"},
	"csv":  {"MarshalCSV", "MarshalText"}, // gocsv's TypeMarshaller, csvutil's Marshaler
}

// formatters are the methods a printer or encoder calls instead of
// looking at a value's fields.
var formatters = []string{"String", "Error", "Format", "GoString", "LogValue", "MarshalLogObject", "MarshalJSON", "MarshalText"}

// errorInputs are the library functions (not analysed: the standard
// library is modelled) whose error shows some of their arguments, by full
// name: the parameters it shows (receiver first, as arg.param counts
// them), or allParams. Any other library call's error carries nothing of
// its arguments (see results).
var errorInputs = map[string][]int{
	"errors.New":    {0},
	"errors.Join":   allParams,
	"errors.Unwrap": allParams,
	"fmt.Errorf":    allParams, // the data arguments of its format
	// "parsing \"abc\": invalid syntax"
	"strconv.Atoi":                   {0},
	"strconv.ParseInt":               {0},
	"strconv.ParseUint":              {0},
	"strconv.ParseFloat":             {0},
	"strconv.ParseBool":              {0},
	"strconv.ParseComplex":           {0},
	"time.Parse":                     {0, 1},
	"time.ParseInLocation":           {0, 1},
	"net/url.Parse":                  {0},
	"net/url.ParseRequestURI":        {0},
	"(*net/url.URL).Parse":           {1},
	"net/netip.ParseAddr":            {0},
	"net/netip.ParsePrefix":          {0},
	"net/netip.ParseAddrPort":        {0},
	"net.ParseCIDR":                  {0},
	"net/mail.ParseAddress":          {0},
	"regexp.Compile":                 {0},
	"net/http.Get":                   {0},
	"net/http.Head":                  {0},
	"net/http.Post":                  {0},
	"net/http.PostForm":              {0},
	"(*net/http.Client).Get":         {1},
	"(*net/http.Client).Head":        {1},
	"(*net/http.Client).Post":        {1},
	"(*net/http.Client).PostForm":    {1},
	"net/http.NewRequest":            {1},
	"net/http.NewRequestWithContext": {2},
	// *fs.PathError names the path
	"os.Open":      {0},
	"os.Create":    {0},
	"os.OpenFile":  {0},
	"os.ReadFile":  {0},
	"os.WriteFile": {0},
	"os.Stat":      {0},
	"os.Lstat":     {0},
	"os.Remove":    {0},
	"os.RemoveAll": {0},
	"os.Mkdir":     {0},
	"os.MkdirAll":  {0},
	"os.ReadDir":   {0},
	"os.Rename":    {0, 1},
}

// typeDescriptors are the library types that describe a type, not a
// value: a result of one of them carries no data (see opaqueResult).
var typeDescriptors = map[string]bool{"reflect.Type": true, "reflect.Kind": true}

// allParams stands for every data argument of a call in errorInputs.
var allParams = []int{-1}

// modelCall is a library call a model handles.
type modelCall struct {
	fn   *ssa.Function // the caller
	c    *ssa.CallCommon
	obj  *types.Func
	args []arg
	call *ssa.Call // nil for go and defer
}

// A modelRule is the flow of a library function the engine knows better
// than the default rule.
type modelRule func(e *engine, m modelCall)

// models are the library functions whose flow is modelled, by full name.
// Filled by init: the rules reach the transfer functions, which read it.
var models map[string]modelRule

func init() {
	// encodedArg: the result is argument i as encoding/json writes it
	// (honouring json:"-", skipping unexported fields).
	encodedArg := func(i int) modelRule {
		return func(e *engine, m modelCall) {
			if len(m.args) > i && m.call != nil {
				e.vs.setResult(m.call, 0, e.vs.encoded(m.args[i].val, "json"))
			}
		}
	}
	marshal := encodedArg(0)
	// The rendered output, written into wr, shows the data; the error
	// names templates and positions, not the data.
	execute := func(e *engine, m modelCall) {
		if len(m.args) < 3 {
			return
		}
		wr, data := m.args[1], m.args[len(m.args)-1]
		w := e.vs.deep(data.val)
		e.heap.store(wr.val, w)
		e.rep.writeOut(m.fn, m.c.Pos(), wr.val, data, w, shortName(m.obj))
	}
	// A TLS connection over conn: writes to it go through conn, and
	// nothing goes into the configuration.
	tlsConn := func(e *engine, m modelCall) {
		if m.call != nil && len(m.args) > 0 {
			e.heap.alias(m.call, m.args[0].val)
		}
	}
	// Setters of a request and of maps: the arguments go into the
	// receiver, and into the struct a map was read from
	// (req.Header.Set(k, v) puts v in the request).
	setter := func(e *engine, m modelCall) {
		for _, a := range m.args[1:] {
			w := e.vs.whole(a.val)
			if ssax.IsNamed(m.args[0].val.Type(), "net/http", "Request") {
				// A cookie and basic auth are headers of the
				// request: its URL and body do not carry them. A
				// cookie of a constant name is kept apart (see
				// cookie).
				c, base := e.heap.address(m.args[0].val)
				path := base + ".Header"
				if name, ok := cookieName(a.val); ok {
					path += keySeg("cookie:" + name)
				}
				e.heap.storePath(c, path, w)
				continue
			}
			e.heap.store(m.args[0].val, w)
			if ld, ok := m.args[0].val.(*ssa.UnOp); ok && ld.Op == token.MUL {
				if fa, ok := ld.X.(*ssa.FieldAddr); ok {
					e.heap.store(fa, w)
				}
			}
		}
	}
	// A cookie of a constant name, and a header under a constant key,
	// are what was stored under that name or key, or for the whole
	// header: not the request's other cookies (a test request's user
	// cookie is not its session token). sub is the entry's path for a
	// key; inField reads a receiver loaded from a struct field (the
	// header map of r.Header) in that field's memory.
	keyedRead := func(sub func(key string) string, inField bool) modelRule {
		return func(e *engine, m modelCall) {
			if len(m.args) < 2 || m.call == nil {
				return
			}
			recv := m.args[0].val
			key, ok := ssax.ConstString(m.args[1].val)
			if !ok {
				e.vs.setResult(m.call, 0, e.vs.whole(recv))
				return
			}
			mem := recv
			if ld, ok := recv.(*ssa.UnOp); inField && ok && ld.Op == token.MUL {
				if fa, ok := ld.X.(*ssa.FieldAddr); ok {
					mem = fa
				}
			}
			e.vs.setResult(m.call, 0, e.vs.keyed(mem, sub(key)))
		}
	}
	cookie := keyedRead(func(name string) string { return ".Header" + keySeg("cookie:"+name) }, false)
	headerGet := keyedRead(func(key string) string { return keySeg(textproto.CanonicalMIMEHeaderKey(key)) }, true)
	encode := func(e *engine, m modelCall) {
		if len(m.args) == 2 {
			w := e.vs.encoded(m.args[1].val, "json")
			e.heap.store(m.args[0].val, w)
			e.rep.writeOut(m.fn, m.c.Pos(), m.args[0].val, m.args[1], w, shortName(m.obj))
		}
	}
	// A response comes from the network: it does not carry the
	// request, the client or its configuration (the error names the
	// URL: see errorInputs).
	received := func(e *engine, m modelCall) {
		ck := callSite{e: e, fn: m.fn, c: m.c, call: m.call, obj: m.obj, args: m.args}
		ck.errorInputs(m.args)
	}
	// A zap field of any value is written by zap's reflection encoder.
	jsonField := encodedArg(1)
	// A zerolog field of any value is marshalled to JSON into the event
	// (or the context) whatever String or Error say; the result is the
	// event itself.
	jsonInto := func(e *engine, m modelCall) {
		if len(m.args) < 3 {
			return
		}
		recv := m.args[0].val
		w := e.vs.encoded(m.args[2].val, "json")
		ptr := isRef(recv.Type())
		if ptr {
			e.heap.store(recv, w)
		}
		if m.call != nil {
			if ptr {
				e.heap.alias(m.call, recv)
			}
			out := e.vs.whole(recv)
			union(&out, w)
			e.vs.setResult(m.call, 0, out)
		}
	}
	// A slog handler writes records into w; its options are its
	// configuration, not data written there.
	handler := func(e *engine, m modelCall) {}
	// A query string shows every value of every key: the slices a
	// literal (url.Values{"email": {v}}) holds, one level below the map.
	encodeValues := func(e *engine, m modelCall) {
		if len(m.args) > 0 && m.call != nil {
			e.vs.setResult(m.call, 0, e.vs.deep(m.args[0].val))
		}
	}
	models = map[string]modelRule{
		"log/slog.NewJSONHandler":                   handler,
		"(net/url.Values).Encode":                   encodeValues,
		"(*net/http.Request).Cookie":                cookie,
		"(net/http.Header).Get":                     headerGet,
		"log/slog.NewTextHandler":                   handler,
		"(*github.com/rs/zerolog.Event).Interface":  jsonInto,
		"(github.com/rs/zerolog.Context).Interface": jsonInto,
		"go.uber.org/zap.Any":                       jsonField,
		"go.uber.org/zap.Reflect":                   jsonField,
		"(*net/http.Client).Do":                     received,
		"(*net/http.Client).Get":                    received,
		"(*net/http.Client).Head":                   received,
		"(*net/http.Client).Post":                   received,
		"(*net/http.Client).PostForm":               received,
		"net/http.Get":                              received,
		"net/http.Head":                             received,
		"net/http.Post":                             received,
		"net/http.PostForm":                         received,
		"(*net/http.Transport).RoundTrip":           received,
		"(net/http.RoundTripper).RoundTrip":         received,
		"encoding/json.Marshal":                     marshal,
		"encoding/json.MarshalIndent":               marshal,
		"(*text/template.Template).Execute":         execute,
		"(*html/template.Template).Execute":         execute,
		"(*text/template.Template).ExecuteTemplate": execute,
		"(*html/template.Template).ExecuteTemplate": execute,
		"crypto/tls.Client":                         tlsConn,
		"crypto/tls.Server":                         tlsConn,
		"(*net/http.Request).AddCookie":             setter,
		"(*net/http.Request).SetBasicAuth":          setter,
		"(net/http.Header).Set":                     setter,
		"(net/http.Header).Add":                     setter,
		"(net/url.Values).Set":                      setter,
		"(net/url.Values).Add":                      setter,
		"(*encoding/json.Encoder).Encode":           encode,
	}
}

// cookieName is the constant Name of a cookie built here
// (&http.Cookie{Name: "user", ...}).
func cookieName(v ssa.Value) (string, bool) {
	a, ok := v.(*ssa.Alloc)
	if !ok || !ssax.IsNamed(a.Type(), "net/http", "Cookie") {
		return "", false
	}
	for _, r := range *a.Referrers() {
		fa, ok := r.(*ssa.FieldAddr)
		if !ok || ssax.FieldName(a.Type(), fa.Field) != "Name" {
			continue
		}
		for _, rr := range *fa.Referrers() {
			if st, ok := rr.(*ssa.Store); ok && st.Addr == fa {
				return ssax.ConstString(st.Val)
			}
		}
	}
	return "", false
}

// model applies the model of a library function and reports whether
// there is one.
func (k *callSite) model() bool {
	rule, ok := models[sinks.Key(k.obj)]
	if ok {
		rule(k.e, modelCall{k.fn, k.c, k.obj, k.args, k.call})
	}
	return ok
}
