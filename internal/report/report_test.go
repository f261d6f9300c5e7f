package report_test

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/piilint/piilint/internal/pii"
	"github.com/piilint/piilint/internal/report"
	"github.com/piilint/piilint/internal/sinks"
	"github.com/piilint/piilint/internal/taint"
)

var (
	email = taint.Source{Key: "example.com/crm.Customer.Email", Name: "Customer.Email", Kind: "email"}
	cvv   = taint.Source{Key: "example.com/crm.Customer.CVV", Name: "Customer.CVV", Kind: "cvv"}
	phone = taint.Source{Key: "example.com/crm.Customer.Phone", Name: "Customer.Phone", Kind: "phone"}
)

func TestDiagnostic(t *testing.T) {
	f := &taint.Finding{
		Pos: 100, End: 110, Call: 90,
		Source: email,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"},
	}
	d := report.Diagnostic(f, pii.Personal)
	if want := "Customer.Email (email) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	if d.Pos != 100 || d.End != 110 {
		t.Errorf("Pos, End = %d, %d, want 100, 110", d.Pos, d.End)
	}
	if d.Category != "personal" {
		t.Errorf("Category = %q, want %q", d.Category, "personal")
	}
	if len(d.Related) != 1 {
		t.Fatalf("Related = %+v, want the sink call only", d.Related)
	}
	last := d.Related[0]
	if last.Pos != 90 || last.End != 90 {
		t.Errorf("the sink call is at %d-%d, want 90-90", last.Pos, last.End)
	}
	if want := "log.Printf sends it to log output; "; !strings.HasPrefix(last.Message, want) {
		t.Errorf("sink call message %q does not start with %q", last.Message, want)
	}
	if !strings.Contains(last.Message, "//pii:sanitizer") {
		t.Errorf("sink call message %q gives no advice on masking", last.Message)
	}
	if len(d.SuggestedFixes) != 0 {
		t.Errorf("unexpected fixes %+v", d.SuggestedFixes)
	}
}

func TestDiagnosticSecret(t *testing.T) {
	f := &taint.Finding{
		Pos: 1, End: 2, Call: 1,
		Source: cvv,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"},
	}
	d := report.Diagnostic(f, pii.Secret)
	if want := "Customer.CVV (cvv, secret) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	key := &taint.Finding{Pos: 1, End: 2, Call: 1, Source: taint.Source{Key: "example.com/crm.TLSConfig.KeyData", Name: "TLSConfig.KeyData", Kind: "secret"},
		Sink: taint.SinkRef{Class: sinks.Log, Callee: "log.Printf"}}
	if want := "TLSConfig.KeyData (secret) reaches log output via log.Printf"; report.Diagnostic(key, pii.Secret).Message != want {
		t.Errorf("Message = %q, want %q", report.Diagnostic(key, pii.Secret).Message, want)
	}
	if d.Category != "secret" {
		t.Errorf("Category = %q, want %q", d.Category, "secret")
	}
	// The class decides, not the kind: an unknown kind has no class.
	d = report.Diagnostic(f, "")
	if want := "Customer.CVV (cvv) reaches log output via log.Printf"; d.Message != want {
		t.Errorf("without a class: Message = %q, want %q", d.Message, want)
	}
	if d.Category != "" {
		t.Errorf("without a class: Category = %q, want none", d.Category)
	}
}

