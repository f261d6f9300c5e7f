package main

import (
	"fmt"
	"strings"
)

// arg is one value a log statement reports.
type arg struct {
	key  string // slog key and printf label
	expr string
	verb string
}

func fieldArg(t *modelType, f field) arg {
	return arg{key: strings.ReplaceAll(f.label(), " ", "_"), expr: t.v + "." + f.path, verb: f.verb}
}

func idArg(t *modelType) arg { return arg{key: "id", expr: t.v + ".ID", verb: "%d"} }

// logStmt returns a statement that logs msg and args through one of the
// sinks real services use, and imports what it needs.
func (g *pkgGen) logStmt(msg string, args ...arg) string {
	var format, exprs, pairs []string
	format = append(format, g.p.name+": "+msg)
	for _, a := range args {
		format = append(format, a.key+" "+a.verb)
		exprs = append(exprs, a.expr)
		pairs = append(pairs, fmt.Sprintf("%q, %s", a.key, a.expr))
	}
	f := strings.Join(format, " ")
	list := strings.Join(exprs, ", ")
	switch g.rng.IntN(7) {
	case 0, 1:
		g.use(pathLog)
		return fmt.Sprintf("log.Printf(%q, %s)", f, list)
	case 2:
		g.use(pathLog)
		return fmt.Sprintf("log.Println(%q, %s)", g.p.name+": "+msg, list)
	case 3:
		g.use(pathSlog)
		return fmt.Sprintf("slog.%s(%q, %s)", g.pick("Info", "Warn", "Error"), msg, strings.Join(pairs, ", "))
	case 4:
		return fmt.Sprintf("Logf(%q, %s)", f, list)
	case 5:
		g.use(pathFmt, pathOS)
		return fmt.Sprintf("fmt.Fprintf(os.Stderr, %q, %s)", f+"\n", list)
	default:
		g.use(pathLog)
		return fmt.Sprintf("log.Print(%q + %s)", g.p.name+": "+msg+" ", g.asString(args[len(args)-1]))
	}
}

// asString returns an expression converting a to a string.
func (g *pkgGen) asString(a arg) string {
	switch a.verb {
	case "%s":
		if strings.HasSuffix(a.expr, "At") || strings.HasSuffix(a.expr, "Login") {
			return a.expr + ".String()"
		}
		return a.expr
	default:
		g.use(pathFmt)
		return fmt.Sprintf("fmt.Sprint(%s)", a.expr)
	}
}

var logPIIText = mustTemplate("logPII", `
// Log{{.Ty}}{{.N}} logs the {{.FK}} of a {{.Tl}} for the support team.
func Log{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	if {{.V}} == nil {
		return
	}
	{{.Stmt}}
}`)

// logPII logs a personal field directly.
func logPII(g *pkgGen, t *modelType) string {
	f := g.pii(t)
	d := g.base(t).with("F", t, f)
	args := []arg{idArg(t), fieldArg(t, f)}
	if g.chance(30) {
		args = []arg{fieldArg(t, f)}
	}
	d["Stmt"] = g.logStmt(strings.ToLower(t.name)+" contacted", args...)
	return render(logPIIText, d)
}

var logSafeText = mustTemplate("logSafe", `
// Trace{{.Ty}}{{.N}} logs what happened to a {{.Tl}} without personal data.
func Trace{{.Ty}}{{.N}}({{.V}} *{{.T}}, action string) {
	if {{.V}} == nil {
		return
	}
	{{.Stmt}}
}`)

// logSafe logs only fields that are not personal data.
func logSafe(g *pkgGen, t *modelType) string {
	d := g.base(t)
	args := []arg{idArg(t), {key: "action", expr: "action", verb: "%s"}}
	if f := g.plain(t); f.path != "ID" {
		args = append(args, fieldArg(t, f))
	}
	d["Stmt"] = g.logStmt(strings.ToLower(t.name)+" changed", args...)
	return render(logSafeText, d)
}

