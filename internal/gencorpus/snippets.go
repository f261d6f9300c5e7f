package main

import (
	"strings"
	"text/template"
)

// data is what a snippet template is executed with.
type data map[string]any

// base returns the template data shared by most snippets: the package
// name P, a fresh function number N, and, when t is not nil, the subject
// type T (qualified), its name Ty, lower-case name Tl, and the variable
// names V (one value) and Vs (a slice).
func (g *pkgGen) base(t *modelType) data {
	d := data{"P": g.p.name, "N": g.next()}
	if t != nil {
		d["T"] = t.qual()
		d["Ty"] = t.name
		d["Tl"] = strings.ToLower(t.name)
		d["V"] = t.v
		d["Vs"] = t.v + "s"
	}
	return d
}

// with sets key to the expression reading f from the variable of t,
// key+"K" to the field's label, key+"Key" to the label as a snake_case key,
// key+"I" to an identifier naming the field and key+"Verb" to its printf
// verb.
func (d data) with(key string, t *modelType, f field) data {
	d[key] = t.v + "." + f.path
	d[key+"K"] = f.label()
	d[key+"I"] = ident(f.path)
	d[key+"Key"] = strings.ReplaceAll(f.label(), " ", "_")
	d[key+"Verb"] = f.verb
	return d
}

const (
	pathCSV     = "encoding/csv"
	pathErrors  = "errors"
	pathFmt     = "fmt"
	pathHTTP    = "net/http"
	pathJSON    = "encoding/json"
	pathLog     = "log"
	pathOS      = "os"
	pathSlog    = "log/slog"
	pathStrconv = "strconv"
	pathStrings = "strings"
	pathSync    = "sync"
	pathTime    = "time"
)

// ---- Kind headers: the types that give each kind of package its shape.

var kindHeaders = map[string]func(*pkgGen) string{
	"repo":  repoHeader,
	"svc":   svcHeader,
	"http":  httpHeader,
	"job":   jobHeader,
	"audit": auditHeader,
}

var repoHeaderText = mustTemplate("repoHeader", `
// Store keeps customers in memory, indexed by ID.
type Store struct {
	mu   sync.RWMutex
	byID map[int64]*core.Customer
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{byID: make(map[int64]*core.Customer)}
}

// Put stores c, replacing any customer with the same ID.
func (s *Store) Put(c *core.Customer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.byID[c.ID] = c
	log.Printf("{{.P}}: stored customer {{.Verb}}", {{.Arg}})
}

// Get returns the customer with the given ID.
func (s *Store) Get(id int64) (*core.Customer, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c, ok := s.byID[id]
	return c, ok
}

// FindByEmail returns the customer with the given e-mail address.
func (s *Store) FindByEmail(email string) (*core.Customer, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, c := range s.byID {
		if strings.EqualFold(c.Email, email) {
			return c, nil
		}
	}
	return nil, fmt.Errorf("{{.P}}: no customer with e-mail %s", email)
}

// All returns every stored customer, ordered by ID.
func (s *Store) All() []*core.Customer {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]*core.Customer, 0, len(s.byID))
	for _, c := range s.byID {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}`)

func repoHeader(g *pkgGen) string {
	g.customer()
	g.use(pathSync, pathLog, pathStrings, pathFmt, "sort")
	d := g.base(nil)
	if g.chance(50) {
		d["Verb"], d["Arg"] = "%d", "c.ID"
	} else {
		d["Verb"], d["Arg"] = "%s", "c.Email"
	}
	return render(repoHeaderText, d)
}

var svcHeaderText = mustTemplate("svcHeader", `
// Service applies business rules to customers.
type Service struct {
	Name   string
	Notify func(to, msg string) error
	counts map[string]int
}

// NewService returns a service that sends notifications through notify.
func NewService(name string, notify func(to, msg string) error) *Service {
	return &Service{Name: name, Notify: notify, counts: make(map[string]int)}
}

// Register validates c and welcomes it.
func (s *Service) Register(c *core.Customer) error {
	if c.Email == "" {
		return errors.New("{{.P}}: customer has no e-mail address")
	}
	s.counts[c.Status]++
	if s.Notify != nil {
		if err := s.Notify(c.Email, "Welcome, "+c.Name); err != nil {
			return fmt.Errorf("{{.P}}: notify %s: %w", {{.Who}}, err)
		}
	}
	Logf("{{.P}}: registered customer %d in %s", c.ID, s.Name)
	return nil
}

// Counts returns how many customers were registered per status.
func (s *Service) Counts() map[string]int {
	out := make(map[string]int, len(s.counts))
	maps.Copy(out, s.counts)
	return out
}`)

