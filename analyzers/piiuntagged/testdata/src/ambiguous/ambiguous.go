package ambiguous

// With -piiuntagged.all, ambiguous names are reported too.
type Group struct {
	Name     string // want `Group.Name looks like name but is not marked; add pii:"name"`
	FileName string
}

type Warehouse struct {
	Address string // want `Warehouse.Address looks like address but is not marked; add pii:"address"`
	Region  string // want `Warehouse.Region looks like location but is not marked; add pii:"location"`
}