var logMaskedText = mustTemplate("logMasked", `
{{if .Local}}// {{.Mask}} hides a {{.FK}} in logs.
//
//pii:sanitizer
func {{.Mask}}(s string) string {
	if s == "" {
		return ""
	}
	return s[:1] + strings.Repeat("*", len(s)-1)
}

{{end}}// Report{{.Ty}}{{.N}} logs the {{.FK}} of a {{.Tl}} in masked form.
func Report{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	if {{.V}} == nil {
		return
	}
	masked := {{.Mask}}({{.F}})
	{{.Stmt}}
}`)

// logMasked logs a personal field after passing it through a sanitizer.
func logMasked(g *pkgGen, t *modelType) string {
	f := g.pii(t)
	d := g.base(t).with("F", t, f)
	d["Local"] = false
	switch {
	case f.kind == "email" && g.chance(50):
		g.customer()
		d["Mask"] = "core.MaskEmail"
	case f.kind == "card" && g.chance(50):
		g.customer()
		d["Mask"] = "core.MaskCard"
	case g.chance(50):
		d["Mask"] = "Redact"
	default:
		g.use(pathStrings)
		d["Local"] = true
		d["Mask"] = fmt.Sprintf("mask%d", d["N"])
	}
	d["Stmt"] = g.logStmt(strings.ToLower(t.name)+" checked", idArg(t), arg{key: "masked", expr: "masked", verb: "%s"})
	return render(logMaskedText, d)
}

var sprintfText = mustTemplate("sprintf", `
// Describe{{.Ty}}{{.N}} summarizes a {{.Tl}} for display.
func Describe{{.Ty}}{{.N}}({{.V}} *{{.T}}) string {
	return fmt.Sprintf("{{.Tl}} %d: {{.AVerb}} <{{.BVerb}}>", {{.V}}.ID, {{.A}}, {{.B}})
}{{if .Announce}}

// Announce{{.Ty}}{{.N}} logs the summary.
func Announce{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	msg := Describe{{.Ty}}{{.N}}({{.V}})
	log.Print(msg)
}{{end}}`)

// sprintfSnippet builds a string with fmt.Sprintf and sometimes logs it.
func sprintfSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t).with("A", t, a).with("B", t, b)
	g.use(pathFmt)
	d["Announce"] = g.chance(60)
	if d["Announce"] == true {
		g.use(pathLog)
	}
	return render(sprintfText, d)
}

var builderText = mustTemplate("builder", `
// Render{{.Ty}}{{.N}} renders a {{.Tl}} as a text block.
func Render{{.Ty}}{{.N}}({{.V}} *{{.T}}) string {
	var b strings.Builder
	b.WriteString("{{.Tl}} ")
	b.WriteString(strconv.FormatInt({{.V}}.ID, 10))
	b.WriteString("\n{{.AK}}: ")
	b.WriteString({{.A}})
	fmt.Fprintf(&b, "\n{{.BK}}: %s\n", {{.B}})
	return b.String()
}{{if .Print}}

// Print{{.Ty}}{{.N}} writes the rendering to the log.
func Print{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	log.Print(Render{{.Ty}}{{.N}}({{.V}}))
}{{end}}`)

// builderSnippet builds a string with strings.Builder.
func builderSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t).with("A", t, a).with("B", t, b)
	g.use(pathStrings, pathStrconv, pathFmt)
	d["Print"] = g.chance(50)
	if d["Print"] == true {
		g.use(pathLog)
	}
	return render(builderText, d)
}

var concatText = mustTemplate("concat", `
// Greeting{{.Ty}}{{.N}} returns the opening line of a letter about a {{.Tl}}.
func Greeting{{.Ty}}{{.N}}({{.V}} *{{.T}}) string {
	line := "Dear " + {{.A}} + ", we will contact you at " + {{.B}}
	if {{.V}}.Status != "active" {
		line += " once the account is active"
	}
	{{- if .Log}}
	Logf("%s", line)
	{{- end}}
	return line
}`)

