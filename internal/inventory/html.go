package inventory

import (
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"
)

// HTMLOptions are the options of the HTML page.
type HTMLOptions struct {
	// LinkBase turns positions into links: LinkBase + file + "#L" + line
	// (https://github.com/org/repo/blob/main/).
	LinkBase string
}

// WriteHTML writes the inventory as one self-contained HTML page: no
// network access, no external script or style. It has the counts, a
// diagram of elements and destinations drawn as inline SVG, tables that
// sort (click a column's header) and filter, and a print style.
func (inv *Inventory) WriteHTML(w io.Writer, opts HTMLOptions) error {
	page := htmlPage{Inv: inv, Diagram: inv.diagram(), Statuses: []string{Reported, Allowed, Silenced, Sanitized}}
	page.link = func(pos string) template.URL {
		if opts.LinkBase == "" || pos == "" {
			return ""
		}
		file, line, _ := splitPosition(pos)
		return template.URL(opts.LinkBase + file + fmt.Sprintf("#L%d", line))
	}
	return htmlTemplate().Execute(w, &page)
}

type htmlPage struct {
	Inv      *Inventory
	Diagram  diagram
	Statuses []string
	link     func(string) template.URL
}

func (p *htmlPage) Link(pos string) template.URL { return p.link(pos) }

// A diagram is the bipartite graph of elements (left) and destinations
// (right), laid out in rows.
type diagram struct {
	Width, Height int
	Left, Right   []diagramNode
	Edges         []diagramEdge
}

type diagramNode struct {
	Label string
	Y     int
	Flows int
}

type diagramEdge struct {
	Path   string // SVG path data
	Status string // the most severe status of the pair's flows
	Width  int
	Title  string
}

// countTable is a summary table of the page.
type countTable struct {
	Title  string
	Counts []Count
}

const (
	rowHeight  = 28
	nodeWidth  = 300
	diagramGap = 260
)

// severity orders statuses for an edge's color: a pair with a reported
// flow is drawn as reported.
var severity = map[string]int{Reported: 3, Allowed: 2, Silenced: 1, Sanitized: 0}

func (inv *Inventory) diagram() diagram {
	var d diagram
	left := make(map[string]int)
	right := make(map[string]int)
	type pair struct{ l, r int }
	pairs := make(map[pair]*diagramEdge)
	var order []pair
	counts := make(map[pair]int)
	for _, f := range inv.Flows {
		ll := f.Name + " (" + f.Kind + ")"
		l, ok := left[ll]
		if !ok {
			l = len(d.Left)
			left[ll] = l
			d.Left = append(d.Left, diagramNode{Label: ll, Y: 10 + l*rowHeight})
		}
		rl := f.Destination
		r, ok := right[rl]
		if !ok {
			r = len(d.Right)
			right[rl] = r
			d.Right = append(d.Right, diagramNode{Label: rl, Y: 10 + r*rowHeight})
		}
		d.Left[l].Flows++
		d.Right[r].Flows++
		p := pair{l, r}
		e := pairs[p]
		if e == nil {
			e = &diagramEdge{Status: f.Status}
			pairs[p] = e
			order = append(order, p)
		}
		if severity[f.Status] > severity[e.Status] {
			e.Status = f.Status
		}
		counts[p]++
	}
	for _, p := range order {
		e := pairs[p]
		y1 := d.Left[p.l].Y + rowHeight/2 - 4
		y2 := d.Right[p.r].Y + rowHeight/2 - 4
		x1, x2 := nodeWidth, nodeWidth+diagramGap
		e.Path = fmt.Sprintf("M%d %d C%d %d %d %d %d %d", x1, y1, x1+diagramGap/2, y1, x2-diagramGap/2, y2, x2, y2)
		e.Width = min(1+counts[p], 8)
		e.Title = fmt.Sprintf("%s → %s: %d flow(s), %s", d.Left[p.l].Label, d.Right[p.r].Label, counts[p], e.Status)
		d.Edges = append(d.Edges, *e)
	}
	rows := max(len(d.Left), len(d.Right))
	d.Width = 2*nodeWidth + diagramGap
	d.Height = 20 + rows*rowHeight
	return d
}

