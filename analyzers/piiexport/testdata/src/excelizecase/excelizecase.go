// Package excelizecase writes cells with excelize.
package excelizecase

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

type Customer struct {
	ID    int
	Name  string `pii:"name"`
	Email string `pii:"email"`
	Phone string `pii:"phone"`
	Card  string `pii:"card"`
}

//pii:sanitizer
func mask(s string) string { return "***" }

func report(cs []Customer) error {
	f := excelize.NewFile()
	defer f.Close()
	for i, c := range cs {
		row := i + 2
		f.SetCellValue("Sheet1", fmt.Sprintf("A%d", row), c.ID)
		f.SetCellValue("Sheet1", fmt.Sprintf("B%d", row), c.Name)        // want `Customer.Name \(name\) is written to an xlsx workbook via \(\*excelize.File\).SetCellValue`
		f.SetCellStr("Sheet1", fmt.Sprintf("C%d", row), c.Email)         // want `Customer.Email \(email\) is written to an xlsx workbook via \(\*excelize.File\).SetCellStr`
		f.SetCellDefault("Sheet1", fmt.Sprintf("D%d", row), mask(c.Phone))
		f.SetCellInt("Sheet1", fmt.Sprintf("E%d", row), int64(len(c.Card)))
		f.SetSheetRow("Sheet1", fmt.Sprintf("F%d", row), &[]interface{}{c.ID, c.Card}) // want `Customer.Card \(card, secret\) is written to an xlsx workbook via \(\*excelize.File\).SetSheetRow`
		f.SetCellRichText("Sheet1", "G1", []excelize.RichTextRun{{Text: c.Name}})      // want `Customer.Name \(name\) is written to an xlsx workbook via \(\*excelize.File\).SetCellRichText`
		f.SetCellFormula("Sheet1", "H1", "=CONCAT(\""+c.Phone+"\")")                   // want `Customer.Phone \(phone\) is written to an xlsx workbook via \(\*excelize.File\).SetCellFormula`
		f.AddComment("Sheet1", excelize.Comment{Cell: "A1", Author: "crm", Text: c.Email}) // want `Customer.Email \(email\) is written to an xlsx workbook via \(\*excelize.File\).AddComment`
	}
	return f.SaveAs("customers.xlsx")
}

func stream(cs []Customer) error {
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i, c := range cs {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		sw.SetRow(cell, []interface{}{c.ID, c.Email}) // want `Customer.Email \(email\) is written to an xlsx workbook via \(\*excelize.StreamWriter\).SetRow`
		sw.SetRow(cell, []interface{}{c.ID})
	}
	sw.Flush()
	return f.SaveAs("stream.xlsx")
}

func column(cs []Customer) {
	f := excelize.NewFile()
	var phones []string
	for _, c := range cs {
		phones = append(phones, c.Phone)
	}
	f.SetSheetCol("Sheet1", "B1", &phones) // want `Customer.Phone \(phone\) is written to an xlsx workbook via \(\*excelize.File\).SetSheetCol`
}