func svcHeader(g *pkgGen) string {
	g.customer()
	g.use(pathErrors, pathFmt, "maps")
	d := g.base(nil)
	d["Who"] = g.pick("c.Email", "core.MaskEmail(c.Email)", "Redact(c.Email)")
	return render(svcHeaderText, d)
}

var httpHeaderText = mustTemplate("httpHeader", `
// Handler serves one customer as JSON.
type Handler struct {
	Lookup func(id string) (*core.Customer, error)
}

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	c, err := h.Lookup(id)
	if err != nil {
		log.Printf("{{.P}}: lookup %s: %v", id, err)
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(c); err != nil {
		log.Printf("{{.P}}: encode customer %d: %v", c.ID, err)
	}
}

// Signup creates a customer from a posted form.
func Signup(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	c := core.New(time.Now().UnixNano(), r.PostFormValue("name"), r.PostFormValue("email"))
	c.Phone = r.PostFormValue("phone")
	log.Printf("{{.P}}: signup of customer %d from %s", c.ID, {{.Who}})
	w.WriteHeader(http.StatusCreated)
	fmt.Fprintf(w, "welcome %s\n", c.Name)
}`)

func httpHeader(g *pkgGen) string {
	g.customer()
	g.use(pathJSON, pathHTTP, pathLog, pathTime, pathFmt)
	d := g.base(nil)
	d["Who"] = g.pick("c.Email", "core.MaskEmail(c.Email)", "r.RemoteAddr")
	return render(httpHeaderText, d)
}

var jobHeaderText = mustTemplate("jobHeader", `
// Queue fans work on customers out to a fixed number of workers.
type Queue struct {
	Workers int
}

// Run calls fn for every customer and returns the failures.
func (q *Queue) Run(cs []*core.Customer, fn func(*core.Customer) error) []error {
	ch := make(chan *core.Customer)
	var (
		mu   sync.Mutex
		errs []error
		wg   sync.WaitGroup
	)
	for range max(q.Workers, 1) {
		wg.Go(func() {
			for c := range ch {
				if err := fn(c); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Errorf("{{.P}}: customer %s: %w", {{.Who}}, err))
					mu.Unlock()
				}
			}
		})
	}
	for _, c := range cs {
		ch <- c
	}
	close(ch)
	wg.Wait()
	return errs
}`)

func jobHeader(g *pkgGen) string {
	g.customer()
	g.use(pathSync, pathFmt)
	d := g.base(nil)
	d["Who"] = g.pick("c.Email", "c.Name", "c.String()")
	return render(jobHeaderText, d)
}

var auditHeaderText = mustTemplate("auditHeader", `
// Event is one audit record.
type Event struct {
	At     time.Time
	Actor  string {{.ActorTag}}
	Action string
	Target int64
}

// Record writes e to the structured log.
func Record(e Event) {
	slog.Info("audit", "at", e.At, "actor", e.Actor, "action", e.Action, "target", e.Target)
}

// Recorder collects events in memory.
type Recorder struct {
	mu     sync.Mutex
	events []Event
}

// Add appends e.
func (r *Recorder) Add(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, e)
}

// Actors returns the distinct actors seen so far, in order of appearance.
func (r *Recorder) Actors() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	seen := map[string]bool{}
	var out []string
	for _, e := range r.events {
		if !seen[e.Actor] {
			seen[e.Actor] = true
			out = append(out, e.Actor)
		}
	}
	return out
}`)

func auditHeader(g *pkgGen) string {
	g.use(pathTime, pathSlog, pathSync)
	d := g.base(nil)
	d["ActorTag"] = tag("pii", "email")
	return render(auditHeaderText, d)
}

// ---- The exported surface every layered package has.

var apiSnippets = []func(*pkgGen) string{apiContact, apiNormalize, apiLogf, apiRedact, apiRef}

var apiContactText = mustTemplate("apiContact", `
// Contact returns the address {{.P}} uses to reach c.
func Contact(c *core.Customer) string {
	return {{.Expr}}
}`)

func apiContact(g *pkgGen) string {
	g.customer()
	d := g.base(nil)
	exprs := []string{"c.Email", "c.Phone", "c.Contact()", "Normalize(c.Email)"}
	if dep, ok := g.depMaybe(40); ok {
		exprs = []string{dep.name + ".Contact(c)"}
	}
	d["Expr"] = g.pick(exprs...)
	return render(apiContactText, d)
}

