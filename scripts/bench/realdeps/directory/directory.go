// Package directory looks support agents up in LDAP.
package directory

import (
	"crypto/tls"
	"fmt"

	"github.com/go-ldap/ldap/v3"

	"example.com/realdeps/model"
	"example.com/realdeps/obs"
)

// Directory is an LDAP server.
type Directory struct {
	URL    string
	BaseDN string
}

// Authenticate binds as the agent and returns its entry.
func (d *Directory) Authenticate(a *model.Agent) error {
	conn, err := ldap.DialURL(d.URL, ldap.DialWithTLSConfig(&tls.Config{MinVersion: tls.VersionTLS12}))
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.Bind(a.DN, a.Password); err != nil {
		obs.Logf("bind %s with %s failed: %v", a.DN, a.Password, err)
		return err
	}
	req := ldap.NewSearchRequest(d.BaseDN, ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 0, false,
		fmt.Sprintf("(uid=%s)", ldap.EscapeFilter(a.Login)), []string{"mail"}, nil)
	res, err := conn.Search(req)
	if err != nil {
		return err
	}
	if len(res.Entries) == 1 {
		a.Email = res.Entries[0].GetAttributeValue("mail")
		obs.Logf("agent %s logged in", a.Login)
	}
	return nil
}
