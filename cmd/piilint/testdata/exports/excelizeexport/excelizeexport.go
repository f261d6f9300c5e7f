// Package excelizeexport writes customers to a workbook with excelize.
package excelizeexport

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"example.com/exports/model"
)

// Workbook writes one row per customer.
func Workbook(cs []model.Customer) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, c := range cs {
		row := i + 2
		f.SetCellValue("Sheet1", fmt.Sprintf("A%d", row), c.ID)
		f.SetCellValue("Sheet1", fmt.Sprintf("B%d", row), c.Name)                // want "Customer.Name (name) is written to an xlsx workbook via (*excelize.File).SetCellValue"
		f.SetCellStr("Sheet1", fmt.Sprintf("C%d", row), c.Email)                 // want "Customer.Email (email) is written to an xlsx workbook via (*excelize.File).SetCellStr"
		f.SetSheetRow("Sheet1", fmt.Sprintf("D%d", row), &[]any{c.Tier, c.Phone}) // want "Customer.Phone (phone) is written to an xlsx workbook via (*excelize.File).SetSheetRow"
		f.SetCellStr("Sheet1", fmt.Sprintf("F%d", row), model.MaskEmail(c.Email))
	}
	return f.SaveAs("customers.xlsx")
}

// Stream writes rows with a stream writer.
func Stream(cs []model.Customer) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i, c := range cs {
		cell, err := excelize.CoordinatesToCellName(1, i+1)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cell, []any{c.ID, c.Password}); err != nil { // want "Customer.Password (password, secret) is written to an xlsx workbook via (*excelize.StreamWriter).SetRow"
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs("stream.xlsx")
}
