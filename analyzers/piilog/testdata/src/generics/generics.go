package generics

import "log"

type Person struct {
	Name string `pii:"name"`
	Age  int
}

func First[T any](xs []T) T { return xs[0] }

func LogAll[T any](xs []T) {
	for _, x := range xs {
		log.Print(x)
	}
}

type Box[T any] struct {
	V     T
	Email string `pii:"email"`
}

func (b *Box[T]) Get() T { return b.V }

func use(ps []Person, names []string, b *Box[string]) {
	log.Print(First(names))   // fine: names carry no PII
	log.Print(First(ps).Name) // want `Person.Name`
	LogAll(ps)                // want `Person.Name`
	log.Print(b.Email)        // want `Box.Email`
	bb := &Box[string]{V: ps[0].Name}
	log.Print(bb.Get()) // want `Person.Name`
}
