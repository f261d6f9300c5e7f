package main

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// fingerprintKey names piilint's fingerprint among a SARIF result's
// partialFingerprints; the version changes when the recipe does.
const fingerprintKey = "piilint/v2"

// fingerprint identifies a finding across edits that move it: it hashes
// the analyzer, the file relative to the source root, the message without
// its chain of helpers (what reaches where: a new helper in between is not
// a new leak; see messageKey), and the code of the finding's line
// (codeText: comments and spacing do not count), but not the line or
// column. occurrence tells apart findings
// alike in all of these, numbered in source order from 0.
func fingerprint(analyzer, file, message, code string, occurrence int) string {
	h := sha256.New()
	for _, s := range []string{analyzer, file, message, code, strconv.Itoa(occurrence)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// messageKey is a finding's message without its chain: "Customer.Email
// (email) reaches log output" of "... via crm.logf → log.Printf".
func messageKey(message string) string {
	if i := strings.Index(message, " via "); i >= 0 {
		return message[:i]
	}
	return message
}

// setFingerprints fingerprints diags, which are in source order, with
// files relative to root. Findings silenced by //piilint:ignore are
// numbered among the others, so that a fingerprint does not depend on
// whether its findings' twins are silenced (see standalone).
func setFingerprints(diags []jsonDiagnostic, root string, src sources) {
	seen := make(map[[4]string]int)
	for i := range diags {
		d := &diags[i]
		file, line, _ := splitPosn(d.Posn)
		rel, _ := relFile(root, file)
		text, _ := src.line(file, line)
		key := [4]string{d.Analyzer, rel, messageKey(d.Message), codeText(text)}
		d.Fingerprint = fingerprint(key[0], key[1], key[2], key[3], seen[key])
		seen[key]++
	}
}
