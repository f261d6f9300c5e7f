// Package gocsv is a stub of github.com/gocarina/gocsv with the real
// signatures of its marshalling functions.
package gocsv

import (
	"io"
	"os"
)

type CSVWriter interface {
	Write(row []string) error
	Flush()
	Error() error
}

func Marshal(in interface{}, out io.Writer) (err error)                  { return nil }
func MarshalWithoutHeaders(in interface{}, out io.Writer) (err error)    { return nil }
func MarshalFile(in interface{}, file *os.File) (err error)              { return nil }
func MarshalString(in interface{}) (out string, err error)               { return "", nil }
func MarshalStringWithoutHeaders(in interface{}) (out string, err error) { return "", nil }
func MarshalBytes(in interface{}) (out []byte, err error)                { return nil, nil }
func MarshalCSV(in interface{}, out CSVWriter) (err error)               { return nil }
func MarshalCSVWithoutHeaders(in interface{}, out CSVWriter) (err error) { return nil }
func MarshalChan(c <-chan interface{}, out CSVWriter) error              { return nil }
func UnmarshalFile(in *os.File, out interface{}) error                   { return nil }
