package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/analyzers"
)

// exitUsage is the exit status of a bad command line, as the flag package
// and the go command use it.
const exitUsage = 2

// analyzerNames returns the names of the analyzers, in suite order.
func analyzerNames() []string {
	var names []string
	for _, a := range analyzers.Command() {
		names = append(names, a.Name)
	}
	return names
}

// help runs `piilint help [analyzer]`: the list of analyzers with their
// one-line descriptions, or one analyzer's documentation and flags.
func help(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprint(stdout, usage[:strings.Index(usage, "Flags:")])
		fmt.Fprintln(stdout, "Analyzers:")
		for _, a := range analyzers.Command() {
			title, _, _ := strings.Cut(a.Doc, "\n")
			fmt.Fprintf(stdout, "\t%-13s %s\n", a.Name, strings.TrimPrefix(title, a.Name+": "))
		}
		fmt.Fprintln(stdout, "\nRun 'piilint help <analyzer>' for an analyzer's documentation, 'piilint -h' for the flags.")
		return exitClean
	case 1:
		for _, a := range analyzers.Command() {
			if a.Name == args[0] {
				printAnalyzer(stdout, a)
				return exitClean
			}
		}
		fmt.Fprintf(stderr, "piilint help: unknown analyzer %q (analyzers: %s)\n", args[0], strings.Join(analyzerNames(), ", "))
		return exitUsage
	default:
		fmt.Fprintln(stderr, "usage: piilint help [analyzer]")
		return exitUsage
	}
}

// printAnalyzer prints an analyzer's documentation and its flags as the
// piilint command takes them.
func printAnalyzer(w io.Writer, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s: %s\n", a.Name, strings.TrimRight(a.Doc, "\n"))
	run := fmt.Sprintf("default true; -%s=false turns it off", a.Name)
	if a.Name == "piiuntagged" {
		run = "off by default"
	}
	fmt.Fprintf(w, "\nFlags:\n  -%s\n    \trun the analyzer (%s)\n", a.Name, run)
	a.Flags.VisitAll(func(f *flag.Flag) {
		if f.Name == "suppressed" || a.Name == "piiuntagged" && f.Name == "on" {
			return // internal to the command: SARIF output, -piiuntagged
		}
		fmt.Fprintf(w, "  -%s.%s\n    \t%s\n", a.Name, f.Name, f.Usage)
	})
	if url := a.URL; url != "" {
		fmt.Fprintf(w, "\nMore: %s\n", url)
	}
}

// checkAnalyzerFlags checks the analyzer flags the command hands to the
// vet tool (-piilog=false, -piitransport.strict), so that a typo is
// reported with the analyzers that exist instead of the go command's
// usage of go vet.
func checkAnalyzerFlags(pass []string) error {
	fs := flag.NewFlagSet("piilint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	for _, a := range analyzers.Command() {
		fs.Bool(a.Name, true, "")
		a.Flags.VisitAll(func(f *flag.Flag) {
			if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
				fs.Bool(a.Name+"."+f.Name, false, "")
			} else {
				fs.String(a.Name+"."+f.Name, "", "")
			}
		})
	}
	for _, arg := range pass {
		if err := fs.Parse([]string{arg}); err != nil {
			name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
			analyzer, _, _ := strings.Cut(name, ".")
			if fs.Lookup(analyzer) == nil {
				return fmt.Errorf("unknown analyzer in flag %s (analyzers: %s)", arg, strings.Join(analyzerNames(), ", "))
			}
			return fmt.Errorf("bad analyzer flag %s: %v (see 'piilint help %s')", arg, err, analyzer)
		}
		if fs.NArg() > 0 {
			// A non-boolean flag's value given as the next argument.
			return fmt.Errorf("analyzer flag %s: give its value as %s=VALUE", arg, arg)
		}
	}
	return nil
}
