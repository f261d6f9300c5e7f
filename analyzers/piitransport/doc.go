// Package piitransport defines an Analyzer that reports personal data sent
// over plaintext or unauthenticated network channels.
//
// # Analyzer piitransport
//
// piitransport: PII sent over a plaintext or unauthenticated channel
//
// Data that leaves the process must leave encrypted. piitransport reports
// values derived from PII fields and types (see piifacts) that are sent
// over a channel whose protection the code itself tells is missing, and
// nowhere else: it tracks how each URL, request, client and connection was
// made, rather than grepping for http:// or InsecureSkipVerify.
//
//   - net/http: http.Get, Head, Post, PostForm, the same methods of
//     *http.Client, and Client.Do with a request from http.NewRequest*,
//     when the URL has scheme http:// and a host that is not loopback
//     (localhost, 127.0.0.0/8, [::1]). The URL is resolved from constants,
//     concatenations, fmt.Sprintf formats, url.Parse, url.URL literals,
//     url.JoinPath and package variables. PII in the path, the query, the
//     headers or the body (readers over PII, json.Marshal of PII-bearing
//     structs) is reported.
//   - TLS that does not protect: a client, transport, dialer or tls.Config
//     with InsecureSkipVerify set to true, or MinVersion/MaxVersion below
//     TLS 1.2, by literal or by a later assignment; also tls.Dial,
//     tls.Client and credentials.NewTLS given such a configuration.
//   - Raw sockets: writes on a connection from net.Dial*, net.DialTCP/UDP
//     or a net.Dialer (Write, fmt.Fprint*, io.WriteString, io.Copy, bufio
//     over it), unless it is a Unix socket or a loopback address; a
//     connection wrapped by tls.Client or made by tls.Dial is protected.
//   - net/smtp: SendMail (which starts in plaintext and upgrades only if
//     the server offers STARTTLS) to a relay that is not loopback, and a
//     Client from smtp.Dial or smtp.NewClient over a plaintext connection
//     on which StartTLS is not called: Mail, Rcpt, Auth (PlainAuth
//     credentials) and what is written to the Data writer.
//   - gRPC: connections from grpc.NewClient, Dial or DialContext with
//     insecure.NewCredentials() or WithInsecure(), directly or in an option
//     slice: ClientConn.Invoke, streams' SendMsg, and the methods of
//     generated clients built on the connection (pb.NewGreeterClient(cc));
//     the responses of services registered on a grpc.NewServer with
//     insecure credentials (without grpc.Creds: -strict only, since TLS
//     may be terminated in front of the server).
//   - WebSockets: connections dialled to ws:// with gorilla/websocket or
//     coder/websocket (WriteMessage, WriteJSON, Write, wsjson.Write,
//     NextWriter/Writer).
//   - FTP: uploads (Stor, StorFrom, Append) and Login over a
//     github.com/jlaffaye/ftp connection dialled without TLS.
//
// URLs and requests that come from outside the code (configuration,
// parameters) and servers without credentials are not reported, unless
// the -strict flag is set.
//
// Fix by using https://, wss://, TLS with certificate verification
// (tls.Dial, StartTLS, credentials.NewTLS), or by sending an identifier
// instead of the data.
//
// # Examples
//
//	http.Post("http://crm.example.com/sync", "application/json", body) // Customer.Email (email) is sent over plaintext HTTP via http.Post
//	http.Post("https://crm.example.com/sync", "application/json", body) // fine
//	http.Get("http://localhost:8080/?email=" + c.Email)                // fine: loopback
package piitransport
