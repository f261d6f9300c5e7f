package basic

import (
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
	log.Printf("%+v", c) // want `Customer.CVV` `Customer.Email` `Customer.Name`
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
