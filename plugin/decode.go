package plugin

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/golangci/plugin-module-register/register"
)

// decode checks the raw settings against Settings and decodes them.
//
// golangci-lint hands over what its configuration loader made of the
// YAML: maps with lowercased string keys, lists, strings, numbers and
// booleans. The JSON decoding of register.DecodeSettings would report an
// unknown key without saying where it is, and accepts keys in any case;
// check walks the value first, so that every error names the full path
// of the offending key.
func decode(raw any) (*Settings, error) {
	if raw == nil {
		return new(Settings), nil
	}
	if _, ok := raw.(map[string]any); !ok {
		return nil, fmt.Errorf("%s: want a mapping of settings, got %s", settingsPath, describe(raw))
	}
	if err := check(raw, reflect.TypeFor[Settings](), settingsPath); err != nil {
		return nil, err
	}
	m := raw.(map[string]any)
	if file, ok := m["config"]; ok && file != nil && file != "" {
		for _, k := range sortedKeys(m) {
			if !slices.Contains(ownKeys, k) {
				return nil, fmt.Errorf("%s: %s cannot be set beside config: put it in %v", settingsPath, k, file)
			}
		}
	}
	s, err := register.DecodeSettings[Settings](raw)
	if err != nil {
		// check accepts only what decodes; this is a safety net.
		return nil, fmt.Errorf("%s: %w", settingsPath, err)
	}
	return &s, nil
}

// check reports the first key of v, in sorted order and depth first, that
// a value of type t has no place for, or the first value of the wrong
// type. path names v in messages. Null is accepted anywhere: it leaves
// the value unset, as in .piilint.yml.
func check(v any, t reflect.Type, path string) error {
	if v == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return wrongType(path, t, v)
		}
		fields := jsonFields(t)
		for _, k := range sortedKeys(m) {
			i := slices.IndexFunc(fields, func(f field) bool { return f.name == k })
			if i < 0 {
				return fmt.Errorf("%s: unknown key %q (known keys: %s)", path, k, strings.Join(fieldNames(fields), ", "))
			}
			if err := check(m[k], fields[i].typ, path+"."+k); err != nil {
				return err
			}
		}
	case reflect.Map:
		m, ok := v.(map[string]any)
		if !ok {
			return wrongType(path, t, v)
		}
		for _, k := range sortedKeys(m) {
			if err := check(m[k], t.Elem(), path+"."+k); err != nil {
				return err
			}
		}
	case reflect.Slice:
		list, ok := v.([]any)
		if !ok {
			return wrongType(path, t, v)
		}
		for i, e := range list {
			if err := check(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			return wrongType(path, t, v)
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			return wrongType(path, t, v)
		}
	case reflect.Int:
		if !isInt(v) {
			return wrongType(path, t, v)
		}
	default:
		return fmt.Errorf("%s: unsupported setting type %s", path, t)
	}
	return nil
}

// A field is a settings key and the type of its value.
type field struct {
	name string
	typ  reflect.Type
}

// jsonFields returns the keys of a struct as encoding/json names them,
// with the fields of embedded structs promoted, in declaration order.
func jsonFields(t reflect.Type) []field {
	var out []field
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			out = append(out, jsonFields(f.Type)...)
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, field{name, f.Type})
	}
	return out
}

func fieldNames(fields []field) []string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.name
	}
	return names
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// isInt reports whether v is a number without a fractional part that
// fits an int.
func isInt(v any) bool {
	switch n := v.(type) {
	case int, int8, int16, int32:
		return true
	case int64:
		return n >= math.MinInt && n <= math.MaxInt
	case uint, uint8, uint16, uint32, uint64:
		u := reflect.ValueOf(n).Uint()
		return u <= math.MaxInt
	case float64:
		return n == math.Trunc(n) && n >= math.MinInt && n < math.MaxInt
	}
	return false
}

func wrongType(path string, t reflect.Type, v any) error {
	return fmt.Errorf("%s: want %s, got %s", path, want(t), describe(v))
}

// want describes the settings type t.
func want(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct, reflect.Map:
		return "a mapping"
	case reflect.Slice:
		switch t.Elem().Kind() {
		case reflect.String:
			return "a list of strings"
		case reflect.Struct, reflect.Map:
			return "a list of mappings"
		}
		return "a list"
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int:
		return "an integer"
	}
	return t.String()
}

// describe names a decoded settings value, as the .piilint.yml messages do.
func describe(v any) string {
	switch v := v.(type) {
	case nil:
		return "nothing"
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return "the boolean " + strconv.FormatBool(v)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, float32, float64:
		return fmt.Sprintf("the number %v", v)
	}
	return fmt.Sprintf("a value of type %T", v)
}
