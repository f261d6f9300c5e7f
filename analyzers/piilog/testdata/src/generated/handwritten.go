package generated

// Hand-written code calling the generated helper logIt: the leak is
// reported here, where it happens, although the helper's file is
// generated.
func caller(t T) {
	logIt(t.Email) // want `T.Email \(email\) reaches log output via generated.logIt → log.Print`
}
