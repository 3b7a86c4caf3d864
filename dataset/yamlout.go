package dataset

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// SchemaURL is where editors find the JSON Schema of data files
// (docs/docsurvey.schema.json in the repository).
const SchemaURL = "https://raw.githubusercontent.com/docsurvey/docsurvey/main/docs/docsurvey.schema.json"

// SchemaLine is the comment that points YAML editors (yaml-language-server:
// VS Code, Neovim, Helix, …) at the schema, for completion and checks.
const SchemaLine = "# yaml-language-server: $schema=" + SchemaURL

// MarshalYAML lets a figure with nothing but a value be written as a bare
// number, as people write it.
func (f Figure) MarshalYAML() (any, error) {
	if f.Qualifier == "" && f.Wording == "" && f.Source == "" && f.Measure == "" && len(f.Variants) == 0 && f.Note == "" {
		return f.Value, nil
	}
	type plain Figure
	return plain(f), nil
}

// EncodeYAML writes a collection as a data file: the header comment (each
// line given, "#" added where missing), then the fields in the schema's
// order, with views, series and items one to a line.
func EncodeYAML(c *Collection, header []string) ([]byte, error) {
	var doc yaml.Node
	if err := doc.Encode(c); err != nil {
		return nil, err
	}
	compact(&doc, "")
	var b bytes.Buffer
	for _, l := range header {
		switch {
		case l == "":
			l = "#"
		case l[0] != '#':
			l = "# " + l
		}
		b.WriteString(l + "\n")
	}
	if len(header) > 0 {
		b.WriteString("\n")
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// compact sets the flow style on the entries of the lists that read best
// one to a line: views, series, items.
func compact(n *yaml.Node, key string) {
	if n.Kind == yaml.SequenceNode && (key == "views" || key == "series" || key == "items") {
		for _, e := range n.Content {
			e.Style = yaml.FlowStyle
		}
		return
	}
	for i, e := range n.Content {
		k := ""
		if n.Kind == yaml.MappingNode && i%2 == 1 {
			k = n.Content[i-1].Value
		}
		compact(e, k)
	}
}