// concatSnippet builds a string by concatenation.
func concatSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t).with("A", t, a).with("B", t, b)
	d["Log"] = g.chance(40)
	return render(concatText, d)
}

var errorfText = mustTemplate("errorf", `
// Validate{{.Ty}}{{.N}} checks the {{.FK}} of a {{.Tl}}.
func Validate{{.Ty}}{{.N}}({{.V}} *{{.T}}) error {
	if {{.F}} == "" {
		return errors.New("{{.P}}: {{.FK}} is required")
	}
	if _, err := strconv.ParseInt(strings.TrimPrefix({{.F}}, "+"), 10, 64); err != nil {
		return fmt.Errorf("{{.P}}: {{.Tl}} %d: bad {{.FK}} %q: %w", {{.V}}.ID, {{.F}}, err)
	}
	return nil
}

// Check{{.Ty}}{{.N}} validates every {{.Tl}} and logs the failures.
func Check{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) int {
	failed := 0
	for _, {{.V}} := range {{.Vs}} {
		if err := Validate{{.Ty}}{{.N}}({{.V}}); err != nil {
			log.Printf("{{.P}}: validation: %v", err)
			failed++
		}
	}
	return failed
}`)

// errorfSnippet wraps an error whose message carries personal data.
func errorfSnippet(g *pkgGen, t *modelType) string {
	d := g.base(t).with("F", t, g.pii(t))
	g.use(pathErrors, pathStrconv, pathStrings, pathFmt, pathLog)
	return render(errorfText, d)
}

var sentinelText = mustTemplate("sentinel", `
// errNo{{.Ty}}{{.N}} is returned when no {{.Tl}} matches.
var errNo{{.Ty}}{{.N}} = errors.New("{{.P}}: no such {{.Tl}}")

// Find{{.Ty}}{{.N}} returns the {{.Tl}} with the given {{.FK}}.
func Find{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, key string) (*{{.T}}, error) {
	for _, {{.V}} := range {{.Vs}} {
		if {{.F}} == key {
			return {{.V}}, nil
		}
	}
	return nil, fmt.Errorf("find %s: %w", key, errNo{{.Ty}}{{.N}})
}

// Lookup{{.Ty}}{{.N}} is Find{{.Ty}}{{.N}} that logs misses.
func Lookup{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, key string) *{{.T}} {
	{{.V}}, err := Find{{.Ty}}{{.N}}({{.Vs}}, key)
	if errors.Is(err, errNo{{.Ty}}{{.N}}) {
		log.Printf("{{.P}}: lookup failed: %v", err)
		return nil
	}
	return {{.V}}
}`)

// sentinelSnippet wraps a sentinel error with %w and tests it with errors.Is.
func sentinelSnippet(g *pkgGen, t *modelType) string {
	d := g.base(t).with("F", t, g.pii(t))
	g.use(pathErrors, pathFmt, pathLog)
	return render(sentinelText, d)
}

var collectionsText = mustTemplate("collections", `
// Collect{{.Ty}}{{.N}} returns the {{.FK}} of every {{.Tl}}.
func Collect{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) []string {
	out := make([]string, 0, len({{.Vs}}))
	for _, {{.V}} := range {{.Vs}} {
		out = append(out, {{.F}})
	}
	return out
}

// Index{{.Ty}}{{.N}} maps each {{.FK}} to its {{.Tl}}.
func Index{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) map[string]*{{.T}} {
	m := make(map[string]*{{.T}}, len({{.Vs}}))
	for _, {{.V}} := range {{.Vs}} {
		m[{{.F}}] = {{.V}}
	}
	return m
}

// Dump{{.Ty}}{{.N}} logs the known {{.FK}} values in order.
func Dump{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) {
	keys := slices.Sorted(maps.Keys(Index{{.Ty}}{{.N}}({{.Vs}})))
	log.Printf("{{.P}}: %d {{.Tl}} keys: %v", len(keys), keys)
	if all := Collect{{.Ty}}{{.N}}({{.Vs}}); len(all) != len(keys) {
		log.Printf("{{.P}}: duplicates among %v", all)
	}
}`)

