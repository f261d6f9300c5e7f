// Package piifacts defines an Analyzer that finds where personal data lives
// and what functions do with it.
//
// # Analyzer piifacts
//
// piifacts: PII sources and function summaries
//
// piifacts reads the markings that say which struct fields and named types
// hold personal data: struct tags (pii:"email", and the tags other tools
// use: datapolicy, sensitive, levee), comment directives (//pii:health on a
// field or type, //pii:sanitizer and //pii:sink log on functions) and the
// fields, types, sanitizers and sinks of the .piilint.yml configuration.
// It runs the flow engine on the package and exports what it learns as
// facts on objects, so that packages importing this one, directly or not,
// know its PII fields and which of its functions return PII, pass their
// arguments through, or send them to a sink.
//
// It reports no flows itself (piilog, piiexport and piitransport do), only
// problems with the markings: malformed tags, unknown kinds, duplicate
// keys, directives in the wrong place, configuration entries that match
// nothing in their package, //piilint:ignore directives without a reason,
// and imported packages it could not analyse. Kinds are case-insensitive.
// A field whose marking has a problem stays protected: an unknown kind
// (reported with the nearest known one) or a tag of several kinds counts
// as the generic kind pii, an unquoted value (pii:email) as written.
//
// # Examples
//
//	type Customer struct {
//		ID    int64
//		Email string `pii:"email"`
//		Card  string `pii:"crad"` // piifacts: unknown kind "crad" (did you mean "card"?); tracked as the generic kind "pii"
//		//pii:health
//		Diagnosis string
//	}
package piifacts
