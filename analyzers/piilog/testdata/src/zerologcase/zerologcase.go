package zerologcase

import (
	"os"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

type Customer struct {
	ID    int64
	Email string `pii:"email"`
	Card  string `pii:"card"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

type service struct {
	log zerolog.Logger
}

func chains(c *Customer) {
	log.Info().Str("email", c.Email).Msg("signup") // want `Customer.Email \(email\) reaches log output via \(\*zerolog.Event\).Msg`
	log.Info().Int64("id", c.ID).Msg("signup")
	log.Info().Str("email", mask(c.Email)).Send()
	log.Error().Interface("customer", c).Msgf("failed %d", c.ID) // want `Customer\.Card \(card, secret\) and Customer\.Email \(email\) reach log output via \(\*zerolog\.Event\)\.Msgf`
	log.Info().Str("card", c.Card)                               // never sent: not a leak
	log.Printf("card %s", c.Card)                                // want `Customer.Card \(card, secret\) reaches log output via log.Printf`
}

func events(c *Customer) {
	ev := log.Info()
	ev.Str("email", c.Email)
	ev.Send() // want `Customer.Email \(email\) reaches log output via \(\*zerolog.Event\).Send`
}

func contexts(c *Customer) {
	sub := zerolog.New(os.Stderr).With().Str("email", c.Email).Logger()
	sub.Info().Msg("hello") // want `Customer.Email \(email\) reaches log output via \(\*zerolog.Event\).Msg`
	clean := zerolog.New(os.Stderr).With().Str("service", "crm").Logger()
	clean.Info().Msg("hello")
}

func (s *service) handle(c *Customer) {
	s.log.Info().Str("email", c.Email).Msg("handled") // want `Customer.Email`
}
