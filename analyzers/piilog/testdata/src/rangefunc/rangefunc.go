package rangefunc

import (
	"iter"
	"log"
	"maps"
	"slices"
)

type Lead struct {
	Email string `pii:"email"`
	Score int
}

func emails(ls []Lead) iter.Seq[string] {
	return func(yield func(string) bool) {
		for _, l := range ls {
			if !yield(l.Email) {
				return
			}
		}
	}
}

func use(ls []Lead, byEmail map[string]int) {
	for l := range slices.Values(ls) {
		log.Print(l.Email) // want `Lead.Email`
		log.Print(l.Score)
	}
	for e := range emails(ls) {
		log.Print(e) // want `Lead.Email`
	}
	names := []string{ls[0].Email}
	for _, n := range slices.All(names) {
		log.Print(n) // want `Lead.Email`
	}
	for k := range maps.Keys(byEmail) {
		log.Print(k)
	}
}
