package cfguse

import (
	"log"

	"cfgpkg"
)

//pii:sanitizer
func redact(s string) string { return "***" }

func Masked(s string) string { return s[:1] + "***" }

func Notify(s string) {}

func use(c *cfgpkg.Config, s cfgpkg.Secret) {
	log.Print(c.BearerToken) // want `Config.BearerToken \(token, secret\) reaches log output via log.Print`
	log.Print(c.Host)
	log.Print(s)                     // want `Secret \(secret\)`
	log.Print(Masked(c.BearerToken)) // configured sanitizer
	log.Print(redact(c.BearerToken))
	Notify(c.BearerToken) // want `Config.BearerToken \(token, secret\) reaches log output via cfguse.Notify`
}