// collectionsSnippet moves personal data through slices and maps.
func collectionsSnippet(g *pkgGen, t *modelType) string {
	d := g.base(t).with("F", t, g.pii(t))
	g.use("slices", "maps", pathLog)
	return render(collectionsText, d)
}

var closureText = mustTemplate("closure", `
// Format{{.Ty}}{{.N}} renders every {{.Tl}}, in detail when verbose.
func Format{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, verbose bool) []string {
	format := func({{.V}} *{{.T}}) string { return strconv.FormatInt({{.V}}.ID, 10) }
	if verbose {
		format = func({{.V}} *{{.T}}) string { return {{.A}} + " " + {{.B}} }
	}
	out := make([]string, len({{.Vs}}))
	for i, {{.V}} := range {{.Vs}} {
		out[i] = format({{.V}})
	}
	return out
}{{if .Log}}

// List{{.Ty}}{{.N}} logs the detailed rendering.
func List{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) {
	log.Printf("{{.P}}: %s", strings.Join(Format{{.Ty}}{{.N}}({{.Vs}}, true), "; "))
}{{end}}`)

// closureSnippet captures personal data in closures.
func closureSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t).with("A", t, a).with("B", t, b)
	g.use(pathStrconv)
	d["Log"] = g.chance(50)
	if d["Log"] == true {
		g.use(pathLog, pathStrings)
	}
	return render(closureText, d)
}

var goroutinesText = mustTemplate("goroutines", `
// Notify{{.Ty}}{{.N}} sends a message about every {{.Tl}} concurrently.
func Notify{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}, send func(to, msg string) error) {
	var wg sync.WaitGroup
	for _, {{.V}} := range {{.Vs}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := send({{.F}}, "your {{.Tl}} was updated"); err != nil {
				log.Printf("{{.P}}: notify %s: %v", {{.Who}}, err)
			}
		}()
	}
	wg.Wait()
}`)

// goroutinesSnippet hands personal data to goroutines.
func goroutinesSnippet(g *pkgGen, t *modelType) string {
	f := g.pii(t)
	d := g.base(t).with("F", t, f)
	d["Who"] = g.pick(d["F"].(string), "Redact("+d["F"].(string)+")", t.v+".Status")
	g.use(pathSync, pathLog)
	return render(goroutinesText, d)
}

var streamText = mustTemplate("stream", `
// Stream{{.Ty}}{{.N}} streams the {{.FK}} of every {{.Tl}}.
func Stream{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) <-chan string {
	ch := make(chan string, len({{.Vs}}))
	go func() {
		defer close(ch)
		for _, {{.V}} := range {{.Vs}} {
			ch <- {{.F}}
		}
	}()
	return ch
}

// Drain{{.Ty}}{{.N}} logs everything Stream{{.Ty}}{{.N}} produces.
func Drain{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) int {
	n := 0
	for s := range Stream{{.Ty}}{{.N}}({{.Vs}}) {
		Logf("{{.P}}: streamed %s", s)
		n++
	}
	return n
}`)

// streamSnippet sends personal data over a channel.
func streamSnippet(g *pkgGen, t *modelType) string {
	return render(streamText, g.base(t).with("F", t, g.pii(t)))
}

