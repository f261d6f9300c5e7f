// Package xlsxexport writes customers to a workbook with tealeg/xlsx.
package xlsxexport

import (
	"github.com/tealeg/xlsx/v3"

	"example.com/exports/model"
)

// Sheet writes cells one by one and whole structs.
func Sheet(cs []model.Customer, ts []model.Tier) error {
	file := xlsx.NewFile()
	sh, err := file.AddSheet("customers")
	if err != nil {
		return err
	}
	for _, c := range cs {
		row := sh.AddRow()
		row.AddCell().SetInt64(c.ID)
		row.AddCell().SetString(c.Name) // want "Customer.Name (name) is written to an xlsx workbook via (*xlsx.Cell).SetString"
		row.AddCell().SetValue(c.Email) // want "Customer.Email (email) is written to an xlsx workbook via (*xlsx.Cell).SetValue"
		row.AddCell().SetString(model.MaskEmail(c.Email))
	}
	for i := range cs {
		sh.AddRow().WriteStruct(&cs[i], -1) // want "Customer.Email (email), Customer.Name (name) and 2 more fields of Customer are written to an xlsx workbook via (*xlsx.Row).WriteStruct"
	}
	for i := range ts {
		sh.AddRow().WriteStruct(&ts[i], -1)
	}
	return file.Save("customers.xlsx")
}
