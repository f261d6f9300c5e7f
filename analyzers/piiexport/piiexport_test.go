package piiexport_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/piilint/piilint/analyzers/piiexport"
	"github.com/piilint/piilint/analyzers/piifacts"
	"github.com/piilint/piilint/internal/config"
)

func TestPiiexport(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piiexport.Analyzer, "csvcase", "filecase", "reportuse", "listedexport")
}

// TestWritesFacts checks the summaries of functions that write data they
// load themselves into a writer parameter.
func TestWritesFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piifacts.Analyzer, "reportlib")
}

// TestLibraries runs piiexport over cases for the CSV and spreadsheet
// libraries, with stubs of gocsv, csvutil, excelize and tealeg/xlsx at
// their real import paths.
func TestLibraries(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), piiexport.Analyzer, "gocsvcase", "csvutilcase", "excelizecase", "xlsxcase")
}

// TestAllow checks that an allow rule approves an export of personal
// data in the packages it names, and that secrets are reported anyway.
func TestAllow(t *testing.T) {
	cfg, err := config.Parse(".piilint.yml", []byte(`
allow:
  - analyzer: piiexport
    kinds: [email, name]
    packages: [allowcase]
    reason: monthly mailing list export approved by the DPO
`))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), piiexport.New(cfg), "allowcase")
}
