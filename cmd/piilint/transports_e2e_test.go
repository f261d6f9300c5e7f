package main

import "testing"

// transportsFixture is a module that requires the real gRPC and gorilla
// websocket modules, with a client shaped like protoc-gen-go-grpc output,
// and sends over net/http.
const transportsFixture = "testdata/transports"

// transportModules are the modules the fixture requires, at the versions
// its go.mod pins.
var transportModules = []struct{ path, version string }{
	{"google.golang.org/grpc", "v1.85.0"},
	{"github.com/gorilla/websocket", "v1.5.3"},
}

// transportPackages are the fixture's packages, one per channel: each
// must have findings.
var transportPackages = []string{"grpcsend", "wssend", "httpsend"}

// TestTransportsRealModules runs piilint on the fixture and compares its
// findings exactly with the want comments: every unprotected channel is
// reported, its protected twin is not.
func TestTransportsRealModules(t *testing.T) {
	realModules(t, transportsFixture, transportModules, transportPackages, "piitransport")
}
