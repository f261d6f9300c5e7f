// Package insecure is a stub of google.golang.org/grpc/credentials/insecure.
package insecure

import "google.golang.org/grpc/credentials"

type insecureTC struct{}

func (insecureTC) Info() credentials.ProtocolInfo {
	return credentials.ProtocolInfo{SecurityProtocol: "insecure"}
}

func NewCredentials() credentials.TransportCredentials { return insecureTC{} }
