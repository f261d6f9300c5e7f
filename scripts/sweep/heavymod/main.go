// Command heavymod is the sweep's module with heavy real dependencies:
// Kubernetes client-go, gRPC and the AWS SDK, with a tagged type flowing
// through them. The sweep (internal/sweep) analyses it and all its
// dependencies and requires zero internal errors.
package main

import (
	"context"
	"log"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
)

// User is a customer record.
type User struct {
	ID    string
	Email string `pii:"email"`
	Name  string `pii:"name"`
}

func main() {
	ctx := context.Background()
	u := &User{ID: "1", Email: "a@example.com", Name: "A"}

	restCfg, err := rest.InClusterConfig()
	if err != nil {
		log.Fatal(err)
	}
	// rest.Config prints a copy with its password and token redacted,
	// and its TLS part with the key redacted.
	log.Printf("cluster %v", restCfg)           // sweep: clean
	log.Printf("token %s", restCfg.BearerToken) // sweep: reported
	k8s, err := kubernetes.NewForConfig(restCfg)
	if err != nil {
		log.Fatal(err)
	}
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "user-" + u.ID},
		Data:       map[string]string{"email": u.Email},
	}
	created, err := k8s.CoreV1().ConfigMaps("default").Create(ctx, cm, metav1.CreateOptions{})
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("created %s", created.Name)
	log.Printf("data %v", created.Data)

	awsCfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	client := s3.NewFromConfig(awsCfg)
	_, err = client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String("users"),
		Key:    aws.String(u.ID),
		Body:   strings.NewReader(u.Email),
	})
	if err != nil {
		log.Printf("put: %v", err)
	}

	conn, err := grpc.NewClient("users.internal:50051", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	ctx = metadata.AppendToOutgoingContext(ctx, "user-name", u.Name)
	var out any
	if err := conn.Invoke(ctx, "/users.Users/Touch", u, &out); err != nil {
		log.Printf("invoke: %v", err)
	}
}
