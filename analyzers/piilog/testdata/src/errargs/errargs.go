// Package errargs: an error carries personal data only where code puts it
// there, never because of what its call was given.
package errargs

import (
	"bytes"
	"database/sql"
	"encoding/csv"
	"errors"
	"fmt"
	"image"
	"image/png"
	"io"
	"log"
	"net/http"
	"os"
	"reflect"
	"strconv"
	"strings"

	pkgerrors "github.com/pkg/errors"
)

type Subscriber struct {
	ID    int64
	Email string `pii:"email"`
	Phone string `pii:"phone"`
}

// Messenger is implemented elsewhere: its errors are not known.
type Messenger interface {
	Push(to string, body string) error
}

func queries(db *sql.DB, s *Subscriber) {
	if _, err := db.Exec("UPDATE subscribers SET email = $1", s.Email); err != nil {
		log.Printf("update: %v", err) // the driver's error, not the query's arguments
	}
	row := db.QueryRow("SELECT id FROM subscribers WHERE email = $1", s.Email)
	if err := row.Scan(&s.ID); err != nil {
		log.Print(err)
	}
	if _, err := db.Exec("UPDATE subscribers SET email = $1", s.Email); err != nil {
		log.Print(fmt.Errorf("update %s: %w", s.Email, err)) // want `Subscriber.Email \(email\) reaches log output via log.Print`
	}
}

func writes(w io.Writer, s *Subscriber) {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{s.Email, s.Phone}); err != nil {
		log.Print(err) // a write error does not hold what was written
	}
	if _, err := fmt.Fprint(w, s.Email); err != nil {
		log.Print(err)
	}
	if err := os.WriteFile("out.txt", []byte(s.Phone), 0o600); err != nil {
		log.Print(err)
	}
	if err := os.WriteFile(s.Email+".txt", nil, 0o600); err != nil {
		log.Print(err) // want `Subscriber.Email \(email\) reaches log output via log.Print`
	}
}

func messages(m Messenger, s *Subscriber) {
	if err := m.Push(s.Phone, "hello"); err != nil {
		log.Print(err)
	}
	if err := m.Push(s.Phone, "hello"); err != nil {
		log.Print(errors.New("push to " + s.Phone + ": " + err.Error())) // want `Subscriber.Phone \(phone\) reaches log output via log.Print`
	}
}

func parsing(s *Subscriber) {
	if _, err := strconv.Atoi(s.Phone); err != nil {
		log.Print(err) // want `Subscriber.Phone \(phone\) reaches log output via log.Print`
	}
	if _, err := strconv.Atoi(strconv.FormatInt(s.ID, 10)); err != nil {
		log.Print(err)
	}
}

func typesOnly(s *Subscriber) {
	log.Printf("unsupported %v", reflect.TypeOf(s)) // a type, not data
	v := reflect.ValueOf(s).Elem()
	log.Printf("kind %v of %s", v.Kind(), v.Type().Name())
	log.Printf("value %v", v.Field(1).Interface()) // want `Subscriber\.Email \(email\) and Subscriber\.Phone \(phone\) reach log output via log\.Printf`
}

// A response comes from the server: it does not carry the request; the
// error of a GET names its URL.
func responses(c *http.Client, s *Subscriber) {
	req, _ := http.NewRequest("POST", "https://api.example.com/subscribers", strings.NewReader(`{"email":"`+s.Email+`"}`))
	resp, err := c.Do(req)
	if err != nil {
		log.Print(err)
		return
	}
	b, _ := io.ReadAll(resp.Body)
	log.Printf("status %d: %s", resp.StatusCode, b)
	if _, err := http.Get("https://api.example.com/lookup?email=" + s.Email); err != nil {
		log.Print(err) // want `Subscriber.Email \(email\) reaches log output via log.Print`
	}
}

// An encoder's error says what failed; the data it wrote is in the buffer.
func encoded(img image.Image, s *Subscriber) {
	var buf bytes.Buffer
	buf.WriteString(s.Email)
	if err := png.Encode(&buf, img); err != nil {
		log.Print(err)
	}
	log.Print(buf.String()) // want `Subscriber.Email \(email\) reaches log output via log.Print`
}

// An errors package builds its errors from what it is given.
func wrapped(db *sql.DB, s *Subscriber) {
	_, err := db.Exec("UPDATE subscribers SET email = $1", s.Email)
	if err != nil {
		log.Print(pkgerrors.Wrap(err, "update failed"))
		log.Print(pkgerrors.Wrapf(err, "update of %s failed", s.Email)) // want `Subscriber.Email \(email\) reaches log output via log.Print`
		log.Print(pkgerrors.New("no subscriber " + s.Phone))            // want `Subscriber.Phone \(phone\) reaches log output via log.Print`
	}
}

