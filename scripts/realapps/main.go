// Command realapps scores one piilint run on a real application against a
// hand-made triage of its sink sites. scripts/realapps.sh runs it; see there.
//
// Usage:
//
//	go run ./scripts/realapps -root APPDIR -triage FILE [-sites] [-untriaged] < piilint.json
//
// The input is piilint's -json output. A site is a reported position
// (file:line:col, relative to APPDIR) and the analyzer that reported it; a
// site gathers every finding there. The triage file is tab-separated:
//
//	site	analyzer	verdict	reason
//
// with verdict true (personal data really reaches the sink there), policy
// (it does, by the application's design: a documented audit log, an export
// the user asked for) or false. Lines starting with # are comments.
//
// The summary line counts findings and sites, the verdicts of the sites
// reported now, the sites never triaged, and the true sites of the triage
// that are no longer reported (lost recall). Precision is (true + policy) /
// triaged sites reported.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type diagnostic struct {
	Category string `json:"category"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
	Related  []struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	} `json:"related"`
}

// site is one reported position and analyzer.
type site struct {
	pos, analyzer string
}

type verdict struct {
	verdict, reason string
}

// report is what one run reported, by site.
type report struct {
	findings int
	sites    map[site][]diagnostic
}

func main() {
	root := flag.String("root", ".", "the application's directory; positions are made relative to it")
	triage := flag.String("triage", "", "the triage file")
	app := flag.String("app", "", "the application's name, for the summary line")
	listSites := flag.Bool("sites", false, "list every site with its verdict and first message")
	untriaged := flag.Bool("untriaged", false, "list the sites not in the triage, as triage lines to fill in")
	flag.Parse()
	if err := run(os.Stdin, os.Stdout, *root, *triage, *app, *listSites, *untriaged); err != nil {
		fmt.Fprintln(os.Stderr, "realapps:", err)
		os.Exit(1)
	}
}

func run(in io.Reader, out io.Writer, root, triageFile, app string, listSites, untriaged bool) error {
	rep, err := parse(in, root)
	if err != nil {
		return err
	}
	tri := map[site]verdict{}
	if triageFile != "" {
		if tri, err = readTriage(triageFile); err != nil {
			return err
		}
	}
	s := score(rep, tri)
	fmt.Fprintf(out, "%-12s %s\n", app, s)
	if listSites || untriaged {
		for _, st := range sortedSites(rep) {
			v, ok := tri[st]
			if untriaged && ok {
				continue
			}
			d := rep.sites[st][0]
			if untriaged {
				fmt.Fprintf(out, "%s\t%s\t?\t%s (%d findings)\n", st.pos, st.analyzer, d.Message, len(rep.sites[st]))
				continue
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s (%d findings)\n", st.pos, st.analyzer, v.verdict, d.Message, len(rep.sites[st]))
		}
	}
	for _, st := range s.lost {
		fmt.Fprintf(out, "lost\t%s\t%s\t%s\n", st.pos, st.analyzer, tri[st].reason)
	}
	return nil
}

// parse reads piilint's -json tree: package -> analyzer -> diagnostics.
func parse(in io.Reader, root string) (*report, error) {
	var tree map[string]map[string]json.RawMessage
	if err := json.NewDecoder(in).Decode(&tree); err != nil {
		return nil, fmt.Errorf("reading piilint -json output: %v", err)
	}
	root, _ = filepath.Abs(root)
	rep := &report{sites: map[site][]diagnostic{}}
	for _, analyzers := range tree {
		for name, raw := range analyzers {
			var diags []diagnostic
			if err := json.Unmarshal(raw, &diags); err != nil {
				// {"error": ...}: a package that failed.
				return nil, fmt.Errorf("analyzer %s: %s", name, raw)
			}
			for _, d := range diags {
				pos := d.Posn
				if rel, err := filepath.Rel(root, pos); err == nil && !strings.HasPrefix(rel, "..") {
					pos = rel
				}
				st := site{pos, name}
				rep.sites[st] = append(rep.sites[st], d)
				rep.findings++
			}
		}
	}
	return rep, nil
}

func readTriage(file string) (map[site]verdict, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tri := map[site]verdict{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.SplitN(line, "\t", 4)
		if len(cols) < 3 {
			return nil, fmt.Errorf("%s:%d: want site<TAB>analyzer<TAB>verdict<TAB>reason", file, n)
		}
		switch cols[2] {
		case "true", "false", "policy":
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q: want true, false or policy", file, n, cols[2])
		}
		st := site{cols[0], cols[1]}
		if _, dup := tri[st]; dup {
			return nil, fmt.Errorf("%s:%d: site %s %s triaged twice", file, n, st.pos, st.analyzer)
		}
		v := verdict{verdict: cols[2]}
		if len(cols) == 4 {
			v.reason = cols[3]
		}
		tri[st] = v
	}
	return tri, sc.Err()
}

type scoreCard struct {
	findings, sites             int
	truth, policy, false_, none int
	lost                        []site
}

func (s scoreCard) String() string {
	judged := s.truth + s.policy + s.false_
	prec := "-"
	if judged > 0 {
		prec = fmt.Sprintf("%.1f%%", 100*float64(s.truth+s.policy)/float64(judged))
	}
	return fmt.Sprintf("findings %5d  sites %4d  true %3d  policy %3d  false %4d  untriaged %4d  lost %3d  precision %s",
		s.findings, s.sites, s.truth, s.policy, s.false_, s.none, len(s.lost), prec)
}

func score(rep *report, tri map[site]verdict) scoreCard {
	s := scoreCard{findings: rep.findings, sites: len(rep.sites)}
	for st := range rep.sites {
		v, ok := tri[st]
		switch {
		case !ok:
			s.none++
		case v.verdict == "true":
			s.truth++
		case v.verdict == "policy":
			s.policy++
		default:
			s.false_++
		}
	}
	for st, v := range tri {
		if v.verdict == "true" && rep.sites[st] == nil {
			s.lost = append(s.lost, st)
		}
	}
	sort.Slice(s.lost, func(i, j int) bool { return less(s.lost[i], s.lost[j]) })
	return s
}

func sortedSites(rep *report) []site {
	var all []site
	for st := range rep.sites {
		all = append(all, st)
	}
	sort.Slice(all, func(i, j int) bool { return less(all[i], all[j]) })
	return all
}

func less(a, b site) bool {
	if a.pos != b.pos {
		return a.pos < b.pos
	}
	return a.analyzer < b.analyzer
}