func TestDiagnosticClasses(t *testing.T) {
	for _, tc := range []struct {
		class         sinks.Class
		dest          sinks.Dest
		callee        string
		message, hint string
		advice        string
	}{
		{sinks.Log, "", "log.Printf", "Customer.Email (email) reaches log output via log.Printf", "log.Printf sends it to log output; ", "sanitizer"},
		{sinks.Export, "", "(*encoding/csv.Writer).Write", "Customer.Email (email) is written to an export file via (*encoding/csv.Writer).Write", "(*encoding/csv.Writer).Write sends it to an export file; ", "allow rule"},
		{sinks.Export, sinks.DestCSV, "(*encoding/csv.Writer).Write", "Customer.Email (email) is written to a CSV file via (*encoding/csv.Writer).Write", "(*encoding/csv.Writer).Write sends it to a CSV file; ", "allow rule"},
		{sinks.Export, sinks.DestXLSX, "(*excelize.File).SetCellValue", "Customer.Email (email) is written to an xlsx workbook via (*excelize.File).SetCellValue", "(*excelize.File).SetCellValue sends it to an xlsx workbook; ", "leave the column out"},
		{sinks.Export, sinks.DestFile, "os.WriteFile", "Customer.Email (email) is written to a plain file via os.WriteFile", "os.WriteFile sends it to a plain file; ", "mask it"},
		{sinks.Transport, "", "net/http.Post", "Customer.Email (email) is sent over a plaintext channel via net/http.Post", "net/http.Post sends it to a plaintext channel; ", "TLS"},
	} {
		f := &taint.Finding{Pos: 1, End: 2, Call: 1, Source: email, Sink: taint.SinkRef{Class: tc.class, Dest: tc.dest, Callee: tc.callee}}
		d := report.Diagnostic(f, pii.Personal)
		if d.Message != tc.message {
			t.Errorf("%s: Message = %q, want %q", tc.class, d.Message, tc.message)
		}
		msg := d.Related[len(d.Related)-1].Message
		if !strings.HasPrefix(msg, tc.hint) {
			t.Errorf("%s: sink call message %q does not start with %q", tc.class, msg, tc.hint)
		}
		if !strings.Contains(msg, tc.advice) {
			t.Errorf("%s: sink call message %q does not mention %q", tc.class, msg, tc.advice)
		}
	}
}

func TestDiagnosticChainAndSteps(t *testing.T) {
	f := &taint.Finding{
		Pos: 50, End: 57, Call: 40,
		Source: email,
		Sink:   taint.SinkRef{Class: sinks.Log, Callee: "log.Printf", Via: []string{"logx.Info"}},
		Steps: []taint.Step{
			{Pos: 10, Message: "Customer.Email is read here"},
			{Pos: 20, Message: "passed to logx.Info"},
			{Pos: 30, Message: "formatted into msg"},
		},
	}
	d := report.Diagnostic(f, pii.Personal)
	if want := "Customer.Email (email) reaches log output via logx.Info → log.Printf"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	want := []analysis.RelatedInformation{
		{Pos: 10, End: 10, Message: "Customer.Email is read here"},
		{Pos: 20, End: 20, Message: "passed to logx.Info"},
		{Pos: 30, End: 30, Message: "formatted into msg"},
	}
	if len(d.Related) != len(want)+1 {
		t.Fatalf("Related has %d entries, want %d: %+v", len(d.Related), len(want)+1, d.Related)
	}
	if !reflect.DeepEqual(d.Related[:len(want)], want) {
		t.Errorf("steps:\n%+v\nwant\n%+v", d.Related[:len(want)], want)
	}
	last := d.Related[len(want)]
	if last.Pos != 40 || last.End != 40 {
		t.Errorf("the last entry is at %d-%d, want the call at 40", last.Pos, last.End)
	}
	if !strings.HasPrefix(last.Message, "logx.Info → log.Printf sends it to log output; ") {
		t.Errorf("last entry %q does not name the chain", last.Message)
	}
}

func TestChain(t *testing.T) {
	for _, tc := range []struct {
		ref  taint.SinkRef
		want string
	}{
		{taint.SinkRef{Callee: "log.Printf"}, "log.Printf"},
		{taint.SinkRef{Callee: "log.Printf", Via: []string{}}, "log.Printf"},
		{taint.SinkRef{Callee: "log.Printf", Via: []string{"logx.Info"}}, "logx.Info → log.Printf"},
		{taint.SinkRef{Callee: "(*log/slog.Logger).Info", Via: []string{"api.Audit", "(*logx.L).Info"}}, "api.Audit → (*logx.L).Info → (*log/slog.Logger).Info"},
	} {
		if got := report.Chain(tc.ref); got != tc.want {
			t.Errorf("Chain(%+v) = %q, want %q", tc.ref, got, tc.want)
		}
	}
}

// TestChainNoAlias: Chain does not write into the Via slice of a finding,
// which other findings may share.
func TestChainNoAlias(t *testing.T) {
	via := make([]string, 1, 8)
	via[0] = "logx.Info"
	a := taint.SinkRef{Callee: "log.Printf", Via: via}
	b := taint.SinkRef{Callee: "fmt.Println", Via: via}
	ca := report.Chain(a)
	cb := report.Chain(b)
	if ca != "logx.Info → log.Printf" || cb != "logx.Info → fmt.Println" {
		t.Errorf("Chain = %q, %q", ca, cb)
	}
	if extra := via[:2][1]; extra != "" {
		t.Errorf("Chain wrote %q past the end of Via", extra)
	}
}