var apiNormalizeText = mustTemplate("apiNormalize", `
// Normalize canonicalizes s for comparison.
func Normalize(s string) string {
	return {{.Expr}}
}`)

func apiNormalize(g *pkgGen) string {
	g.use(pathStrings)
	d := g.base(nil)
	exprs := []string{
		"strings.ToLower(strings.TrimSpace(s))",
		"strings.TrimSpace(s)",
		`strings.Join(strings.Fields(s), " ")`,
	}
	if dep, ok := g.depMaybe(40); ok {
		exprs = []string{dep.name + ".Normalize(strings.TrimSpace(s))"}
	}
	d["Expr"] = g.pick(exprs...)
	return render(apiNormalizeText, d)
}

var apiLogfText = mustTemplate("apiLogf", `
{{if .Logger}}var logger = log.New(os.Stderr, "{{.P}}: ", log.LstdFlags)

{{end}}// Logf writes a formatted line to the service log.
func Logf(format string, args ...any) {
	{{.Body}}
}`)

func apiLogf(g *pkgGen) string {
	d := g.base(nil)
	d["Logger"] = false
	switch dep, ok := g.depMaybe(35); {
	case ok:
		d["Body"] = dep.name + ".Logf(format, args...)"
	case g.chance(30):
		g.use(pathLog, pathOS)
		d["Logger"] = true
		d["Body"] = "logger.Printf(format, args...)"
	case g.chance(30):
		g.use(pathSlog, pathFmt)
		d["Body"] = "slog.Info(fmt.Sprintf(format, args...))"
	default:
		g.use(pathLog)
		d["Body"] = "log.Printf(format, args...)"
	}
	return render(apiLogfText, d)
}

var apiRedactText = mustTemplate("apiRedact", `
// Redact hides personal data in s before it is logged or exported.
//
//pii:sanitizer
func Redact(s string) string {
	{{.Body}}
}`)

func apiRedact(g *pkgGen) string {
	d := g.base(nil)
	switch dep, ok := g.depMaybe(25); {
	case ok:
		d["Body"] = "return " + dep.name + ".Redact(s)"
	case g.chance(25):
		g.use("crypto/sha256", "encoding/hex")
		d["Body"] = "sum := sha256.Sum256([]byte(s))\n\treturn hex.EncodeToString(sum[:6])"
	case g.chance(25):
		g.customer()
		d["Body"] = "return core.MaskCard(s)"
	case g.chance(25):
		g.use(pathFmt)
		d["Body"] = `return fmt.Sprintf("[%d chars]", len(s))`
	default:
		g.use(pathStrings)
		d["Body"] = "if len(s) <= 4 {\n\t\treturn strings.Repeat(\"*\", len(s))\n\t}\n\treturn strings.Repeat(\"*\", len(s)-4) + s[len(s)-4:]"
	}
	return render(apiRedactText, d)
}

var apiRefText = mustTemplate("apiRef", `
// Ref returns the reference under which {{.P}} files c; it holds no
// personal data.
func Ref(c *core.Customer) string {
	return {{.Expr}}
}`)

func apiRef(g *pkgGen) string {
	g.customer()
	d := g.base(nil)
	switch g.rng.IntN(3) {
	case 0:
		g.use(pathStrconv)
		d["Expr"] = "strconv.FormatInt(c.ID, 10)"
	case 1:
		g.use(pathFmt)
		d["Expr"] = `fmt.Sprintf("%s-%d", c.Status, c.ID)`
	default:
		g.use(pathStrconv)
		d["Expr"] = `"` + g.p.name + `/" + strconv.FormatInt(c.ID, 36)`
	}
	return render(apiRefText, d)
}

// depMaybe returns, with the given chance, one of the imported layered
// packages, importing it.
func (g *pkgGen) depMaybe(percent int) (*pkg, bool) {
	if len(g.p.deps) == 0 || !g.chance(percent) {
		return nil, false
	}
	return g.dep()
}

// ---- Calls into imported layered packages.

