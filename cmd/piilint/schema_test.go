package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sarifSchemaFile is the official SARIF 2.1.0 JSON schema, an unmodified
// copy (see its NOTICE.md).
var sarifSchemaFile = filepath.Join("testdata", "sarif", "sarif-schema-2.1.0.json")

// sarifSchemaSHA256 is the digest of the published schema, so that the
// copy stays the official one.
const sarifSchemaSHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

func TestSARIFSchemaCopy(t *testing.T) {
	data, err := os.ReadFile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(data)); got != sarifSchemaSHA256 {
		t.Errorf("%s has SHA-256 %s, want the published schema's %s", sarifSchemaFile, got, sarifSchemaSHA256)
	}
}

var sarifSchemaOnce = sync.OnceValues(func() (*jsonschema.Schema, error) {
	f, err := os.Open(sarifSchemaFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "file:///sarif-schema-2.1.0.json"
	if err := c.AddResource(url, doc); err != nil {
		return nil, err
	}
	return c.Compile(url)
})

// loadSARIFSchema returns the compiled schema. It is required: without it
// the test fails, naming the file it needs.
func loadSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schema, err := sarifSchemaOnce()
	if err != nil {
		abs, _ := filepath.Abs(sarifSchemaFile)
		t.Fatalf("the SARIF tests need the official SARIF 2.1.0 JSON schema at %s: %v", abs, err)
	}
	return schema
}

// checkSARIF validates data against the schema, formats included.
func checkSARIF(schema *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return schema.Validate(inst)
}

// validateSARIF fails the test unless data is valid SARIF 2.1.0.
func validateSARIF(t *testing.T, data []byte) {
	t.Helper()
	if err := checkSARIF(loadSARIFSchema(t), data); err != nil {
		t.Fatalf("SARIF output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, data)
	}
}

// TestValidateSARIF keeps the validator honest: it accepts the smallest
// valid log and rejects logs that break the schema in ways piilint could.
func TestValidateSARIF(t *testing.T) {
	schema := loadSARIFSchema(t)
	const head = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "piilint"}}, `
	if err := checkSARIF(schema, []byte(head+`"results": []}]}`)); err != nil {
		t.Errorf("a minimal log does not validate: %v", err)
	}
	for _, bad := range []string{
		`"results": [{"message": {"text": "m"}, "level": "fatal"}]}]}`,
		`"results": [{"message": {"text": "m"}, "locations": [{"physicalLocation": {"region": {"startLine": 0}}}]}]}]}`,
		`"results": [{"message": {"text": "m"}, "suppressions": [{"kind": "inComment"}]}]}]}`,
		`"results": [{"message": {"text": "m"}, "codeFlows": [{"threadFlows": []}]}]}]}`,
		`"results": [{"ruleId": "piilog"}]}]}`,
		`"columnKind": "bytes", "results": []}]}`,
		`"results": [{"message": {"text": "m"}, "partialFingerprints": {"piilint/v1": 1}}]}]}`,
	} {
		if err := checkSARIF(schema, []byte(head+bad)); err == nil {
			t.Errorf("the schema accepted %s", head+bad)
		}
	}
}
