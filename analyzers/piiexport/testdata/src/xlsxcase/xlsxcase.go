// Package xlsxcase writes cells with tealeg/xlsx.
package xlsxcase

import "github.com/tealeg/xlsx/v3"

type Patient struct {
	ID        int
	Name      string `pii:"name"`
	Diagnosis string `pii:"health"`
}

type Visit struct {
	ID   int
	Room string
}

func sheet(ps []Patient, vs []Visit) error {
	file := xlsx.NewFile()
	sh, err := file.AddSheet("patients")
	if err != nil {
		return err
	}
	for _, p := range ps {
		row := sh.AddRow()
		row.AddCell().SetValue(p.ID)
		row.AddCell().SetString(p.Name)           // want `Patient.Name \(name\) is written to an xlsx workbook via \(\*xlsx.Cell\).SetString`
		row.AddCell().SetValue(p.Diagnosis)       // want `Patient.Diagnosis \(health\) is written to an xlsx workbook via \(\*xlsx.Cell\).SetValue`
		sh.AddRow().WriteStruct(&p, -1)           // want `Patient.Diagnosis \(health\) and Patient.Name \(name\) are written to an xlsx workbook via \(\*xlsx.Row\).WriteStruct`
		sh.AddRow().WriteSlice(&[]string{p.Name}, -1) // want `Patient.Name \(name\) is written to an xlsx workbook via \(\*xlsx.Row\).WriteSlice`
		row.AddCell().SetInt(len(p.Name))
	}
	for _, v := range vs {
		sh.AddRow().WriteStruct(&v, -1)
	}
	return file.Save("patients.xlsx")
}
