// Package piilog defines an Analyzer that reports personal data reaching
// log output.
//
// # Analyzer piilog
//
// piilog: PII reaching log output
//
// piilog reports values derived from PII fields and types (see piifacts)
// that reach a logger: the log and log/slog packages, fmt.Print* and
// fmt.Fprint* to standard output or standard error, panic, the builtins
// print and println, the test log (Log, Error, Fatal, Skip and their f
// forms on *testing.T, B, F and testing.TB: CI keeps test output in build
// logs, public for open-source projects), functions declared with
// //pii:sink log or configured as log sinks, and any helper that forwards
// its arguments to one of these, in this package or another.
//
// The flow is tracked through assignments, string building, formatting,
// containers, pointers, closures, errors and JSON encoding. Printing a
// whole struct reports each PII field it holds, unless the type has a
// String, Error, Format, LogValue or MarshalJSON method that does not
// return PII. %T, %p, len and comparisons are not leaks.
//
// Fix by logging an identifier or a masked value from a function marked
// //pii:sanitizer; silence a reviewed finding with
// //piilint:ignore piilog <reason>.
//
// # Examples
//
//	log.Printf("signup %s", c.Email)       // Customer.Email (email) reaches log output via log.Printf
//	log.Printf("signup %d", c.ID)          // fine: ID is not PII
//	log.Printf("signup %s", mask(c.Email)) // fine: mask is //pii:sanitizer
//	t.Logf("created %s", c.Email)          // Customer.Email (email) reaches log output via (*testing.T).Logf
//	println("signup", c.ID)                // fine: ID is not PII
package piilog
