package report

import (
	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/suppress"
)

// SuppressedPrefix starts the Category of a finding that a
// //piilint:ignore directive silences.
//
// Such findings are normally dropped. SARIF output lists them with a
// suppression and its reason, so that viewers show them as suppressed
// instead of not at all, and fingerprints (SARIF, baselines) count them,
// so that a finding's fingerprint does not depend on whether a twin of it
// is silenced. But the piilint command gets findings only through go
// vet's JSON, which has no field for a suppression. So the command sets
// piifacts' -suppressed flag when it writes SARIF or uses a baseline, and
// only then; the flow analyzers then report silenced findings too, each
// marked by MarkSuppressed in two ways the JSON keeps: the Category is
// SuppressedPrefix followed by the usual class ("personal", "secret"),
// which no unmarked finding has, and the last related entry is the
// directive, with its reason as the message. The command removes both
// marks, and never prints marked findings as text or JSON. Without the
// flag (go vet, golangci-lint, nogo) nothing changes.
const SuppressedPrefix = "piilint-suppressed:"

// MarkSuppressed marks d as silenced by directive dir.
func MarkSuppressed(d analysis.Diagnostic, dir *suppress.Directive) analysis.Diagnostic {
	d.Category = SuppressedPrefix + d.Category
	d.Related = append(d.Related[:len(d.Related):len(d.Related)], analysis.RelatedInformation{
		Pos:     dir.Pos,
		End:     dir.End,
		Message: dir.Reason,
	})
	return d
}
