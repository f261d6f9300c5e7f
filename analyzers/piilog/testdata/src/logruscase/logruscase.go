package logruscase

import (
	"errors"

	"github.com/sirupsen/logrus"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	Phone string `pii:"phone"`
	Pass  string `pii:"password"`
	Nick  string `pii:"-"`
}

//pii:sanitizer
func mask(s string) string {
	if len(s) < 2 {
		return "**"
	}
	return s[:1] + "***"
}

func packageFuncs(c *Customer) {
	logrus.Info("signup ", c.Email)     // want `Customer.Email \(email\) reaches log output via logrus.Info`
	logrus.Printf("signup %s", c.Name)  // want `Customer.Name \(name\) reaches log output via logrus.Printf`
	logrus.Println("signup", c.Phone)   // want `Customer.Phone \(phone\) reaches log output via logrus.Println`
	logrus.Tracef("signup %s", c.Email) // want `Customer.Email \(email\) reaches log output via logrus.Tracef`
	logrus.Warningln("signup", c.Pass)  // want `Customer.Pass \(password, secret\) reaches log output via logrus.Warningln`
	logrus.Errorf("signup %T", c.Email) // %T prints the type, not the data
	logrus.Debug("signup ", c.ID, c.Nick)
	logrus.Fatal("signup ", mask(c.Email))
}

func fields(c *Customer) {
	logrus.WithField("email", c.Email).Info("signup")                           // want `Customer.Email \(email\) reaches log output via logrus.WithField`
	logrus.WithFields(logrus.Fields{"name": c.Name, "id": c.ID}).Warn("signup") // want `Customer.Name \(name\) reaches log output via logrus.WithFields`
	logrus.WithError(errors.New("bad phone " + c.Phone)).Error("signup")        // want `Customer.Phone \(phone\) reaches log output via logrus.WithError`
	logrus.WithField("id", c.ID).WithField("nick", c.Nick).Info("signup")
	logrus.WithField("email", mask(c.Email)).Info("signup")
}

// The entry is built in one statement and logged in another: the finding
// is at WithField, where the data enters the sink, not at Info.
func entryLater(c *Customer) {
	e := logrus.WithField("email", c.Email) // want `Customer.Email \(email\) reaches log output via logrus.WithField`
	e.Info("signup")
	e.WithField("id", c.ID).Info("again")
}

func loggerAndEntry(c *Customer) {
	l := logrus.New()
	l.Infof("signup %s", c.Email)                              // want `Customer.Email \(email\) reaches log output via \(\*logrus.Logger\).Infof`
	l.Warning("signup ", c.Name)                               // want `Customer.Name \(name\) reaches log output via \(\*logrus.Logger\).Warning`
	l.Log(logrus.InfoLevel, "signup ", c.Phone)                // want `Customer.Phone \(phone\) reaches log output via \(\*logrus.Logger\).Log`
	l.WithField("email", c.Email).Debug("signup")              // want `Customer.Email \(email\) reaches log output via \(\*logrus.Logger\).WithField`
	l.WithFields(logrus.Fields{"pass": c.Pass}).Info("signup") // want `Customer.Pass \(password, secret\) reaches log output via \(\*logrus.Logger\).WithFields`
	l.WithError(errors.New(c.Name)).Error("signup")            // want `Customer.Name \(name\) reaches log output via \(\*logrus.Logger\).WithError`
	l.Info("signup ", c.ID)

	e := logrus.NewEntry(l)
	e.Errorln("signup", c.Email)                       // want `Customer.Email \(email\) reaches log output via \(\*logrus.Entry\).Errorln`
	e.Panicf("signup %s", c.Name)                      // want `Customer.Name \(name\) reaches log output via \(\*logrus.Entry\).Panicf`
	e.WithField("phone", c.Phone).Info("signup")       // want `Customer.Phone \(phone\) reaches log output via \(\*logrus.Entry\).WithField`
	e.WithFields(logrus.Fields{"e": c.Email}).Info("") // want `Customer.Email \(email\) reaches log output via \(\*logrus.Entry\).WithFields`
	e.WithError(errors.New(c.Pass)).Info("signup")     // want `Customer.Pass \(password, secret\) reaches log output via \(\*logrus.Entry\).WithError`
	e.Info("signup ", c.ID, mask(c.Name))
}

type service struct {
	log *logrus.Logger
	ctx *logrus.Entry
}

func (s *service) handle(c *Customer) {
	s.log.Infof("handle %s", c.Email)              // want `Customer.Email \(email\) reaches log output via \(\*logrus.Logger\).Infof`
	s.ctx.WithField("name", c.Name).Info("handle") // want `Customer.Name \(name\) reaches log output via \(\*logrus.Entry\).WithField`
	s.ctx.WithField("id", c.ID).Info("handle")
}

// audit is a project-local wrapper around logrus.
func audit(action string, kv logrus.Fields) {
	logrus.WithFields(kv).Info(action)
}

func wrappers(c *Customer) {
	audit("signup", logrus.Fields{"email": c.Email}) // want `Customer.Email \(email\) reaches log output via logruscase.audit → logrus.WithFields`
	audit("signup", logrus.Fields{"id": c.ID})
}
