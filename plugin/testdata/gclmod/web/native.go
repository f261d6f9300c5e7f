package web

// #include <stdlib.h>
import "C"

import (
	"log"
	"unsafe"

	"example.com/gclmod/model"
)

// Native hands the name to C and logs it.
func Native(c *model.Customer) {
	cs := C.CString(c.Name)
	defer C.free(unsafe.Pointer(cs))
	log.Printf("native %s", c.Name)
}