// htmlTemplate is parsed on first use: every vet tool process links this
// package, and parsing the page at init cost each of them 4 ms.
var htmlTemplate = sync.OnceValue(func() *template.Template { return template.Must(parseHTML()) })

func parseHTML() (*template.Template, error) {
	return template.New("inventory").Funcs(template.FuncMap{
		"join": strings.Join,
		"chain": func(f Flow) string {
			return strings.Join(append(append([]string{}, f.Via...), f.Sink), " → ")
		},
		"add":   func(a, b int) int { return a + b },
		"table": func(title string, counts []Count) countTable { return countTable{title, counts} },
	}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Personal data inventory</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em; color: #1f2328; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #d0d7de; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; cursor: pointer; user-select: none; white-space: nowrap; }
th[data-dir="asc"]::after { content: " ▲"; } th[data-dir="desc"]::after { content: " ▼"; }
tr:nth-child(even) td { background: #fbfcfd; }
code { font-size: 90%; }
.counts span { font-weight: 600; }
.status { padding: 1px 6px; border-radius: 8px; font-size: 90%; white-space: nowrap; }
.reported { background: #ffebe9; color: #a40e26; } .allowed { background: #ddf4ff; color: #0550ae; }
.silenced { background: #eaeef2; color: #57606a; } .sanitized { background: #dafbe1; color: #116329; }
svg .node rect { fill: #f6f8fa; stroke: #d0d7de; } svg text { font-size: 12px; fill: #1f2328; }
svg path { fill: none; stroke-opacity: .75; }
svg path.reported { stroke: #cf222e; } svg path.allowed { stroke: #0969da; }
svg path.silenced { stroke: #8c959f; stroke-dasharray: 4 3; } svg path.sanitized { stroke: #1a7f37; }
.filters { margin: .5em 0; } .filters input, .filters select { font: inherit; padding: 2px 6px; }
@media print { .filters { display: none; } th::after { content: "" !important; } body { margin: 0; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>Personal data inventory</h1>
<p class="counts"><span id="count-elements">{{.Inv.Summary.Elements}}</span> data elements, <span id="count-flows">{{.Inv.Summary.Flows}}</span> flows:
{{range $i, $s := .Statuses}}{{if $i}}, {{end}}<span class="status {{$s}}" id="count-{{$s}}">{{index $.Inv.Summary.ByStatus $s}}</span> {{$s}}{{end}}.</p>
{{with .Inv.Summary.SpecialKinds}}<p>Special categories (GDPR Art. 9): {{join . ", "}}.</p>{{end}}
{{if .Diagram.Edges}}
<h2>Where the data goes</h2>
<svg id="diagram" xmlns="http://www.w3.org/2000/svg" width="{{.Diagram.Width}}" height="{{.Diagram.Height}}" viewBox="0 0 {{.Diagram.Width}} {{.Diagram.Height}}" role="img" aria-label="Data elements and the destinations their data reaches">
{{range .Diagram.Edges}}<path class="{{.Status}}" d="{{.Path}}" stroke-width="{{.Width}}"><title>{{.Title}}</title></path>
{{end}}{{range .Diagram.Left}}<g class="node"><rect x="0" y="{{.Y}}" width="300" height="20" rx="4"></rect><text x="8" y="{{add .Y 14}}">{{.Label}}</text></g>
{{end}}{{range .Diagram.Right}}<g class="node"><rect x="560" y="{{.Y}}" width="300" height="20" rx="4"></rect><text x="568" y="{{add .Y 14}}">{{.Label}}</text></g>
{{end}}</svg>
<p>{{range $i, $s := .Statuses}}{{if $i}} · {{end}}<span class="status {{$s}}">{{$s}}</span>{{end}}</p>
{{end}}
<h2>Data elements</h2>
<div class="filters"><input type="search" placeholder="Filter elements" data-filter="elements"></div>
<table id="elements" class="sortable">
<thead><tr><th>element</th><th>package</th><th>kind</th><th>category</th><th>class</th><th>marked by</th><th data-type="number">flows</th><th>position</th></tr></thead>
<tbody>
{{range .Inv.Elements}}<tr><td>{{.Name}}</td><td>{{.Package}}</td><td>{{.Kind}}{{if .Special}} (Art. 9){{end}}</td><td><code>{{.Category}}</code></td><td>{{.Class}}</td><td>{{.Marked}}</td><td>{{.Flows}}</td><td>{{with $.Link .Position}}<a href="{{.}}">{{end}}{{.Position}}{{if $.Link .Position}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>
<h2>Flows</h2>
<div class="filters"><input type="search" placeholder="Filter flows" data-filter="flows">
<select data-status-filter="flows"><option value="">every status</option>{{range .Statuses}}<option>{{.}}</option>{{end}}</select></div>
<table id="flows" class="sortable">
<thead><tr><th>element</th><th>destination</th><th>through</th><th>status</th><th>reason</th><th>function</th><th>position</th></tr></thead>
<tbody>
{{range .Inv.Flows}}<tr data-status="{{.Status}}"><td>{{.Name}} ({{.Kind}})</td><td>{{.Destination}}{{with .URL}} <code>{{.}}</code>{{end}}</td><td>{{chain .}}</td><td><span class="status {{.Status}}">{{.Status}}</span></td><td>{{.Reason}}</td><td>{{.Function}}</td><td>{{with $.Link .Position}}<a href="{{.}}">{{end}}{{.Position}}{{if $.Link .Position}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>
{{with .Inv.Measures}}<h2>Security measures seen</h2>
<table id="measures" class="sortable">
<thead><tr><th>measure</th><th>setting</th><th>function</th><th>position</th></tr></thead>
<tbody>
{{range .}}<tr><td>{{.Kind}}</td><td><code>{{.Setting}}</code></td><td>{{.Function}}</td><td>{{with $.Link .Position}}<a href="{{.}}">{{end}}{{.Position}}{{if $.Link .Position}}</a>{{end}}</td></tr>
{{end}}</tbody>
</table>{{end}}
<h2>Summary</h2>
{{define "counts"}}<table class="sortable"><thead><tr><th>{{.Title}}</th><th data-type="number">elements</th><th data-type="number">flows</th></tr></thead><tbody>
{{range .Counts}}<tr><td>{{.Name}}</td><td>{{.Elements}}</td><td>{{.Flows}}</td></tr>
{{end}}</tbody></table>{{end}}
{{template "counts" (table "kind" .Inv.Summary.ByKind)}}
{{template "counts" (table "destination" .Inv.Summary.ByDest)}}
{{template "counts" (table "package" .Inv.Summary.ByPackage)}}
{{with .Inv.Summary.Hosts}}<p>Hosts data is sent to: {{join . ", "}}.</p>{{end}}
{{with .Inv.Summary.Sanitizers}}<p>Sanitizers applied: {{join . ", "}}.</p>{{end}}
<script>
(function () {
  function cellValue(row, i, numeric) {
    var t = row.cells[i].textContent.trim();
    return numeric ? parseFloat(t) || 0 : t.toLowerCase();
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, i) {
      th.addEventListener("click", function () {
        var dir = th.dataset.dir === "asc" ? "desc" : "asc";
        table.querySelectorAll("th").forEach(function (h) { delete h.dataset.dir; });
        th.dataset.dir = dir;
        var numeric = th.dataset.type === "number";
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, i, numeric), y = cellValue(b, i, numeric);
          var c = x < y ? -1 : x > y ? 1 : 0;
          return dir === "asc" ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
  function applyFilters(id) {
    var table = document.getElementById(id);
    var text = document.querySelector('[data-filter="' + id + '"]');
    var status = document.querySelector('[data-status-filter="' + id + '"]');
    var q = text ? text.value.toLowerCase() : "";
    var s = status ? status.value : "";
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      var show = r.textContent.toLowerCase().indexOf(q) >= 0 && (!s || r.dataset.status === s);
      r.style.display = show ? "" : "none";
    });
  }
  document.querySelectorAll("[data-filter], [data-status-filter]").forEach(function (el) {
    var id = el.dataset.filter || el.dataset.statusFilter;
    el.addEventListener("input", function () { applyFilters(id); });
  });
  document.body.dataset.ready = "true";
})();
</script>
</body>
</html>
`)
}
