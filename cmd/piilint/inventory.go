package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/piilint/piilint/internal/inventory"
)

const inventoryUsage = `piilint inventory writes the data map of packages: every personal-data
field and type, and every destination its data reaches (reported,
allowed, silenced or sanitized), from the same analysis as the findings.

Usage:
	piilint inventory [flags] [packages]     (default packages: ./...)

Flags:
`

// inventoryCmd runs the analysis with piifacts' -inventory flag, gathers
// the inventory records of the packages and writes the inventory. It
// exits 0 whatever flows it lists; 1 on errors, 2 for a bad command line.
func inventoryCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("piilint inventory", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "md", "output format: md (Markdown, with a Mermaid diagram), json, html (one self-contained page) or fides (a Fides dataset)")
	out := fs.String("o", "", "write the inventory to `file` instead of standard output")
	linkBase := fs.String("link-base", "", "with -format html, link positions to `URL`+file#Lline (https://github.com/org/repo/blob/main/)")
	o := &options{tests: true}
	fs.StringVar(&o.config, "config", "", "configuration `file` (default: .piilint.yml found from the working directory upwards)")
	fs.BoolVar(&o.tests, "tests", true, "include flows in _test.go files")
	fs.Usage = func() {
		fmt.Fprint(stderr, inventoryUsage)
		fs.PrintDefaults()
	}
	var rest []string
	for _, a := range args {
		if name := strings.TrimLeft(a, "-"); strings.HasPrefix(a, "-") && strings.HasPrefix(name, "pii") {
			o.pass = append(o.pass, untaggedFlags(a, name)...)
			continue
		}
		rest = append(rest, a)
	}
	if err := fs.Parse(rest); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitClean
		}
		return exitUsage
	}
	write, ok := map[string]func(*inventory.Inventory, io.Writer) error{
		"md":    (*inventory.Inventory).WriteMarkdown,
		"json":  (*inventory.Inventory).WriteJSON,
		"fides": (*inventory.Inventory).WriteFides,
		"html": func(inv *inventory.Inventory, w io.Writer) error {
			return inv.WriteHTML(w, inventory.HTMLOptions{LinkBase: *linkBase})
		},
	}[*format]
	if !ok {
		fmt.Fprintf(stderr, "piilint inventory: unknown -format %q: want md, json, html or fides\n", *format)
		return exitUsage
	}
	if err := checkAnalyzerFlags(o.pass); err != nil {
		fmt.Fprintf(stderr, "piilint inventory: %v\n", err)
		return exitUsage
	}
	pkgs := fs.Args()
	if len(pkgs) == 0 {
		pkgs = []string{"./..."}
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "piilint inventory: %v\n", err)
		return exitError
	}
	wd, _ := os.Getwd()
	vetArgs, err := o.vetArgs(wd)
	if err != nil {
		return fail(err)
	}
	vetArgs = append(append(append(vetArgs, "-json"), o.pass...), "-piifacts.inventory")
	r, tree, errs, err := analyse(vetArgs, pkgs, wd, stderr)
	if err != nil {
		return fail(err)
	}
	if r.failed(errs, stderr) {
		return fail(errors.New("the analysis failed: no inventory written"))
	}
	root := srcRoot(wd)
	var records []inventory.Record
	for _, d := range tree.diagnostics(o.tests) {
		if d.Category != inventory.Category {
			continue
		}
		rec, err := inventory.Decode(d.Message)
		if err != nil {
			return fail(err)
		}
		pos := relPosn(root, d.Posn)
		switch {
		case rec.Element != nil:
			rec.Element.Position = pos
			// A configured field names the configuration file.
			rec.Element.Marked = strings.ReplaceAll(rec.Element.Marked, root+string(filepath.Separator), "")
		case rec.Flow != nil:
			rec.Flow.Position = pos
		case rec.Measure != nil:
			rec.Measure.Position = pos
		}
		records = append(records, rec)
	}
	var buf bytes.Buffer
	if err := write(inventory.Build(records), &buf); err != nil {
		return fail(err)
	}
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return fail(err)
		}
		return exitClean
	}
	if _, err := stdout.Write(buf.Bytes()); err != nil {
		return fail(err)
	}
	return exitClean
}