var crossCallTexts = map[string]*template.Template{
	"forward": mustTemplate("forward", `
// Forward{{.N}} reports c's contact through {{.D}}.
func Forward{{.N}}(c *core.Customer) {
	{{.D}}.Logf("{{.P}}: contact %s", {{.D}}.Normalize({{.D}}.Contact(c)))
}`),
	"ref": mustTemplate("ref", `
// Reference{{.N}} returns the reference {{.D}} files c under.
func Reference{{.N}}(c *core.Customer) string {
	ref := {{.D}}.Ref(c)
	{{.D}}.Logf("{{.P}}: resolved reference %s", ref)
	return ref
}`),
	"masked": mustTemplate("masked", `
// Masked{{.N}} logs c's {{.FK}} as redacted by {{.D}}.
func Masked{{.N}}(c *core.Customer) string {
	masked := {{.D}}.Redact({{.F}})
	log.Printf("{{.P}}: {{.FK}} %s", masked)
	return masked
}`),
	"sync": mustTemplate("sync", `
// Sync{{.N}} normalizes the {{.FK}} of every customer with {{.D}}.
func Sync{{.N}}(cs []*core.Customer) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, {{.D}}.Normalize({{.F}}))
	}
	Logf("{{.P}}: synced %d customers via {{.D}}", len(out))
	return out
}`),
	"mixed": mustTemplate("mixed", `
// Greet{{.N}} logs a greeting for c.
func Greet{{.N}}(c *core.Customer) {
	Logf("{{.P}}: hello %s from %s", {{.D}}.Contact(c), c.Address.City)
}`),
	"repo": mustTemplate("repo", `
// Load{{.N}} puts the customers into a new {{.D}} store and returns the
// ones without an e-mail address.
func Load{{.N}}(cs []*core.Customer) (*{{.D}}.Store, []int64) {
	s := {{.D}}.NewStore()
	var missing []int64
	for _, c := range cs {
		s.Put(c)
		if _, err := s.FindByEmail(c.Email); err != nil {
			log.Printf("{{.P}}: %v", err)
			missing = append(missing, c.ID)
		}
	}
	return s, missing
}`),
	"svc": mustTemplate("svc", `
// Onboard{{.N}} registers c with {{.D}}.
func Onboard{{.N}}(c *core.Customer) error {
	s := {{.D}}.NewService("{{.P}}", func(to, msg string) error {
		log.Printf("{{.P}}: mail to %s: %s", to, msg)
		return nil
	})
	if err := s.Register(c); err != nil {
		return fmt.Errorf("{{.P}}: onboard: %w", err)
	}
	return nil
}`),
	"http": mustTemplate("http", `
// Handler{{.N}} returns a {{.D}} handler over the given customers.
func Handler{{.N}}(cs map[string]*core.Customer) *{{.D}}.Handler {
	return &{{.D}}.Handler{Lookup: func(id string) (*core.Customer, error) {
		c, ok := cs[id]
		if !ok {
			return nil, errors.New("{{.P}}: unknown customer " + id)
		}
		return c, nil
	}}
}`),
	"job": mustTemplate("job", `
// Batch{{.N}} processes customers on a {{.D}} queue.
func Batch{{.N}}(cs []*core.Customer) int {
	q := &{{.D}}.Queue{Workers: {{.W}}}
	errs := q.Run(cs, func(c *core.Customer) error {
		if c.Phone == "" {
			return errors.New("no phone")
		}
		{{.D}}.Logf("{{.P}}: texting %s", {{.F}})
		return nil
	})
	for _, err := range errs {
		log.Printf("{{.P}}: batch: %v", err)
	}
	return len(errs)
}`),
	"audit": mustTemplate("audit", `
// Touch{{.N}} records that c was viewed.
func Touch{{.N}}(c *core.Customer, rec *{{.D}}.Recorder) {
	e := {{.D}}.Event{At: time.Now(), Actor: c.Email, Action: "view", Target: c.ID}
	rec.Add(e)
	{{.D}}.Record(e)
}`),
}

// crossCall emits a function that uses the imported layered package d.
func crossCall(g *pkgGen, d *pkg) string {
	g.use(d.importPath())
	t := g.customer()
	data := g.base(t)
	data["D"] = d.name
	data.with("F", t, g.pii(t))
	kinds := []string{"forward", "ref", "masked", "sync", "mixed", d.kind, d.kind}
	kind := g.pick(kinds...)
	switch kind {
	case "masked", "repo":
		g.use(pathLog)
	case "svc":
		g.use(pathLog, pathFmt)
	case "http":
		g.use(pathErrors)
	case "job":
		g.use(pathErrors, pathLog)
		data["W"] = 1 + g.rng.IntN(8)
		data["F"] = g.pick("c.Phone", "Redact(c.Phone)", "c.Name")
	case "audit":
		g.use(pathTime)
	}
	return render(crossCallTexts[kind], data)
}
