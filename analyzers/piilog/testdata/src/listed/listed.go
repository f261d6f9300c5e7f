// Package listed holds the log cases of the precision issue's list, each
// with its twin.
package listed

import (
	"context"
	"encoding/json"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"sync"

	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
)

type User struct {
	ID     int64
	Email  string `pii:"email"`
	Hidden string `pii:"ssn" json:"-"`
}

// Masked shows only its ID to fmt; JSON encoders ignore String.
type Masked struct {
	ID    int64
	Email string `pii:"email"`
}

func (m Masked) String() string { return "user" }

func redact(groups []string, a slog.Attr) slog.Attr {
	if a.Key == "email" {
		return slog.String("email", "[redacted]")
	}
	return a
}

// The package's handler redacts the "email" key, also inside a group;
// another key is output.
func replaceAttr(u *User) {
	l := slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{ReplaceAttr: redact}))
	l.Info("signup", "email", u.Email)
	l.Info("signup", slog.Group("user", "email", u.Email))
	l.Info("signup", slog.String("email", u.Email))
	l.Info("signup", "mail", u.Email) // want `User.Email \(email\) reaches log output via \(\*slog.Logger\).Info`
}

func zerologJSON(l zerolog.Logger, m Masked, u User) {
	l.Info().Interface("user", m).Msg("signup") // want `Masked.Email \(email\) reaches log output via \(\*zerolog.Event\).Msg`
	l.Info().Interface("user", u).Msg("signup") // want `^User.Email \(email\) reaches log output via \(\*zerolog.Event\).Msg`
}

func logrusJSON(m Masked, u *User) {
	logrus.SetFormatter(&logrus.JSONFormatter{})
	logrus.WithField("user", m).Info("signup") // want `Masked.Email \(email\) reaches log output via logrus.WithField`
	logrus.WithField("user", u).Info("signup") // want `^User.Email \(email\) reaches log output via logrus.WithField`
}

func encoder(m Masked, u *User) {
	json.NewEncoder(os.Stderr).Encode(m) // want `Masked.Email \(email\) reaches log output via \(\*json.Encoder\).Encode`
	json.NewEncoder(os.Stderr).Encode(u) // want `^User.Email \(email\) reaches log output via \(\*json.Encoder\).Encode`
}

// Map keeps field sensitivity.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func genericMap(us []User) {
	ids := Map(us, func(u User) int64 { return u.ID })
	log.Println(ids)
	emails := Map(us, func(u User) string { return u.Email })
	log.Println(emails) // want `^User.Email \(email\) reaches log output via log.Println$`
}

// lazy logs what its function gives; each gives its function every user.
func lazy(f func() string) { log.Println(f()) }

func each(xs []string, f func(string)) {
	for _, x := range xs {
		f(x)
	}
}

func logLine(s string) { log.Println(s) }

// forEach stands for each: a call through it is one of each.
var forEach = each

// A function that logs a field of the user it is given reports it
// itself, once.
func eachUser(us []User, f func(User)) {
	for _, u := range us {
		f(u)
	}
}

func logEmail(u User) { log.Println(u.Email) } // want `User.Email \(email\) reaches log output via log.Println`

func callbacks(u *User, us []User) {
	lazy(func() string { return u.Email }) // want `User.Email \(email\) reaches log output via listed.lazy → log.Println`
	lazy(func() string { return strconv.FormatInt(u.ID, 10) })
	emails := []string{u.Email}
	each(emails, logLine) // want `User.Email \(email\) reaches log output via listed.each → logLine → log.Println`
	each([]string{"x"}, logLine)
	forEach(emails, logLine) // want `User.Email \(email\) reaches log output via listed.forEach → logLine → log.Println`
	forEach([]string{"x"}, logLine)
	eachUser(us, logEmail)
	eachUser(us, func(u User) { log.Println(u.ID) })
}

func serve(u *User) {
	srv := &http.Server{Addr: ":8080", Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(u.Email))
	})}
	if err := srv.ListenAndServe(); err != nil {
		log.Println(err)
	}
}

var current *User

// noParams leaks inside itself: one finding, not one more per caller.
func noParams() {
	log.Println(current.Email) // want `User.Email \(email\) reaches log output via log.Println`
}

func callsNoParams() {
	noParams()
	noParams()
}

type ctxKey struct{}

func withUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, ctxKey{}, u.Email)
}

func logFromContext(ctx context.Context) {
	log.Println(ctx.Value(ctxKey{}))
}

func contextAcross(u *User) {
	ctx := withUser(context.Background(), u)
	logFromContext(ctx) // want `User.Email \(email\) reaches log output via listed.logFromContext → log.Println`
}

// Notifier keeps channels in fields: what one method sends, another
// receives, field by field.
type Notifier struct {
	events chan string
	ids    chan string
	done   chan struct{}
}

func (n *Notifier) Notify(u *User) {
	n.events <- u.Email
	n.ids <- strconv.FormatInt(u.ID, 10)
}

func (n *Notifier) Audit() {
	for id := range n.ids {
		log.Println("notified", id)
	}
}

func (n *Notifier) Run() {
	for {
		select {
		case e := <-n.events:
			log.Println("event", e) // want `User.Email \(email\) reaches log output via log.Println`
		case <-n.done:
			return
		}
	}
}

func syncMap(u *User) {
	var m sync.Map
	m.Store(u.ID, u.Email)
	m.Range(func(k, v any) bool {
		log.Println(k, v) // want `User.Email \(email\) reaches log output via log.Println`
		return true
	})
	var ids sync.Map
	ids.Store(u.ID, u.ID)
	ids.Range(func(k, v any) bool {
		log.Println(k, v)
		return true
	})
}
