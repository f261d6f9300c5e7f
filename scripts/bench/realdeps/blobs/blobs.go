// Package blobs exports customers to S3.
package blobs

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"example.com/realdeps/model"
)

// Exporter writes customer exports to a bucket.
type Exporter struct {
	client *s3.Client
	bucket string
}

// New returns an exporter for bucket.
func New(ctx context.Context, bucket string) (*Exporter, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	return &Exporter{client: s3.NewFromConfig(cfg), bucket: bucket}, nil
}

// CSV writes the customers as a CSV object.
func (e *Exporter) CSV(ctx context.Context, key string, cs []model.Customer) error {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	for _, c := range cs {
		if err := w.Write([]string{fmt.Sprint(c.ID), c.Email, c.Name, c.Plan}); err != nil {
			return err
		}
	}
	w.Flush()
	_, err := e.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(e.bucket),
		Key:    aws.String(key),
		Body:   bytes.NewReader(buf.Bytes()),
	})
	return err
}

// Snapshot writes the redacted customers as JSON.
func (e *Exporter) Snapshot(ctx context.Context, key string, cs []model.Customer) error {
	out := make([]model.Customer, len(cs))
	for i, c := range cs {
		out[i] = c.Redacted()
	}
	b, err := json.Marshal(out)
	if err != nil {
		return err
	}
	_, err = e.client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(e.bucket), Key: aws.String(key), Body: bytes.NewReader(b),
	})
	return err
}
