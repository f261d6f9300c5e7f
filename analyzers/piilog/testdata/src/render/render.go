// Package render: a value carries personal data only as far as the sink
// renders it (fmt prints a top-level pointer's struct, but nested
// pointers, channels and functions as addresses; encoding/json follows
// pointers), and writes are field-precise.
package render

import (
	"encoding/json"
	"fmt"
	"log"
	"text/template"
)

type Subscriber struct {
	ID    int64
	Email string `pii:"email"`
	Age   int    `pii:"birthdate"`
}

type Campaign struct {
	Name  string
	Owner *Subscriber
}

// Manager is a service object: its channel and its cache are its state.
type Manager struct {
	queue chan Subscriber
	cache map[int64]Subscriber
	lo    *log.Logger
}

// Store is implemented elsewhere.
type Store interface {
	Create(s *Subscriber) error
}

type Inbox struct {
	users any
}

func (in *Inbox) SetUsers(u any) { in.users = u }

func (in *Inbox) Start() {
	log.Printf("inbox started: %v", in.users)
}

func topLevel(s *Subscriber, c *Campaign) {
	log.Printf("%v", s) // want `Subscriber.Age \(birthdate\) and Subscriber.Email \(email\)`
	log.Printf("%v", c) // fmt prints c.Owner as an address
	log.Printf("%v", []*Subscriber{s}) // elements printed as addresses
	b, _ := json.Marshal(c)
	log.Printf("%s", b) // want `Subscriber.Age \(birthdate\) and Subscriber.Email \(email\)`
}

func services(m *Manager, in *Inbox) {
	in.SetUsers(m) // a *Manager prints as a struct of addresses and its cache
	in.Start()
	log.Printf("manager %p", m)
}

func servicesReported(s Subscriber, in *Inbox) {
	in.SetUsers(s)
	in.Start() // want `Subscriber.Age \(birthdate\) and Subscriber.Email \(email\)`
}

// Contact is what an inbound message says of its sender.
type Contact struct {
	Email string `pii:"email"`
}

func fieldPrecise(st Store, from *Contact) {
	s := Subscriber{Email: from.Email}
	if err := st.Create(&s); err != nil {
		return
	}
	log.Printf("created %d", s.ID) // the ID is a number, not the email stored beside it
	log.Printf("age %d", s.Age) // want `Subscriber.Age \(birthdate\)`
}

func fill(dst *Campaign, name string) { dst.Name = name }

func fieldPreciseReported(s *Subscriber) {
	var c Campaign
	fill(&c, s.Email)
	log.Print(c.Name) // want `Subscriber.Email \(email\)`
}

// NullString is a nullable column, as in database/sql and null.v8.
type NullString struct {
	String string
	Valid  bool
}

type Lead struct {
	ID    int64
	Phone NullString `pii:"phone"`
}

func nullable(l *Lead) {
	log.Printf("calling %s", l.Phone.String) // want `Lead.Phone \(phone\)`
	log.Printf("has phone: %v", l.Phone.Valid)
	log.Printf("lead %d", l.ID)
}

// Payload is a webhook's body: the memo it is about, and where it goes.
type Payload struct {
	URL  string
	Memo *Memo
}

type Memo struct{ Creator string }

func newPayload(m *Memo) *Payload { return &Payload{Memo: m} }

func postAsync(p *Payload) { log.Printf("dropped webhook to %s", p.URL) }

// A constructor's result holds its argument at the field it was stored in,
// not in every field.
func dispatch(s *Subscriber) {
	m := &Memo{Creator: s.Email}
	p := newPayload(m)
	p.URL = "https://hooks.example.com"
	postAsync(p)
	log.Printf("memo %+v", *p.Memo) // want `Subscriber.Email \(email\)`
}

type Identity struct {
	UserID string
	Email  string `pii:"email"`
}

type Claims struct {
	UserID string
	Email  string
}

type AuthRequest struct {
	ID          string
	ConnectorID string
	Claims      Claims
}

// finalize returns the request with the identity's claims: the email is
// at .Claims.Email of the result, not in its ConnectorID.
func finalize(id Identity, req AuthRequest) (AuthRequest, error) {
	req.Claims = Claims{UserID: id.UserID, Email: id.Email}
	return req, nil
}

func login(id Identity, req AuthRequest) {
	req, err := finalize(id, req)
	if err != nil {
		return
	}
	log.Printf("login via %s", req.ConnectorID)
	log.Printf("login of %s", req.Claims.UserID)
	log.Printf("login of %s", req.Claims.Email) // want `Identity.Email \(email\)`
	log.Printf("login %+v", req)                // want `Identity.Email \(email\)`
}

// Recipient is what a campaign template is rendered with.
type Recipient struct {
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Lists []string
}

// A preview rendered with constants holds no personal data.
func preview() {
	r := Recipient{Name: "Jane Doe", Email: "jane@example.com"}
	log.Printf("preview for %v", r)
	log.Printf("preview to %s", r.Email)
	b, _ := json.Marshal(r)
	log.Printf("preview %s", b)
}

func previewFor(s *Subscriber) {
	r := Recipient{Name: "Jane Doe", Email: s.Email}
	log.Printf("preview for %v", r)      // want `Recipient.Email \(email\) and Subscriber.Email \(email\) reach log output via log.Printf`
	log.Printf("preview to %s", r.Email) // want `Recipient.Email \(email\) and Subscriber.Email \(email\) reach log output via log.Printf`
}

func previewFilled(fill func(*Recipient)) {
	r := Recipient{Name: "Jane Doe"}
	fill(&r)                        // code not seen here may fill it
	log.Printf("preview for %v", r) // want `Recipient.Email \(email\) and Recipient.Name \(name\) reach log output via log.Printf`
}