var genericsText = mustTemplate("generics", `
// First returns the first element of xs, or the zero value.
func First[T any](xs []T) T {
	var zero T
	if len(xs) == 0 {
		return zero
	}
	return xs[0]
}

// Map applies f to every element of xs.
func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

// Filter returns the elements of xs for which keep reports true.
func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// Cache is a map safe for concurrent use.
type Cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// Put stores v under k.
func (c *Cache[K, V]) Put(k K, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[K]V)
	}
	c.m[k] = v
}

// Get returns the value stored under k.
func (c *Cache[K, V]) Get(k K) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

// Primary{{.Ty}}{{.N}} logs the {{.FK}} of the first active {{.Tl}}.
func Primary{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) string {
	active := Filter({{.Vs}}, func({{.V}} *{{.T}}) bool { return {{.V}}.Status == "active" })
	first := First(Map(active, func({{.V}} *{{.T}}) string { return {{.F}} }))
	log.Printf("{{.P}}: primary {{.FK}} %s", first)
	return first
}

// Remember{{.Ty}}{{.N}} caches every {{.Tl}} by its {{.FK}}.
func Remember{{.Ty}}{{.N}}(cache *Cache[string, *{{.T}}], {{.Vs}} []*{{.T}}) {
	for _, {{.V}} := range {{.Vs}} {
		cache.Put({{.F}}, {{.V}})
	}
}`)

// genericsSnippet defines generic helpers and pushes personal data
// through them.
func genericsSnippet(g *pkgGen, t *modelType) string {
	g.use(pathSync, pathLog)
	return render(genericsText, g.base(t).with("F", t, g.pii(t)))
}

var csvText = mustTemplate("csv", `
// Export{{.Ty}}{{.N}} writes the {{.Tl}} records to a CSV file at path.
func Export{{.Ty}}{{.N}}(path string, {{.Vs}} []*{{.T}}) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("{{.P}}: export: %w", err)
	}
	defer f.Close()
	w := csv.NewWriter(f)
	if err := w.Write([]string{"id", "{{.AKey}}", "{{.BKey}}"}); err != nil {
		return err
	}
	for _, {{.V}} := range {{.Vs}} {
		rec := []string{strconv.FormatInt({{.V}}.ID, 10), {{.A}}, {{.BExpr}}}
		if err := w.Write(rec); err != nil {
			return fmt.Errorf("{{.P}}: export {{.Tl}} %d: %w", {{.V}}.ID, err)
		}
	}
	w.Flush()
	return w.Error()
}`)

// csvSnippet writes personal data to a file with encoding/csv.
func csvSnippet(g *pkgGen, t *modelType) string {
	a, b := g.twoPII(t)
	d := g.base(t).with("A", t, a).with("B", t, b)
	d["BExpr"] = g.pick(d["B"].(string), "Redact("+d["B"].(string)+")")
	g.use(pathOS, pathFmt, pathCSV, pathStrconv)
	return render(csvText, d)
}

var wrapperText = mustTemplate("wrapper", `
// {{.W}} writes a debug line {{.How}}.
func {{.W}}(format string, args ...any) {
	{{.Body}}
}

// Debug{{.Ty}}{{.N}} traces a {{.Tl}} at debug level.
func Debug{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	{{.W}}("{{.P}}: {{.Tl}} %d {{.FK}} %s", {{.V}}.ID, {{.F}})
}`)

// wrapperSnippet defines a printf-style logging wrapper and calls it.
func wrapperSnippet(g *pkgGen, t *modelType) string {
	d := g.base(t).with("F", t, g.pii(t))
	d["W"] = fmt.Sprintf("debugf%d", d["N"])
	switch g.rng.IntN(3) {
	case 0:
		g.use(pathLog)
		d["How"], d["Body"] = "to the standard logger", "log.Printf(format, args...)"
	case 1:
		d["How"], d["Body"] = "through Logf", "Logf(format, args...)"
	default:
		g.use(pathSlog, pathFmt)
		d["How"], d["Body"] = "to the structured log", "slog.Debug(fmt.Sprintf(format, args...))"
	}
	return render(wrapperText, d)
}

var slogWrapperText = mustTemplate("slogWrapper", `
// event{{.N}} records a structured event.
func event{{.N}}(msg string, args ...any) {
	slog.Info(msg, args...)
}

// Touched{{.Ty}}{{.N}} records that a {{.Tl}} was touched.
func Touched{{.Ty}}{{.N}}({{.V}} *{{.T}}) {
	event{{.N}}("{{.Tl}} touched", "id", {{.V}}.ID, "{{.FKey}}", {{.F}})
}`)

