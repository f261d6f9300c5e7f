package sanitize

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log"
	"log/slog"
)

type User struct {
	ID    int64
	Email string `pii:"email"`
	Pass  string `pii:"password"`
}

//pii:sanitizer
func Mask(s string) string {
	if len(s) < 2 {
		return "**"
	}
	return s[:1] + "***"
}

// Redacted prints without PII.
type Redacted struct {
	ID    int64
	Email string `pii:"email"`
}

func (r Redacted) String() string { return fmt.Sprintf("user#%d", r.ID) }

// Leaky has a String method that returns PII: printing it leaks.
type Leaky struct {
	Email string `pii:"email"`
}

func (l Leaky) String() string { return "leaky " + l.Email }

// Valued implements slog.LogValuer without PII.
type Valued struct {
	ID    int64
	Email string `pii:"email"`
}

func (v Valued) LogValue() slog.Value { return slog.Int64Value(v.ID) }

func use(u *User, key []byte) {
	log.Print(Mask(u.Email))
	log.Print(Redacted{ID: u.ID, Email: u.Email})
	log.Print(Leaky{Email: "x"}) // want `Leaky.Email`
	slog.Info("user", "u", Valued{ID: 1})

	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(u.Email))
	log.Print(hex.EncodeToString(mac.Sum(nil)))

	sum := sha256.Sum256([]byte(u.Email))
	log.Print(hex.EncodeToString(sum[:])) // want `User.Email \(email\)`

	log.Printf("%T %p", u, u)
	log.Print(len(u.Pass))
	log.Print(u.Email == "")
}
