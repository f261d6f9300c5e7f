// Package piiexport defines an Analyzer that reports personal data written
// to CSV files, spreadsheets and plain files.
//
// # Analyzer piiexport
//
// piiexport: PII written to CSV files, spreadsheets and plain files
//
// Customer data kept in exports is how it ends up on a lost laptop or a
// USB stick. piiexport reports values derived from PII fields and types
// (see piifacts) that are written to:
//
//   - a CSV file: encoding/csv Writer.Write and WriteAll (over any
//     writer); whole structs marshalled by github.com/gocarina/gocsv and
//     github.com/jszwec/csvutil, where every exported field not tagged
//     csv:"-" is a column, so each PII column is reported;
//   - an xlsx workbook: github.com/xuri/excelize/v2 cell and row setters
//     (SetCellValue, SetCellStr, SetCellDefault, SetCellRichText,
//     SetSheetRow, SetSheetCol, SetCellFormula, SetCellHyperLink,
//     AddComment, StreamWriter.SetRow) and github.com/tealeg/xlsx/v3 cells
//     (SetString, SetValue, SetFormula...) and rows (WriteSlice,
//     WriteStruct);
//   - a plain file: os.WriteFile, and any write into an *os.File that is
//     not standard output or standard error (those are piilog's), directly
//     (Write, WriteString, WriteAt), through fmt.Fprint*, io.WriteString,
//     io.Copy, an encoder, or a bufio, gzip, zlib, flate or tabwriter
//     writer layered over the file; also through helpers that write their
//     arguments into the writer they are given.
//
// A writer the analyzer cannot trace to a file (an io.Writer parameter, an
// encrypting writer from another package, a network connection) is not a
// plain file.
//
// Fix by leaving the column out, masking it with a //pii:sanitizer
// function, or declaring an approved export of personal-class data in an
// allow rule of the configuration (analyzer piiexport, kinds, packages,
// reason). Secret-class data (passwords, tokens, card numbers, CVVs) is
// reported even where an allow rule covers it.
//
// # Examples
//
//	w.Write([]string{c.ID, c.Email})   // Customer.Email (email) is written to a CSV file via (*csv.Writer).Write
//	gocsv.MarshalFile(&customers, f)   // one finding per PII column of Customer
//	f.SetCellValue("S", "B2", c.Phone) // Customer.Phone (phone) is written to an xlsx workbook via (*excelize.File).SetCellValue
//	fmt.Fprintln(file, c.Name)         // Customer.Name (name) is written to a plain file via fmt.Fprintln
//	w.Write([]string{c.ID, mask(c.Email)}) // fine: mask is //pii:sanitizer
package piiexport
