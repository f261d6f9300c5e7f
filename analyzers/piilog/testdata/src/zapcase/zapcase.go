package zapcase

import (
	"errors"
	"fmt"

	"go.uber.org/zap"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
	Card  string `pii:"card"`
	Nick  string `pii:"-"`
}

//pii:sanitizer
func mask(s string) string {
	if len(s) < 2 {
		return "**"
	}
	return s[:1] + "***"
}

func structured(c *Customer) {
	logger := zap.NewExample()
	logger.Info("signup", zap.String("email", c.Email))                          // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).Info`
	logger.Debug("signup", zap.Any("name", c.Name))                              // want `Customer.Name \(name\) reaches log output via \(\*zap.Logger\).Debug`
	logger.Warn("signup", zap.Reflect("c", c))                                   // want `Customer\.Card \(card, secret\), Customer\.Email \(email\) and 2 more fields of Customer reach log output via \(\*zap\.Logger\)\.Warn`
	logger.Error("signup", zap.Strings("phones", []string{c.Phone}))             // want `Customer.Phone \(phone\) reaches log output via \(\*zap.Logger\).Error`
	logger.DPanic("signup", zap.ByteString("card", []byte(c.Card)))              // want `Customer.Card \(card, secret\) reaches log output via \(\*zap.Logger\).DPanic`
	logger.Panic("signup", zap.Error(errors.New("bad email "+c.Email)))          // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).Panic`
	logger.Fatal("signup", zap.NamedError("cause", fmt.Errorf("no %s", c.Name))) // want `Customer.Name \(name\) reaches log output via \(\*zap.Logger\).Fatal`
	logger.Info("signup " + c.Email)                                             // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).Info`

	logger.Info("signup", zap.Int64("id", c.ID), zap.String("nick", c.Nick))
	logger.Info("signup", zap.String("email", mask(c.Email)))
	logger.Info("signup", zap.Int("len", len(c.Email)))
}

func with(c *Customer) {
	l := zap.L().With(zap.String("email", c.Email)) // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).With`
	l.Info("done", zap.Int64("id", c.ID))           // the logger carries the field; reported at With
	zap.L().Named("crm").With(zap.Int64("id", c.ID)).Info("done")
}

func sugared(c *Customer) {
	s := zap.NewExample().Sugar()
	s.Info("signup ", c.Email)           // want `Customer.Email \(email\) reaches log output via \(\*zap.SugaredLogger\).Info`
	s.Warn(c.Name)                       // want `Customer.Name \(name\) reaches log output via \(\*zap.SugaredLogger\).Warn`
	s.Infof("signup %s", c.Email)        // want `Customer.Email \(email\) reaches log output via \(\*zap.SugaredLogger\).Infof`
	s.Errorf("signup %T", c.Email)       // %T prints the type, not the data
	s.Debugw("signup", "phone", c.Phone) // want `Customer.Phone \(phone\) reaches log output via \(\*zap.SugaredLogger\).Debugw`
	s.Errorw("signup", "id", c.ID)
	s.Infoln("signup", c.Name) // want `Customer.Name \(name\) reaches log output via \(\*zap.SugaredLogger\).Infoln`
	s.Fatalln("signup", mask(c.Name))
	ws := zap.S().With("email", c.Email) // want `Customer.Email \(email\) reaches log output via \(\*zap.SugaredLogger\).With`
	ws.Info("done")                      // the logger carries the pair; reported at With
	s.With("id", c.ID).Info("done", c.Nick)
}

type server struct {
	log   *zap.Logger
	sugar *zap.SugaredLogger
}

func (s *server) handle(c *Customer) {
	s.log.Info("handle", zap.String("email", c.Email)) // want `Customer.Email \(email\) reaches log output via \(\*zap.Logger\).Info`
	s.sugar.Infof("handle %s", c.Phone)                // want `Customer.Phone \(phone\) reaches log output via \(\*zap.SugaredLogger\).Infof`
	s.log.Info("handle", zap.Int64("id", c.ID))
}

// logf is a project-local wrapper: it is a sink for its callers.
func logf(s *zap.SugaredLogger, format string, args ...any) {
	s.Infof(format, args...)
}

// event wraps a *zap.Logger and names the field itself.
func event(l *zap.Logger, msg, key, value string) {
	l.Info(msg, zap.String(key, value))
}

func wrappers(c *Customer) {
	logf(zap.S(), "signup %s", c.Email) // want `Customer.Email \(email\) reaches log output via zapcase.logf → \(\*zap.SugaredLogger\).Infof`
	logf(zap.S(), "signup %d", c.ID)
	event(zap.L(), "signup", "name", c.Name) // want `Customer.Name \(name\) reaches log output via zapcase.event → \(\*zap.Logger\).Info`
	event(zap.L(), "signup", "name", mask(c.Name))
}

// Account is logged whole through zap's reflection encoder, which honours
// json:"-".
type Account struct {
	ID    int64
	Email string `pii:"email"`
	Token string `pii:"token" json:"-"`
}

func reflected(logger *zap.Logger, a *Account) {
	logger.Info("account", zap.Any("account", a))     // want `Account.Email \(email\) reaches log output via \(\*zap.Logger\).Info`
	logger.Info("account", zap.Reflect("account", a)) // want `Account.Email \(email\) reaches log output via \(\*zap.Logger\).Info`
}
