package dataset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Limits on what one file may make the decoder do.
const (
	// MaxNodes is how many YAML nodes decoding may visit, counting a node
	// once more for every alias that refers to it. It bounds "billion laughs"
	// files, whose aliases expand to far more than the file holds.
	MaxNodes = 100_000
	// MaxDepth is how deeply values may nest.
	MaxDepth = 32
	// MaxItemsPerChart is how many items one chart may have. A terminal
	// shows a few dozen at a time; the explorer draws only those, but a
	// chart longer than this is no longer something to explore.
	MaxItemsPerChart = 2_000
	// MaxChartsPerFile is how many charts one file may have.
	MaxChartsPerFile = 200
)

// pos is a 1-based line and column in the file.
type pos struct{ line, col int }

// decoder turns a yaml.Node tree into the Go types, recording where every
// field was found so that validation can point at it.
type decoder struct {
	ps *problems
	// at maps a field path to the position of its value.
	at map[string]pos
	// bad holds paths whose value was present but could not be decoded;
	// validation leaves them alone, the decoder has reported them.
	bad map[string]bool
	// checked holds string nodes already checked for unsafe characters, so
	// a string reached again through an alias costs nothing.
	checked map[*yaml.Node]bool
	visits  int
	// stopped is set when the node budget ran out.
	stopped bool
	// built is set when there is no YAML: the collection was built from a
	// CSV table, and at holds only the rows' positions.
	built bool
}

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML parses data into a document node, reporting parser errors (and
// parser panics) as problems. It returns nil if the file cannot be parsed.
func parseYAML(data []byte, ps *problems) (root *yaml.Node) {
	defer func() {
		if r := recover(); r != nil {
			ps.add(0, 0, "", "the YAML parser failed on this file: "+sanitize(fmt.Sprint(r)))
			root = nil
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			ps.add(0, 0, "", "file is empty; expected a mapping with title, sources, charts, findings")
			return nil
		}
		addYAMLError(err, ps)
		return nil
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		ps.add(next.Line, next.Column, "", "file holds more than one YAML document; expected exactly one")
		return nil
	case !errors.Is(err, io.EOF):
		addYAMLError(err, ps)
		return nil
	}
	return &doc
}

// addYAMLError turns a yaml.v3 error into a problem with its line.
func addYAMLError(err error, ps *problems) {
	msg := sanitize(err.Error())
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		ps.add(line, 0, "", "invalid YAML: "+m[2])
		return
	}
	ps.add(0, 0, "", "invalid YAML: "+strings.TrimPrefix(msg, "yaml: "))
}

// sanitize makes text from a parser safe to print: control and other
// unsafe characters are escaped.
func sanitize(s string) string {
	if checkText(s) == "" {
		return s
	}
	q := strconv.QuoteToASCII(s)
	return q[1 : len(q)-1]
}

// quote shows a user's value in a message: quoted, escaped and shortened.
func quote(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}

func newDecoder(ps *problems) *decoder {
	return &decoder{ps: ps, at: map[string]pos{}, bad: map[string]bool{}, checked: map[*yaml.Node]bool{}}
}

// collection decodes the document node into c. It reports false when the
// top level is not a mapping, leaving nothing worth validating.
func (d *decoder) collection(doc *yaml.Node, c *Collection) bool {
	root := doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			d.ps.add(0, 0, "", "file is empty; expected a mapping with title, sources, charts, findings")
			return false
		}
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode {
		d.ps.add(root.Line, root.Column, "", "expected a mapping with title, sources, charts, findings at the top level, got "+describe(root))
		return false
	}
	d.value(root, "", reflect.ValueOf(c).Elem(), 0)
	return true
}

func (d *decoder) fail(n *yaml.Node, path, msg string) {
	d.bad[path] = true
	d.ps.add(n.Line, n.Column, path, msg)
}

// value decodes n into v, the field at path.
func (d *decoder) value(n *yaml.Node, path string, v reflect.Value, depth int) {
	if d.stopped {
		return
	}
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		d.visits++
		if n.Alias == nil || hops > 8 {
			d.fail(n, path, "alias refers to nothing")
			return
		}
		n = n.Alias
	}
	d.visits++
	if d.visits > MaxNodes {
		d.stopped = true
		d.ps.add(n.Line, n.Column, path, fmt.Sprintf("file holds more than %d values, counting each use of an alias; refusing it", MaxNodes))
		return
	}
	if depth > MaxDepth {
		d.fail(n, path, fmt.Sprintf("nested more than %d levels deep", MaxDepth))
		return
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return // a null is an absent value
	}
	d.at[path] = pos{n.Line, n.Column}

	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(Figure{}) && n.Kind == yaml.ScalarNode {
			d.at[join(path, "value")] = pos{n.Line, n.Column}
			d.number(n, join(path, "value"), v.FieldByName("Value"))
			return
		}
		d.mapping(n, path, v, depth)
	case reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.fail(n, path, "expected a list, got "+describe(n))
			return
		}
		v.Set(reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content)))
		for i, e := range n.Content {
			d.value(e, fmt.Sprintf("%s[%d]", path, i), v.Index(i), depth+1)
		}
	case reflect.Map:
		d.figureMap(n, path, v, depth)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(n, path, p.Elem(), depth)
		if _, present := d.at[path]; present && !d.bad[path] {
			v.Set(p)
		}
	case reflect.String:
		d.text(n, path, v)
	case reflect.Float64:
		d.number(n, path, v)
	case reflect.Int:
		d.integer(n, path, v)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
			d.fail(n, path, "expected true or false, got "+describe(n))
			return
		}
		var b bool
		if err := n.Decode(&b); err != nil {
			d.fail(n, path, "expected true or false, got "+describe(n))
			return
		}
		v.SetBool(b)
	default:
		panic("dataset: no decoder for " + v.Type().String())
	}
}

