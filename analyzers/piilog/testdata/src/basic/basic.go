package basic

import (
	"bufio"
	"context"
	"fmt"
	"log"
	"log/slog"
	"os"
	"strings"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Name  string `pii:"name"`
	CVV   string `pii:"cvv"`
	Nick  string `pii:"-"`
}

func direct(c *Customer) {
	log.Printf("signup %s", c.Email) // want `Customer.Email \(email\) reaches log output via log.Printf`
	log.Printf("signup %d", c.ID)
	log.Print(c.Nick)
	log.Println("cvv", c.CVV) // want `Customer.CVV \(cvv, secret\) reaches log output via log.Println`
}

func whole(c Customer) {
	log.Printf("%+v", c) // want `Customer\.CVV \(cvv, secret\), Customer\.Email \(email\) and Customer\.Name \(name\) reach log output via log\.Printf`
	log.Printf("%T", c)
	log.Printf("%d", len(c.Email))
}

func concat(c *Customer) {
	s := "hello " + strings.ToUpper(c.Name)
	slog.Info("greeting", "who", s) // want `Customer.Name \(name\) reaches log output via slog.Info`
	msg := fmt.Sprintf("to %s", c.Email)
	fmt.Fprintln(os.Stderr, msg) // want `Customer.Email`
	fmt.Fprintln(&strings.Builder{}, msg)
}

func overwritten(c *Customer) {
	s := c.Email
	s = "redacted"
	log.Print(s)
}

func slogForms(ctx context.Context, c *Customer) {
	slog.Info("x", slog.String("e", c.Email))                     // want `Customer.Email \(email\) reaches log output via slog.Info`
	slog.Warn("x", slog.Group("g", "name", c.Name))               // want `Customer.Name`
	l := slog.Default().With("e", c.Email)                        // want `Customer.Email \(email\) reaches log output via \(\*slog.Logger\).With`
	l.InfoContext(ctx, "done", "id", c.ID)                        // the logger carries the attribute; reported at With
	slog.LogAttrs(ctx, slog.LevelInfo, "m", slog.Any("c", c.CVV)) // want `Customer.CVV`
	slog.ErrorContext(ctx, "m", "who", c.Name)                    // want `Customer.Name`
	slog.Info("id", "id", c.ID)
}

func loggers(c *Customer) {
	lg := log.New(os.Stderr, "crm ", 0)
	lg.Printf("%s", c.Email)      // want `Customer.Email \(email\) reaches log output via \(\*log.Logger\).Printf`
	lg.Output(2, c.Name)          // want `Customer.Name \(name\) reaches log output via \(\*log.Logger\).Output`
	log.Fatalf("bad %s", c.Email) // want `Customer.Email \(email\) reaches log output via log.Fatalf`
}

func panics(c *Customer) {
	if c.ID == 0 {
		panic("no customer " + c.Email) // want `Customer.Email \(email\) reaches log output via panic`
	}
	panic(fmt.Sprintf("id %d", c.ID))
}

func stdout(c *Customer) {
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, c.Email) // want `Customer.Email \(email\) reaches log output via fmt.Fprintln`
	f, _ := os.Create("out.txt")
	fmt.Fprintln(f, c.Email)      // a file, not log output (piiexport's)
	os.Stdout.WriteString(c.Name) // want `Customer.Name \(name\) reaches log output via \(\*os.File\).WriteString`
	fmt.Printf("%s\n", c.Email)   // want `Customer.Email \(email\) reaches log output via fmt.Printf`
}

// A misspelt kind is reported by piifacts; the field stays protected, as
// the generic kind.
type Misspelt struct {
	Email string `pii:"emial"`
	Phone string `pii:phone`
}

func misspelt(m Misspelt) {
	log.Print(m.Email) // want `Misspelt.Email \(pii\) reaches log output via log.Print`
	log.Print(m.Phone) // want `Misspelt.Phone \(phone\) reaches log output via log.Print`
}
