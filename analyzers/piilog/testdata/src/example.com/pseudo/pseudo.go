// Package pseudo turns identifiers into keyed pseudonyms.
package pseudo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
)

var key = []byte("k")

// Of is a keyed hash of s: stable, not reversible without the key.
func Of(s string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(s))
	return hex.EncodeToString(m.Sum(nil))
}
