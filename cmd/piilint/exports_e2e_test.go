package main

import "testing"

// exportsFixture is a module that requires the real CSV and spreadsheet
// libraries piiexport models, and writes plain files with the standard
// library.
const exportsFixture = "testdata/exports"

// exportModules are the modules the fixture requires, at the versions its
// go.mod pins.
var exportModules = []struct{ path, version string }{
	{"github.com/gocarina/gocsv", "v0.0.0-20240520201108-78e41c74b4b1"},
	{"github.com/jszwec/csvutil", "v1.10.0"},
	{"github.com/xuri/excelize/v2", "v2.11.1"},
	{"github.com/tealeg/xlsx/v3", "v3.3.13"},
}

// exportPackages are the fixture's packages, one per way of exporting:
// each must have findings.
var exportPackages = []string{
	"csvexport", "gocsvexport", "csvutilexport", "excelizeexport", "xlsxexport", "fileexport",
}

// TestExportsRealModules runs piilint on a module that uses encoding/csv,
// gocsv, csvutil, excelize, tealeg/xlsx and plain files, with the real
// modules from the module proxy, and compares its findings exactly with
// the fixture's want comments.
func TestExportsRealModules(t *testing.T) {
	realModules(t, exportsFixture, exportModules, exportPackages, "piiexport")
}