// DbMap registers tables by a value of their type, as gorp does: the
// value is a type witness.
type DbMap struct {
	tables map[string]any
}

func (m *DbMap) AddTableWithName(i any, name string) {
	m.tables[name] = i
}

func (m *DbMap) CreateTables() error {
	for name, t := range m.tables {
		if t == nil {
			return fmt.Errorf("table %s: %v", name, t)
		}
	}
	return nil
}

func witnesses(m *DbMap, db *sql.DB) {
	m.AddTableWithName(Subscriber{}, "Subscribers")
	m.AddTableWithName(new(Subscriber), "Subscribers2")
	m.AddTableWithName(&Subscriber{}, "Subscribers3")
	if err := m.CreateTables(); err != nil {
		log.Println(err)
	}
	log.Println(reflect.TypeOf(new(Subscriber)))
	log.Printf("%v", Subscriber{})
	var s Subscriber
	db.QueryRow("SELECT email FROM subscribers LIMIT 1").Scan(&s.Email)
	log.Printf("%v", s) // want `Subscriber.Email \(email\) and Subscriber.Phone \(phone\) reach log output via log.Printf`
}

// AppError is a concrete error type, as Mattermost's *model.AppError.
type AppError struct {
	Id            string
	DetailedError string
}

func (e *AppError) Error() string { return e.Id + ": " + e.DetailedError }

// StoreResult comes back whole from a store implemented elsewhere: its
// error field carries what the store put there, not the subscriber it
// was given.
type StoreResult struct {
	Data any
	Err  *AppError
}

type SubscriberStore interface {
	Update(s *Subscriber) chan StoreResult
}

func update(st SubscriberStore, s *Subscriber) *AppError {
	result := <-st.Update(s)
	if result.Err != nil {
		log.Println(result.Err.Error())
		return result.Err
	}
	mine := &AppError{Id: "update", DetailedError: "email=" + s.Email}
	log.Println(mine.Error()) // want `Subscriber.Email \(email\) reaches log output via log.Println`
	return nil
}

func callsUpdate(st SubscriberStore, s *Subscriber) {
	if err := update(st, s); err != nil {
		log.Println(err.Error())
	}
}

// A cookie is a header of the request: the URL does not carry it.
func logPath(r *http.Request) {
	log.Printf("%s %s", r.Method, r.URL.Path)
}

func logHeaders(r *http.Request) {
	log.Printf("headers %v", r.Header)
}

func cookieRequest(s *Subscriber) {
	req, _ := http.NewRequest("GET", "https://example.com/inbox", nil)
	req.AddCookie(&http.Cookie{Name: "user", Value: s.Email})
	logPath(req)
	logHeaders(req) // want `Subscriber.Email \(email\) reaches log output via errargs.logHeaders → log.Printf`
}

// sessionToken reads the session cookie or the Authorization header.
func sessionToken(r *http.Request) string {
	if c, err := r.Cookie("session"); err == nil {
		return c.Value
	}
	return r.Header.Get("Authorization")
}

func logSession(r *http.Request) {
	log.Printf("session %s", sessionToken(r))
}

// A cookie or a header of a constant name is what was stored under that
// name; requests made with a nil body do not share memory.
func namedCookies(s *Subscriber) {
	a, _ := http.NewRequest("GET", "https://example.com/inbox", nil)
	a.AddCookie(&http.Cookie{Name: "user", Value: s.Email})
	logSession(a)
	b, _ := http.NewRequest("GET", "https://example.com/inbox", nil)
	b.AddCookie(&http.Cookie{Name: "session", Value: s.Email})
	logSession(b) // want `Subscriber.Email \(email\) reaches log output via errargs.logSession → log.Printf`
	c, _ := http.NewRequest("GET", "https://example.com/inbox", nil)
	c.Header.Set("Authorization", s.Phone)
	logSession(c) // want `Subscriber.Phone \(phone\) reaches log output via errargs.logSession → log.Printf`
}

// CodedError prints its code only: the subscriber it was built for is in
// its memory, not in what Error returns.
type CodedError struct {
	Code    string
	Address string
}

func (e *CodedError) Error() string { return "delivery failed: " + e.Code }

func bounce(s *Subscriber) *CodedError { return &CodedError{Code: "550", Address: s.Email} }

// A value with an Error or String method prints as the method shows it,
// also next to other arguments of a variadic call (their array shares
// one alias class); the number beside it is only itself.
func printedByMethod(s *Subscriber) {
	if err := bounce(s); err != nil {
		log.Println("bounce", s.ID, err)
	}
	err := &AppError{Id: "store.save", DetailedError: "email=" + s.Email}
	log.Println("save", s.ID, err) // want `Subscriber.Email \(email\) reaches log output via log.Println`
}
