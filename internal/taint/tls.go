package taint

import (
	"go/constant"
	"go/token"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint/ssax"
)

// netOrigin judges net.Dial(network, address): a Unix socket or a
// loopback address stays on the machine.
func netOrigin(network, address ssa.Value) origin {
	if n, ok := ssax.ConstString(network); ok && strings.HasPrefix(n, "unix") {
		return originNone
	}
	if hostOf(ssax.ConstString(address)) == loopback {
		return originNone
	}
	return originConn
}

// smtpClient judges an SMTP client made in plaintext: StartTLS called on
// it makes it protected, as far as the TLS configuration given says.
func (ch *channels) smtpClient(client ssa.Value) origin {
	if client == nil {
		return originSMTP
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
	return originSMTP
}

// tlsOrigin judges a TLS configuration (or a value holding one, such as a
// transport, a client, a dialer): InsecureSkipVerify set to true, or a
// minimum or maximum version below TLS 1.2, by literal or by a later
// assignment.
func (ch *channels) tlsOrigin(v ssa.Value) origin {
	if v == nil {
		return originNone
	}
	a := ch.deepAttrs(v)
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
func (ch *channels) deepAttrs(v ssa.Value) attr {
	a := ch.heap.attrs(v)
	ch.heap.eachPointee(v, func(p *location) { a |= p.attrs })
	return a
}

// tlsStore marks a TLS configuration whose fields are set to values that
// leave it without verification or below TLS 1.2.
func (e *engine) tlsStore(st *ssa.Store) {
	fa, ok := st.Addr.(*ssa.FieldAddr)
	if !ok || !ssax.IsNamed(fa.X.Type(), tlsPkg, "Config") {
		return
	}
	k, ok := st.Val.(*ssa.Const)
	if !ok || k.Value == nil {
		return
	}
	var a attr
	switch ssax.FieldName(fa.X.Type(), fa.Field) {
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