// TestGroup: the findings at one sink argument are one diagnostic that
// names the fields, counts those past three, lists them all in the last
// related entry, and cuts a long chain.
func TestGroup(t *testing.T) {
	src := func(field, kind string) taint.Source {
		return taint.Source{Key: "crm.User." + field, Name: "User." + field, Kind: kind}
	}
	sink := taint.SinkRef{Class: sinks.Log, Callee: "log.Println", Via: []string{"api.GetUser", "api.load", "api.trace"}}
	var fs []*taint.Finding
	var classes []pii.Class
	for _, s := range []taint.Source{src("Email", "email"), src("Name", "name"), src("Password", "password"), src("Phone", "phone"), src("SSN", "national_id")} {
		fs = append(fs, &taint.Finding{Pos: 10, End: 14, Call: 9, Source: s, Sink: sink})
		cls := pii.Personal
		if s.Kind == "password" {
			cls = pii.Secret
		}
		classes = append(classes, cls)
	}
	d := report.Group(fs, classes)
	if want := "User.Email (email), User.Name (name) and 3 more fields of User reach log output via api.GetUser → … → log.Println"; d.Message != want {
		t.Errorf("Message = %q, want %q", d.Message, want)
	}
	if d.Category != "secret" {
		t.Errorf("Category = %q, want secret (one of the fields is)", d.Category)
	}
	last := d.Related[len(d.Related)-1].Message
	if want := "fields: User.Email (email), User.Name (name), User.Password (password, secret), User.Phone (phone), User.SSN (national_id)"; last != want {
		t.Errorf("last related = %q, want %q", last, want)
	}
	chain := d.Related[len(d.Related)-2].Message
	if !strings.HasPrefix(chain, "api.GetUser → api.load → api.trace → log.Println sends it to log output") {
		t.Errorf("the related information should have the whole chain: %q", chain)
	}

	d = report.Group(fs[:2], classes[:2])
	if want := "User.Email (email) and User.Name (name) reach log output via api.GetUser → … → log.Println"; d.Message != want {
		t.Errorf("two fields: Message = %q, want %q", d.Message, want)
	}
	if d.Category != "personal" {
		t.Errorf("two fields: Category = %q, want personal", d.Category)
	}
	for _, r := range d.Related {
		if strings.HasPrefix(r.Message, "fields: ") {
			t.Errorf("two fields are named in the message; no list expected: %q", r.Message)
		}
	}
}

// TestFieldKinds reads the kinds back from what Group writes: every
// field's, whether the message names them all or counts some, and not
// the parentheses of the sink chain.
func TestFieldKinds(t *testing.T) {
	src := func(field, kind string) taint.Source {
		return taint.Source{Key: "crm.User." + field, Name: "User." + field, Kind: kind}
	}
	all := []taint.Source{src("Email", "email"), src("Token", "token"), src("Allergies", "health"), src("Phone", "phone"), src("Face", "biometric")}
	for _, sink := range []taint.SinkRef{
		{Class: sinks.Log, Callee: "(*log.Logger).Printf"},
		{Class: sinks.Export, Callee: "(*encoding/csv.Writer).Write", Dest: "a CSV file"},
		{Class: sinks.Transport, Callee: "net/http.Post", Dest: "plaintext HTTP"},
	} {
		for n := 1; n <= len(all); n++ {
			var fs []*taint.Finding
			var classes []pii.Class
			var want []string
			for _, s := range all[:n] {
				fs = append(fs, &taint.Finding{Pos: 10, End: 14, Call: 9, Source: s, Sink: sink})
				cls := pii.Personal
				if s.Kind == "token" {
					cls = pii.Secret
				}
				classes = append(classes, cls)
				want = append(want, s.Kind)
			}
			d := report.Group(fs, classes)
			fields := ""
			for _, r := range d.Related {
				if strings.HasPrefix(r.Message, report.FieldsPrefix) {
					fields = r.Message
				}
			}
			if got := report.FieldKinds(d.Message, fields); !reflect.DeepEqual(got, want) {
				t.Errorf("%q (%q): kinds %q, want %q", d.Message, fields, got, want)
			}
		}
	}
}
