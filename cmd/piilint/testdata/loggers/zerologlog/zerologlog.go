// Package zerologlog logs customers with github.com/rs/zerolog.
package zerologlog

import (
	"os"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"

	"example.com/loggers/model"
)

// Events logs with the global logger's event chains.
func Events(c *model.Customer) {
	log.Info().Str("email", c.Email).Msg("signup") // want "Customer.Email (email) reaches log output via (*zerolog.Event).Msg"
	log.Warn().Msgf("signup %s", c.Name)           // want "Customer.Name (name) reaches log output via (*zerolog.Event).Msgf"
	log.Info().Int64("id", c.ID).Msg("signup")
	log.Info().Str("email", model.MaskEmail(c.Email)).Send()
	log.Info().Str("card", c.Card) // never sent: no finding
}

// SubLogger attaches the address to a child logger.
func SubLogger(c *model.Customer) {
	sub := zerolog.New(os.Stderr).With().Str("email", c.Email).Logger()
	sub.Info().Msg("welcome") // want "Customer.Email (email) reaches log output via (*zerolog.Event).Msg"
	clean := zerolog.New(os.Stderr).With().Int64("id", c.ID).Logger()
	clean.Info().Msg("welcome")
}

// Service keeps its logger in a field.
type Service struct {
	log zerolog.Logger
}

// Handle logs a request.
func (s *Service) Handle(c *model.Customer) {
	s.log.Error().Str("card", c.Card).Msg("charge failed") // want "Customer.Card (card, secret) reaches log output via (*zerolog.Event).Msg"
	s.log.Info().Int64("id", c.ID).Msg("handle")
}