// AppError keeps an identifier apart from the details.
type AppError struct {
	Id            string
	DetailedError string
}

func NewAppError(id, details string) *AppError {
	return &AppError{Id: id, DetailedError: details}
}

func appErrors(s *Subscriber) {
	err := NewAppError("app.user.save", "email="+s.Email)
	log.Printf("%s", err.Id)
	log.Printf("%s", err.DetailedError) // want `Subscriber.Email \(email\) reaches log output via log.Printf`
}

// Config prints itself with its token redacted, as Kubernetes' rest.Config
// does: a copy whose secret fields are overwritten is what is printed.
type Config struct {
	Host        string
	Username    string `pii:"username"`
	BearerToken string `pii:"token"`
}

func (c *Config) String() string {
	cc := *c
	if cc.BearerToken != "" {
		cc.BearerToken = "--- REDACTED ---"
	}
	return fmt.Sprintf("%#v", cc)
}

func connect(cfg *Config) {
	log.Printf("connecting with %v", cfg)   // want `Config.Username \(username\) reaches log output via log.Printf`
	log.Printf("token %s", cfg.BearerToken) // want `Config.BearerToken \(token, secret\) reaches log output via log.Printf`
}

// KubeConfig prints itself as Kubernetes' rest.Config does: a copy made
// by a helper, converted to a type of its own, whose secret fields are
// overwritten whenever they hold something. Its TLS part prints a literal
// built field by field, its key overwritten the same way.
type KubeConfig struct {
	Host        string
	Username    string `pii:"username"`
	Password    string `pii:"password"`
	BearerToken string `pii:"token"`
	TLS         TLSClientConfig
}

type TLSClientConfig struct {
	CAFile  string
	KeyData []byte `pii:"secret"`
}

type sanitizedTLS TLSClientConfig

func (c TLSClientConfig) GoString() string { return c.String() }

func (c TLSClientConfig) String() string {
	cc := sanitizedTLS{CAFile: c.CAFile, KeyData: c.KeyData}
	if len(cc.KeyData) != 0 {
		cc.KeyData = []byte("--- REDACTED ---")
	}
	return fmt.Sprintf("%#v", cc)
}

type sanitizedKubeConfig *KubeConfig

func CopyKubeConfig(c *KubeConfig) *KubeConfig {
	return &KubeConfig{
		Host:        c.Host,
		Username:    c.Username,
		Password:    c.Password,
		BearerToken: c.BearerToken,
		TLS:         TLSClientConfig{CAFile: c.TLS.CAFile, KeyData: c.TLS.KeyData},
	}
}

func (c *KubeConfig) String() string {
	cc := sanitizedKubeConfig(CopyKubeConfig(c))
	if cc.Password != "" {
		cc.Password = "--- REDACTED ---"
	}
	if cc.BearerToken != "" {
		cc.BearerToken = "--- REDACTED ---"
	}
	return fmt.Sprintf("%#v", cc)
}

func (c *KubeConfig) GoString() string { return c.String() }

// Shown hides the token only when asked: the copy still shows it.
type Shown struct {
	Name  string
	Token string `pii:"token"`
}

func (s *Shown) String() string {
	cc := &Shown{Name: s.Name, Token: s.Token}
	if hideTokens {
		cc.Token = ""
	}
	return fmt.Sprintf("%#v", cc)
}

var hideTokens bool

func kube(cfg *KubeConfig, s *Shown) {
	log.Printf("config %v", cfg)           // want `^KubeConfig.Username \(username\) reaches log output via log.Printf`
	log.Printf("config %#v", cfg)          // want `^KubeConfig.Username \(username\) reaches log output via log.Printf`
	log.Printf("tls %v", cfg.TLS)          // clean: the key is redacted
	log.Printf("token %s", cfg.BearerToken) // want `KubeConfig.BearerToken \(token, secret\) reaches log output via log.Printf`
	log.Printf("shown %v", s)              // want `Shown.Token \(token, secret\) reaches log output via log.Printf`
}

// Mailer holds the last subscriber it sent to; its template functions
// capture it.
type Mailer struct {
	last  Subscriber
	count int
}

func (m *Mailer) Send(s Subscriber) { m.last = s; m.count++ }

// Funcs are template functions over the mailer: as values they are
// functions, which neither fmt nor encoders show.
func (m *Mailer) Funcs() template.FuncMap {
	return template.FuncMap{
		"Count": func() int { return m.count },
		"Last":  func() string { return m.last.Email },
	}
}

func compile(m *Mailer, body string) {
	_, err := template.New("mail").Funcs(m.Funcs()).Parse(body)
	if err != nil {
		log.Printf("template: %v", err)
	}
	log.Printf("funcs: %v", m.Funcs())
}

// A closure gives what it captured when it is called.
func lastOf(m *Mailer) {
	last := func() string { return m.last.Email }
	log.Println(last()) // want `Subscriber.Email \(email\) reaches log output via log.Println`
}

// StoreResult is what a store sends back over a channel, as Mattermost's
// stores do: its error is not its data.
type StoreResult struct {
	Data any
	Err  error
}

type SubscriberStore struct{}

func (st *SubscriberStore) Save(s *Subscriber) chan StoreResult {
	ch := make(chan StoreResult, 1)
	go func() {
		ch <- StoreResult{Data: s, Err: saveRow(s.ID)}
	}()
	return ch
}

func saveRow(id int64) error { return fmt.Errorf("saving row %d failed", id) }

func signup(st *SubscriberStore, s *Subscriber) {
	r := <-st.Save(s)
	if r.Err != nil {
		log.Printf("signup: %v", r.Err)
	}
	log.Printf("saved %v", r.Data) // want `Subscriber.Age \(birthdate\) and Subscriber.Email \(email\) reach log output via log.Printf`
}
