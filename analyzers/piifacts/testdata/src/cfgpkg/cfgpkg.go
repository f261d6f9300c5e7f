// Package cfgpkg is a package the user cannot tag: the configuration marks
// its fields and types.
package cfgpkg // want `field cfgpkg.Config.Missing matches nothing: struct Config has no field Missing` `type cfgpkg.Nope matches nothing`

type Config struct {
	Host        string
	BearerToken string // want BearerToken:"pii token"
}

type Secret string // want Secret:"pii secret"
