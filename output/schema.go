package output

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of one output line. It is
// a copy, so that no caller can change what NewValidator compiles.
func Schema() []byte { return bytes.Clone(schema) }

// schemaNode is the subset of JSON Schema that Schema uses: type, enum,
// required, properties, additionalProperties (false), items, minItems,
// maxItems, minimum, minLength, pattern and oneOf.
type schemaNode struct {
	Type                 string                 `json:"type"`
	Enum                 []string               `json:"enum"`
	Required             []string               `json:"required"`
	Properties           map[string]*schemaNode `json:"properties"`
	AdditionalProperties *bool                  `json:"additionalProperties"`
	Items                *schemaNode            `json:"items"`
	MinItems             *int                   `json:"minItems"`
	MaxItems             *int                   `json:"maxItems"`
	Minimum              *float64               `json:"minimum"`
	MinLength            *int                   `json:"minLength"`
	Pattern              string                 `json:"pattern"`
	OneOf                []*schemaNode          `json:"oneOf"`

	re *regexp.Regexp
}

// Validator checks JSON documents against Schema.
type Validator struct{ root *schemaNode }

// NewValidator compiles Schema.
func NewValidator() (*Validator, error) {
	var root schemaNode
	if err := json.Unmarshal(schema, &root); err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	if err := root.compile(); err != nil {
		return nil, err
	}
	return &Validator{&root}, nil
}

func (n *schemaNode) compile() error {
	if n == nil {
		return nil
	}
	if n.Pattern != "" {
		re, err := regexp.Compile(n.Pattern)
		if err != nil {
			return fmt.Errorf("schema pattern %q: %w", n.Pattern, err)
		}
		n.re = re
	}
	for _, c := range n.Properties {
		if err := c.compile(); err != nil {
			return err
		}
	}
	for _, c := range n.OneOf {
		if err := c.compile(); err != nil {
			return err
		}
	}
	return n.Items.compile()
}

// Validate checks one JSON line against the schema and returns the first
// violation with its JSON path.
func (v *Validator) Validate(line []byte) error {
	var doc any
	if err := json.Unmarshal(line, &doc); err != nil {
		return err
	}
	return v.root.validate("$", doc)
}

func (n *schemaNode) validate(path string, v any) error {
	if len(n.OneOf) > 0 {
		var errs []string
		matched := 0
		for _, alt := range n.OneOf {
			if err := alt.validate(path, v); err != nil {
				errs = append(errs, err.Error())
			} else {
				matched++
			}
		}
		if matched != 1 {
			return fmt.Errorf("%s: matches %d of the oneOf alternatives (want 1): %s", path, matched, strings.Join(errs, "; "))
		}
	}
	if len(n.Enum) > 0 {
		s, ok := v.(string)
		if !ok || !contains(n.Enum, s) {
			return fmt.Errorf("%s: %v is not one of %v", path, v, n.Enum)
		}
	}
	switch n.Type {
	case "":
	case "object":
		obj, ok := v.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: want an object", path)
		}
		for _, k := range n.Required {
			if _, ok := obj[k]; !ok {
				return fmt.Errorf("%s: missing %q", path, k)
			}
		}
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			child, ok := n.Properties[k]
			if !ok {
				if n.AdditionalProperties != nil && !*n.AdditionalProperties {
					return fmt.Errorf("%s: unexpected property %q", path, k)
				}
				continue
			}
			if err := child.validate(path+"."+k, obj[k]); err != nil {
				return err
			}
		}
	case "array":
		arr, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s: want an array", path)
		}
		if n.MinItems != nil && len(arr) < *n.MinItems {
			return fmt.Errorf("%s: %d items, want at least %d", path, len(arr), *n.MinItems)
		}
		if n.MaxItems != nil && len(arr) > *n.MaxItems {
			return fmt.Errorf("%s: %d items, want at most %d", path, len(arr), *n.MaxItems)
		}
		if n.Items != nil {
			for i, e := range arr {
				if err := n.Items.validate(fmt.Sprintf("%s[%d]", path, i), e); err != nil {
					return err
				}
			}
		}
	case "string":
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s: want a string", path)
		}
		if n.MinLength != nil && utf8.RuneCountInString(s) < *n.MinLength {
			return fmt.Errorf("%s: shorter than %d", path, *n.MinLength)
		}
		if n.re != nil && !n.re.MatchString(s) {
			return fmt.Errorf("%s: %q does not match %s", path, s, n.Pattern)
		}
	case "integer":
		f, ok := v.(float64)
		if !ok || f != math.Trunc(f) {
			return fmt.Errorf("%s: want an integer", path)
		}
		if n.Minimum != nil && f < *n.Minimum {
			return fmt.Errorf("%s: %v is below %v", path, f, *n.Minimum)
		}
	default:
		return fmt.Errorf("%s: schema type %q is not supported by this validator", path, n.Type)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