// mapping decodes a mapping node into a struct, by the fields' yaml tags.
func (d *decoder) mapping(n *yaml.Node, path string, v reflect.Value, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected a mapping (field: value), got "+describe(n))
		return
	}
	fields := fieldsOf(v.Type())
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, path)
		if !ok {
			continue
		}
		idx, known := fields.index[name]
		if !known {
			d.ps.add(k.Line, k.Column, path, fmt.Sprintf("unknown field %s; expected one of: %s", quote(name), strings.Join(fields.names, ", ")))
			d.bad[join(path, name)] = true
			continue
		}
		if line, dup := seen[name]; dup {
			d.ps.add(k.Line, k.Column, join(path, name), fmt.Sprintf("field given twice (first at line %d)", line))
			continue
		}
		seen[name] = k.Line
		d.value(val, join(path, name), v.Field(idx), depth+1)
	}
}

// figureMap decodes a mapping of series IDs to figures.
func (d *decoder) figureMap(n *yaml.Node, path string, v reflect.Value, depth int) {
	if n.Kind != yaml.MappingNode {
		d.fail(n, path, "expected a mapping of series ID to figure, got "+describe(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		name, ok := d.key(k, path)
		if !ok {
			continue
		}
		if line, dup := seen[name]; dup {
			d.ps.add(k.Line, k.Column, join(path, name), fmt.Sprintf("series given twice (first at line %d)", line))
			continue
		}
		seen[name] = k.Line
		e := reflect.New(v.Type().Elem()).Elem()
		d.value(val, join(path, name), e, depth+1)
		if _, present := d.at[join(path, name)]; present {
			m.SetMapIndex(reflect.ValueOf(name), e)
		}
	}
	v.Set(m)
}

// key reads a mapping key, which must be a plain string.
func (d *decoder) key(k *yaml.Node, path string) (string, bool) {
	if k.Kind != yaml.ScalarNode {
		d.ps.add(k.Line, k.Column, path, "expected a field name, got "+describe(k))
		return "", false
	}
	if k.ShortTag() == "!!merge" {
		d.ps.add(k.Line, k.Column, path, "merge keys (<<) are not supported; write the fields out")
		return "", false
	}
	if msg := checkText(k.Value); msg != "" {
		d.ps.add(k.Line, k.Column, path, "field name: "+msg)
		return "", false
	}
	if k.Value == "" {
		d.ps.add(k.Line, k.Column, path, "empty field name")
		return "", false
	}
	return k.Value, true
}

// text decodes a string. Scalars YAML reads as dates or numbers are taken
// as written, so "date: 2011" and "date: 2018-01-12" work.
func (d *decoder) text(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.ScalarNode {
		d.fail(n, path, "expected a string, got "+describe(n))
		return
	}
	switch n.ShortTag() {
	case "!!str", "!!timestamp", "!!int", "!!float":
	default:
		d.fail(n, path, "expected a string, got "+describe(n))
		return
	}
	if !d.checked[n] {
		if msg := checkText(n.Value); msg != "" {
			d.fail(n, path, msg)
			return
		}
		d.checked[n] = true
	}
	v.SetString(n.Value)
}

// number decodes a float. NaN and infinities decode; validation refuses
// them with a clearer message.
func (d *decoder) number(n *yaml.Node, path string, v reflect.Value) {
	tag := ""
	if n.Kind == yaml.ScalarNode {
		tag = n.ShortTag()
	}
	if tag != "!!int" && tag != "!!float" {
		if outOfRange(n) {
			d.fail(n, path, "number "+sanitize(n.Value)+" is out of range: expected a finite number, within ±1.8e308")
			return
		}
		d.fail(n, path, "expected a number, got "+describe(n))
		return
	}
	var f float64
	if err := n.Decode(&f); err != nil {
		d.fail(n, path, "expected a number, got "+describe(n))
		return
	}
	v.SetFloat(f)
}

// integer decodes a whole number that fits an int.
func (d *decoder) integer(n *yaml.Node, path string, v reflect.Value) {
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" {
		d.fail(n, path, "expected a whole number, got "+describe(n))
		return
	}
	var i int64
	if err := n.Decode(&i); err != nil || i > math.MaxInt32 || i < math.MinInt32 {
		d.fail(n, path, "expected a whole number within ±2147483647, got "+describe(n))
		return
	}
	v.SetInt(i)
}

// describe names what a node is, for "expected X, got Y" messages.
// outOfRange reports whether n is an unquoted number too large for a
// float64, such as 1e999, which YAML resolves to a string.
func outOfRange(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode || n.Style != 0 {
		return false
	}
	_, err := strconv.ParseFloat(n.Value, 64)
	return errors.Is(err, strconv.ErrRange)
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	case yaml.DocumentNode:
		return "a document"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "boolean " + n.Value
	case "!!int", "!!float":
		return "number " + sanitize(n.Value)
	case "!!str", "!!timestamp":
		if outOfRange(n) {
			return "number " + sanitize(n.Value) + ", out of range"
		}
		return "string " + quote(n.Value)
	}
	return "a value tagged " + quote(n.Tag)
}

func join(path, field string) string {
	if path == "" {
		return field
	}
	return path + "." + field
}

// structFields lists a struct's yaml field names.
type structFields struct {
	index map[string]int
	names []string
}

func fieldsOf(t reflect.Type) structFields {
	sf := structFields{index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		sf.index[name] = i
		sf.names = append(sf.names, name)
	}
	return sf
}
