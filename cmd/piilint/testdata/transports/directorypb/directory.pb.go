// Package directorypb is shaped like protoc-gen-go output for a
// directory service: plain message structs.
package directorypb

// LookupRequest asks the directory for a customer.
type LookupRequest struct {
	Email string
	Name  string
}

// LookupReply is the directory's answer.
type LookupReply struct {
	Found bool
}

// ProfileReply carries a customer's profile.
type ProfileReply struct {
	Email string
	Name  string
}
