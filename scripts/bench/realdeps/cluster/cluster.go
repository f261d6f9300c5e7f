// Package cluster keeps per-customer settings in Kubernetes.
package cluster

import (
	"context"
	"log"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"example.com/realdeps/model"
)

// Settings stores config maps in a namespace.
type Settings struct {
	k8s       kubernetes.Interface
	namespace string
}

// New connects with the in-cluster configuration.
func New(namespace string) (*Settings, error) {
	cfg, err := rest.InClusterConfig()
	if err != nil {
		return nil, err
	}
	log.Printf("cluster config %v", cfg)
	k8s, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, err
	}
	return &Settings{k8s: k8s, namespace: namespace}, nil
}

// Put writes a customer's contact settings.
func (s *Settings) Put(ctx context.Context, c *model.Customer) error {
	cm := &corev1.ConfigMap{
		ObjectMeta: metav1.ObjectMeta{Name: "customer-" + c.Plan},
		Data:       map[string]string{"plan": c.Plan},
	}
	created, err := s.k8s.CoreV1().ConfigMaps(s.namespace).Create(ctx, cm, metav1.CreateOptions{})
	if err != nil {
		return err
	}
	log.Printf("created %s for %s", created.Name, c.Email)
	return nil
}
