package cgopkg

// #include <stdlib.h>
import "C"

import "log"

type T struct {
	Email string `pii:"email"` // want Email:"pii email"
}

func Use(t T) { // want Use:`p0.Email->log\(log.Print\)`
	p := C.malloc(8)
	C.free(p)
	log.Print(t.Email)
}
