package suppressed

import "log"

type T struct {
	Email string `pii:"email"`
}

func use(t T) {
	//piilint:ignore piilog reviewed: the address is a shared mailbox
	log.Print(t.Email)
	log.Print(t.Email) //piilint:ignore piilog,piiexport sent to the audit log on purpose
	log.Print(t.Email) // want `T.Email`
}
