// Package reportuse hands files and other writers to reportlib.
package reportuse

import (
	"bytes"
	"os"

	"reportlib"
)

func save() error {
	f, err := os.Create("report.txt")
	if err != nil {
		return err
	}
	defer f.Close()
	reportlib.WriteReport(f)   // want `Customer.Email \(email\) is written to a plain file via reportlib.WriteReport`
	reportlib.WriteBuffered(f) // want `Customer.Phone \(phone\) is written to a plain file via reportlib.WriteBuffered`
	reportlib.WriteCount(f)
	var buf bytes.Buffer
	reportlib.WriteReport(&buf)
	reportlib.WriteReport(os.Stdout)
	return nil
}
