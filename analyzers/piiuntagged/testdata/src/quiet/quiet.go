package quiet

type User struct {
	Email string
}
