package origin

import (
	"go/constant"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// netOrigin judges net.Dial(network, address): a Unix socket or a
// loopback address stays on the machine.
func netOrigin(network, address ssa.Value) Kind {
	if n, ok := ssax.ConstString(network); ok && strings.HasPrefix(n, unixNetwork) {
		return None
	}
	if hostOf(ssax.ConstString(address)) == loopback {
		return None
	}
	return Conn
}

// smtpClient judges an SMTP client made in plaintext: StartTLS called on
// it makes it protected, as far as the TLS configuration given says.
func (ch *Channels) smtpClient(client ssa.Value) Kind {
	if client == nil {
		return SMTP
	}
	for _, r := range *client.Referrers() {
		c, ok := r.(ssa.CallInstruction)
		if !ok {
			continue
		}
		cc := c.Common()
		if obj, _ := ssax.CalleeObj(cc); obj != nil && sinks.Key(obj) == smtpStartTLS {
			if args := ssax.CallArgs(cc); len(args) == 2 && args[0] == client {
				return ch.tlsOrigin(args[1])
			}
		}
	}
	return SMTP
}

// tlsOrigin judges a TLS configuration (or a value holding one, such as a
// transport, a client, a dialer): InsecureSkipVerify set to true, or a
// minimum or maximum version below TLS 1.2, by literal or by a later
// assignment, as the memory's attributes say (see TLSStore).
func (ch *Channels) tlsOrigin(v ssa.Value) Kind {
	if v == nil {
		return None
	}
	a := ch.mem.DeepAttrs(v)
	switch {
	case a&AttrNoVerify != 0:
		return NoVerify
	case a&AttrWeakTLS != 0:
		return WeakTLS
	}
	return None
}

// tlsFields are the fields of a tls.Config whose constant value may leave
// it without verification or below TLS 1.2, with the attribute a value
// gives it.
var tlsFields = map[string]func(constant.Value) Attr{
	"InsecureSkipVerify": func(v constant.Value) Attr {
		if v.Kind() == constant.Bool && constant.BoolVal(v) {
			return AttrNoVerify
		}
		return 0
	},
	"MinVersion": weakVersion,
	"MaxVersion": weakVersion,
}

// weakVersion is the attribute of a TLS version below 1.2 (0 is the
// default, which is not).
func weakVersion(v constant.Value) Attr {
	if n, ok := constant.Uint64Val(v); ok && n != 0 && n < 0x0303 {
		return AttrWeakTLS
	}
	return 0
}

// TLSStore judges a store into a field of a tls.Config: a constant that
// leaves the configuration without verification (InsecureSkipVerify =
// true) or below TLS 1.2 (MinVersion = tls.VersionTLS10) gives it the
// attribute a, which the memory should then keep for cfg (the
// configuration stored into) and for what holds it; a is 0 for any other
// store.
func TLSStore(st *ssa.Store) (cfg ssa.Value, a Attr) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !ssax.IsNamed(fa.X.Type(), tlsPkg, tlsConfig) {
		return nil, 0
	}
	k, ok := st.Val.(*ssa.Const)
	if !ok || k.Value == nil {
		return nil, 0
	}
	judge, ok := tlsFields[ssax.FieldName(fa.X.Type(), fa.Field)]
	if !ok {
		return nil, 0
	}
	if a = judge(k.Value); a == 0 {
		return nil, 0
	}
	return fa.X, a
}
