// Package redact shortens values for display. It is not marked as a
// sanitizer: the plugin's settings may declare it one.
package redact

// Short keeps the first three bytes of s.
func Short(s string) string {
	if len(s) < 3 {
		return s
	}
	return s[:3] + "…"
}
