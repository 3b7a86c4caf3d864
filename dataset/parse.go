package dataset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"go.yaml.in/yaml/v3"
)

// Load reads, parses and validates a user's YAML, JSON or CSV data file
// (CSV by the .csv extension; see ParseFile). Any
// error is a *ValidationError listing every problem; a file that cannot be
// read, or is larger than MaxFileSize, is refused without parsing.
func Load(path string) (*Collection, error) {
	ps := &problems{file: path}
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(ps, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > MaxFileSize {
		ps.add(0, 0, "", fmt.Sprintf("file is %d bytes; the limit is %d bytes (10 MiB)", st.Size(), MaxFileSize))
		return nil, ps.err()
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, readError(ps, err)
	}
	return ParseFile(data, path)
}

// readError reports a file that could not be read, keeping the cause so
// errors.Is(err, fs.ErrNotExist) works.
func readError(ps *problems, err error) error {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	ps.add(0, 0, "", "cannot read file: "+sanitize(msg))
	ve := ps.err().(*ValidationError)
	ve.cause = err
	return ve
}

// Parse parses and validates a collection from YAML or JSON bytes; name is
// the file name used in problems. Any error is a *ValidationError listing
// every problem found. Parse never panics, whatever the input.
func Parse(data []byte, name string) (*Collection, error) {
	ps := &problems{file: name}
	if !checkBytes(data, ps) {
		return nil, ps.err()
	}
	doc := parseYAML(data, ps)
	if doc == nil {
		return nil, ps.err()
	}
	c := &Collection{}
	d := newDecoder(ps)
	whole := false
	if !d.safely(func() { whole = d.collection(doc, c) }) || !whole || d.stopped {
		return nil, ps.err()
	}
	d.safely(func() { validate(c, d) })
	if err := ps.err(); err != nil {
		return nil, err
	}
	finish(c)
	return c, nil
}

// finish fills in what a valid collection leaves to defaults: units, the
// overview of a file without findings, findings' figures, the view list.
func finish(c *Collection) {
	c.fillDefaults()
	leadingFindings(c)
	resolveFindings(c)
	c.derive()
}

// safely runs f, turning a panic into a problem: a bug in decoding must
// reject the file, never crash the program.
func (d *decoder) safely(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			d.ps.add(0, 0, "", "internal error while reading this file: "+sanitize(fmt.Sprint(r)))
			ok = false
		}
	}()
	f()
	return true
}

// fillDefaults sets the units left to their defaults.
func (c *Collection) fillDefaults() {
	for i := range c.Charts {
		if c.Charts[i].Unit == "" {
			c.Charts[i].Unit = UnitPercent
		}
	}
	for i := range c.Findings {
		if fd := &c.Findings[i]; fd.Unit == "" && fd.Ref == "" && fd.Value != nil {
			fd.Unit = UnitPercent
		}
	}
}

// resolveFindings fills findings that point at a chart figure with that
// figure's value, wording, source and variants, where they have none.
func resolveFindings(c *Collection) {
	type key struct{ chart, item string }
	charts := make(map[string]*Chart, len(c.Charts))
	items := map[key]*Item{}
	for i := range c.Charts {
		ch := &c.Charts[i]
		charts[ch.ID] = ch
		for j := range ch.Items {
			items[key{ch.ID, ch.Items[j].ID}] = &ch.Items[j]
		}
	}
	for i := range c.Findings {
		fd := &c.Findings[i]
		if fd.Ref == "" {
			continue
		}
		r, ok := ParseRef(fd.Ref)
		if !ok || r.Series == "" {
			continue
		}
		ch := charts[r.Chart]
		if ch == nil {
			continue
		}
		it := items[key{r.Chart, r.Item}]
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

// UnmarshalYAML lets a figure be written as a bare number when a Figure is
// decoded with yaml.v3 directly. Parse does not use it: it decodes with
// positions and validation of its own.
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
