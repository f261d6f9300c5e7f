// Command crmd is the benchmark service: a support CRM with its customers
// in PostgreSQL (gorm), agents in LDAP, exports in S3, settings in
// Kubernetes, billing over gRPC and logs through zap.
package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"strconv"

	"go.uber.org/zap"

	"example.com/realdeps/blobs"
	"example.com/realdeps/cluster"
	"example.com/realdeps/directory"
	"example.com/realdeps/model"
	"example.com/realdeps/obs"
	"example.com/realdeps/rpc"
	"example.com/realdeps/store"
)

type server struct {
	log     *zap.Logger
	store   *store.Store
	dir     *directory.Directory
	exports *blobs.Exporter
	k8s     *cluster.Settings
	billing *rpc.Billing
}

func main() {
	dsn := flag.String("dsn", "", "PostgreSQL DSN")
	level := flag.String("log", "info", "log level")
	flag.Parse()
	ctx := context.Background()

	l, err := obs.New(*level)
	if err != nil {
		log.Fatal(err)
	}
	obs.Install(l)
	st, err := store.Open(*dsn, l)
	if err != nil {
		l.Fatal("store", zap.Error(err))
	}
	ex, err := blobs.New(ctx, "crm-exports")
	if err != nil {
		l.Fatal("s3", zap.Error(err))
	}
	k8s, err := cluster.New("crm")
	if err != nil {
		l.Fatal("kubernetes", zap.Error(err))
	}
	b, err := rpc.Dial("billing:443", false)
	if err != nil {
		l.Fatal("billing", zap.Error(err))
	}
	defer b.Close()
	s := &server{log: l, store: st, dir: &directory.Directory{URL: "ldaps://ldap:636", BaseDN: "dc=crm"}, exports: ex, k8s: k8s, billing: b}

	http.HandleFunc("/customers", s.customer)
	http.HandleFunc("/login", s.login)
	http.HandleFunc("/export", s.export)
	l.Fatal("serve", zap.Error(http.ListenAndServe(":8080", nil)))
}

func (s *server) customer(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		http.Error(w, "bad id", http.StatusBadRequest)
		return
	}
	c, err := s.store.Customer(r.Context(), uint(id))
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	s.log.Info("customer viewed", zap.Uint("id", c.ID), zap.String("email", c.Email))
	obs.Logf("customer %+v", c.Redacted())
	if err := s.k8s.Put(r.Context(), c); err != nil {
		s.log.Warn("settings", zap.Error(err))
	}
}

func (s *server) login(w http.ResponseWriter, r *http.Request) {
	a := &model.Agent{DN: "uid=" + r.FormValue("login") + ",dc=crm", Login: r.FormValue("login"), Password: r.FormValue("password")}
	if err := s.dir.Authenticate(a); err != nil {
		http.Error(w, "denied", http.StatusForbidden)
		return
	}
	s.log.Info("login", zap.String("login", a.Login))
}

func (s *server) export(w http.ResponseWriter, r *http.Request) {
	ts, err := s.store.Tickets(r.Context(), 1)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	cs := make([]model.Customer, 0, len(ts))
	for _, t := range ts {
		cs = append(cs, t.Customer)
		s.log.Debug("ticket", zap.String("subject", t.Subject))
	}
	if err := s.exports.CSV(r.Context(), "customers.csv", cs); err != nil {
		s.log.Error("export", zap.Error(err))
	}
	if err := s.exports.Snapshot(r.Context(), "customers.json", cs); err != nil {
		s.log.Error("snapshot", zap.Error(err))
	}
	card := &model.Card{CustomerID: cs[0].ID, Number: r.FormValue("card"), CVV: r.FormValue("cvv")}
	if err := s.store.AddCard(r.Context(), card); err != nil {
		s.log.Error("card", zap.Error(err))
	}
	if err := s.billing.Charge(r.Context(), &cs[0], card); err != nil {
		s.log.Error("charge", zap.Error(err))
	}
}
