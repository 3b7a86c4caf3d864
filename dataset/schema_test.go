package dataset

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const schemaPath = "../docs/docsurvey.schema.json"

// schemaDoc reads docs/docsurvey.schema.json as plain JSON.
func schemaDoc(t *testing.T) map[string]any {
	t.Helper()
	b, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	return doc
}

// TestSchemaMatchesTypes checks that every type of a data file has a schema
// definition whose properties are exactly the type's yaml fields: a field
// added to the Go types and not to the schema fails, and so does a property
// in the schema that the types do not have.
func TestSchemaMatchesTypes(t *testing.T) {
	doc := schemaDoc(t)
	defs, _ := doc["definitions"].(map[string]any)
	def := func(name string) map[string]any {
		d, _ := defs[name].(map[string]any)
		if name == "figure" { // a bare number or an object
			alts, _ := d["oneOf"].([]any)
			if len(alts) == 2 {
				d, _ = alts[1].(map[string]any)
			}
		}
		return d
	}
	types := map[string]reflect.Type{
		"view": reflect.TypeFor[View](), "source": reflect.TypeFor[Source](), "measure": reflect.TypeFor[Measure](),
		"series": reflect.TypeFor[Series](), "chart": reflect.TypeFor[Chart](), "item": reflect.TypeFor[Item](),
		"figure": reflect.TypeFor[Figure](), "variant": reflect.TypeFor[Variant](), "finding": reflect.TypeFor[Finding](),
		"check": reflect.TypeFor[Check](), "tourStep": reflect.TypeFor[TourStep](),
	}
	check := func(name string, d map[string]any, typ reflect.Type) {
		if d == nil {
			t.Errorf("schema has no definition %q for %s", name, typ)
			return
		}
		props, _ := d["properties"].(map[string]any)
		var inSchema []string
		for k := range props {
			inSchema = append(inSchema, k)
		}
		sort.Strings(inSchema)
		inTypes := slices.Clone(fieldsOf(typ).names)
		sort.Strings(inTypes)
		for _, f := range inTypes {
			if _, ok := props[f]; !ok {
				t.Errorf("%s: field %q of %s is not in the schema", name, f, typ)
			}
		}
		for _, p := range inSchema {
			if !slices.Contains(inTypes, p) {
				t.Errorf("%s: schema property %q is not a field of %s", name, p, typ)
			}
		}
		if d["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is not false; editors would not flag unknown fields", name)
		}
	}
	check("(root)", doc, reflect.TypeFor[Collection]())
	for name, typ := range types {
		check(name, def(name), typ)
	}
	for name := range defs {
		if _, ok := types[name]; !ok {
			t.Errorf("schema definition %q matches no Go type", name)
		}
	}
}

// toJSONValue turns a YAML document into the value a JSON parser would give,
// keeping scalars as written (a date stays a string), for schema validation.
func toJSONValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		return toJSONValue(n.Content[0])
	case yaml.AliasNode:
		return toJSONValue(n.Alias)
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = toJSONValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, e := range n.Content {
			l = append(l, toJSONValue(e))
		}
		return l
	}
	switch n.ShortTag() {
	case "!!int", "!!float":
		return json.Number(n.Value)
	case "!!bool":
		return n.Value == "true"
	case "!!null":
		return nil
	}
	return n.Value
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(SchemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(SchemaURL)
	if err != nil {
		t.Fatalf("the schema does not compile: %v", err)
	}
	return sch
}

func schemaValidate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		t.Fatal(err)
	}
	return sch.Validate(toJSONValue(&n))
}

// TestSchemaAcceptsValidFiles checks every valid file we ship, and an
// imported CSV, against the schema, and that the schema refuses what
// Parse refuses in the ways an editor can see.
func TestSchemaAcceptsValidFiles(t *testing.T) {
	sch := compileSchema(t)
	if SchemaURL != schemaDoc(t)["$id"] {
		t.Errorf("SchemaURL %q is not the schema's $id %q", SchemaURL, schemaDoc(t)["$id"])
	}
	files := map[string][]byte{"survey.yaml": EmbeddedBytes()}
	for _, p := range []string{"../testdata/example.yaml", "../testdata/example.json", "../testdata/nurses.yaml", "../cli/starter.yaml"} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = b
	}
	raw, err := CSVCollection([]byte("chart,item,series,value,view,n\nA,x,s,10,V,4\nA,x,t,20,V,5\n"), "t.csv", CSVMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if files["imported.yaml"], err = EncodeYAML(raw, nil); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if err := schemaValidate(t, sch, b); err != nil {
			t.Errorf("%s does not validate against the schema: %v", name, err)
		}
	}
	ok := "title: T\nsources: [{id: s, label: S, publisher: P, title: T, kind: secondary}]\n"
	for _, bad := range []string{
		ok + "colour: red\n",
		"title: T\nsources: [{id: s, label: S, publisher: P, title: T, kind: tertiary}]\n",
		"title: T\nsources: [{id: s, label: S, publisher: P, title: T, kind: primary}]\n",
		ok + "views: [{id: a}]\n",
		ok + "charts: [{id: c, view: v, title: T, question: Q, source: s, series: [{id: a, label: A}], items: [{id: i, label: I, values: {a: '12'}}]}]\n",
		ok + "tour: [{view: v, takeaway: x, sort: biggest}]\n",
	} {
		if err := schemaValidate(t, sch, []byte(bad)); err == nil {
			t.Errorf("the schema accepts a file Parse refuses:\n%s", bad)
		} else if _, perr := Parse([]byte(bad), "bad.yaml"); perr == nil {
			t.Errorf("Parse accepts a file the schema refuses (%v):\n%s", strings.SplitN(err.Error(), "\n", 2)[0], bad)
		}
	}
}