// slogWrapperSnippet defines a log/slog wrapper and calls it.
func slogWrapperSnippet(g *pkgGen, t *modelType) string {
	g.use(pathSlog)
	return render(slogWrapperText, g.base(t).with("F", t, g.pii(t)))
}

var statsText = mustTemplate("stats", `
// CountByStatus{{.Ty}}{{.N}} counts {{.Tl}} records per status.
func CountByStatus{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) map[string]int {
	counts := make(map[string]int)
	for _, {{.V}} := range {{.Vs}} {
		counts[{{.V}}.Status]++
	}
	return counts
}

// LogStatus{{.Ty}}{{.N}} logs the status counts.
func LogStatus{{.Ty}}{{.N}}({{.Vs}} []*{{.T}}) {
	counts := CountByStatus{{.Ty}}{{.N}}({{.Vs}})
	for _, s := range slices.Sorted(maps.Keys(counts)) {
		log.Printf("{{.P}}: %s: %d", s, counts[s])
	}
}`)

// statsSnippet computes and logs figures that are not personal data.
func statsSnippet(g *pkgGen, t *modelType) string {
	g.use("slices", "maps", pathLog)
	return render(statsText, g.base(t))
}

var jsonText = mustTemplate("json", `
// Encode{{.Ty}}{{.N}} renders a {{.Tl}} as JSON for the public API.
func Encode{{.Ty}}{{.N}}({{.V}} *{{.T}}) ([]byte, error) {
	type view struct {
		ID int64 {{.IDTag}}
		{{.FI}} string {{.FTag}}
	}
	return json.Marshal(view{ID: {{.V}}.ID, {{.FI}}: {{.F}}})
}`)

// jsonSnippet encodes personal data as JSON.
func jsonSnippet(g *pkgGen, t *modelType) string {
	f := g.pii(t)
	d := g.base(t).with("F", t, f)
	key := strings.ReplaceAll(f.label(), " ", "_")
	d["IDTag"] = tag("json", "id")
	d["FTag"] = tag("json", key)
	if g.chance(50) {
		d["FTag"] = tag("json", key, "pii", f.kind)
	}
	g.use(pathJSON)
	return render(jsonText, d)
}

var handlerText = mustTemplate("handler", `
// Handle{{.Ty}}{{.N}} answers lookups of the {{.FK}} of a {{.Tl}}.
func Handle{{.Ty}}{{.N}}(lookup func(id string) (*{{.T}}, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		{{.V}}, err := lookup(r.PathValue("id"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		log.Printf("{{.P}}: served {{.Tl}} %d", {{.V}}.ID)
		fmt.Fprintf(w, "%s\n", {{.F}})
	}
}`)

// handlerSnippet writes personal data to an HTTP response.
func handlerSnippet(g *pkgGen, t *modelType) string {
	g.use(pathHTTP, pathLog, pathFmt)
	return render(handlerText, g.base(t).with("F", t, g.pii(t)))
}

var contextText = mustTemplate("context", `
// Remind{{.Ty}}{{.N}} waits for the delay, then reminds the owner of a {{.Tl}}.
func Remind{{.Ty}}{{.N}}(ctx context.Context, {{.V}} *{{.T}}, delay time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, delay)
	defer cancel()
	<-ctx.Done()
	if errors.Is(ctx.Err(), context.Canceled) {
		return fmt.Errorf("{{.P}}: reminder for {{.Tl}} %d: %w", {{.V}}.ID, ctx.Err())
	}
	slog.InfoContext(ctx, "reminder sent", "to", {{.F}}, "id", {{.V}}.ID)
	return nil
}`)

// contextSnippet logs personal data with slog's context-aware calls.
func contextSnippet(g *pkgGen, t *modelType) string {
	g.use("context", pathTime, pathErrors, pathFmt, pathSlog)
	return render(contextText, g.base(t).with("F", t, g.pii(t)))
}
