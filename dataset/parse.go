package dataset

import (
	"bytes"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// MaxFileSize is the largest data file Load and Parse accept.
const MaxFileSize = 10 << 20

// Load reads and parses a user's YAML or JSON data file.
func Load(path string) (*Collection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// Parse parses and validates a collection from YAML or JSON bytes; name is
// used in messages.
func Parse(data []byte, name string) (*Collection, error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("%s: file is %d bytes; the limit is %d", name, len(data), MaxFileSize)
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Collection
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	resolveFindings(&c)
	return &c, nil
}

// UnmarshalYAML lets a figure be written as a bare number.
func (f *Figure) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		return n.Decode(&f.Value)
	}
	type plain Figure
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*f = Figure(p)
	return nil
}

// resolveFindings fills findings that point at a chart figure with that
// figure's value, wording, source and variants, where they have none.
func resolveFindings(c *Collection) {
	for i := range c.Findings {
		fd := &c.Findings[i]
		if fd.Ref == "" {
			continue
		}
		r, ok := ParseRef(fd.Ref)
		if !ok || r.Series == "" {
			continue
		}
		ch, it := c.Resolve(r)
		if it == nil {
			continue
		}
		f, ok := it.Figure(r.Series)
		if !ok {
			continue
		}
		if fd.Value == nil {
			v := f.Value
			fd.Value = &v
		}
		if fd.Unit == "" {
			fd.Unit = ch.Unit
		}
		if fd.Qualifier == "" {
			fd.Qualifier = f.Qualifier
		}
		if fd.Wording == "" {
			fd.Wording = f.Wording
		}
		if fd.Source == "" {
			fd.Source = ch.SourceOf(f)
		}
		if fd.Base == "" {
			fd.Base = it.Base
			if fd.Base == "" {
				fd.Base = ch.Base
			}
		}
		if fd.Measure == "" {
			fd.Measure = f.Measure
		}
		if len(fd.Variants) == 0 {
			fd.Variants = f.Variants
		}
		if fd.Caveat == "" {
			fd.Caveat = f.Note
		}
	}
}
