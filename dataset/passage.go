package dataset

// Finding, in a shipped source document, the passage that states a figure.
//
// The documents in sources/ are embedded at build time, so opening a
// figure's source reads no file. A figure with a wording (the document's
// own words) is found by that wording, white space matched loosely (the
// captures hold double spaces and line breaks where the wording may not);
// a chart figure without one, read off a table, is found by its table row:
// the line that starts with the item's label (or its short label) and
// holds the number with its % ("Facebook15%61%", "Total87%67%"). The passage is the block of lines (up to a blank
// line) that holds it, with the span of the words to highlight.

import (
	"embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

//go:embed sources/*.txt
var sourceFiles embed.FS

// maxPassage is the longest block returned whole, in bytes; a longer one
// is cut to the lines that hold the match.
const maxPassage = 1200

// Passage is the part of a source document that states a figure.
type Passage struct {
	// Source is the cited source's ID and Document its file in sources/.
	Source, Document string
	// Text is the block of the document that holds the figure, as the
	// document has it.
	Text string
	// Start and End are the byte span in Text of the words that state the
	// figure: its wording, or its table row.
	Start, End int
	// Quoted is true when the span is the figure's wording, false when it
	// is the table row the figure was read off.
	Quoted bool
}

// Errors of a passage lookup; each wraps a message that names the source.
var (
	// ErrNoDocument: the source has no document shipped with docsurvey (a
	// secondary source, or a user's own survey).
	ErrNoDocument = errors.New("no source document shipped")
	// ErrNotInDocument: the document does not hold the figure's wording or
	// table row.
	ErrNotInDocument = errors.New("not found in its source document")
)

// ShippedDocument returns the text of a source document shipped with
// docsurvey (a file name in dataset/sources), and false when there is none.
func ShippedDocument(name string) (string, bool) {
	if name == "" || strings.ContainsAny(name, "/\\") {
		return "", false
	}
	b, err := sourceFiles.ReadFile("sources/" + name)
	if err != nil {
		return "", false
	}
	return string(b), true
}

// FigurePassage returns the passage of its source's document that states
// the chart figure r names: by its wording, else by its table row. The
// error wraps ErrNoDocument or ErrNotInDocument, or says the figure is
// unknown.
func (c *Collection) FigurePassage(r Ref) (Passage, error) {
	ch, it := c.Resolve(r)
	if it == nil {
		return Passage{}, fmt.Errorf("no figure %s", r)
	}
	f, ok := it.Figure(r.Series)
	if !ok {
		return Passage{}, fmt.Errorf("no figure %s", r)
	}
	src := ch.SourceOf(f)
	if f.Wording != "" {
		return c.QuotePassage(src, f.Wording)
	}
	doc, s, err := c.document(src)
	if err != nil {
		return Passage{}, err
	}
	start, end, ok := tableRow(doc, it.Label, f.Value)
	if !ok && it.Short != "" {
		start, end, ok = tableRow(doc, it.Short, f.Value)
	}
	if !ok {
		return Passage{}, fmt.Errorf("%s, %s %s%%: %w (%s)", it.Label, ch.Series[ch.SeriesIndex(r.Series)].Label, formatNumber(f.Value), ErrNotInDocument, s.Document)
	}
	return passage(src, s.Document, doc, start, end, false), nil
}

// FindingPassage returns the passage that states a finding: its chart
// figure's for a finding with a ref, else by its wording.
func (c *Collection) FindingPassage(id string) (Passage, error) {
	for i := range c.Findings {
		fd := &c.Findings[i]
		if fd.ID != id {
			continue
		}
		if r, ok := ParseRef(fd.Ref); ok {
			return c.FigurePassage(r)
		}
		if fd.Wording == "" {
			return Passage{}, fmt.Errorf("finding %s quotes no wording: %w", id, ErrNotInDocument)
		}
		return c.QuotePassage(fd.Source, fd.Wording)
	}
	return Passage{}, fmt.Errorf("no finding %s", id)
}

// QuotePassage returns the passage of a source's document that holds a
// wording (a figure's, a variant's, a finding's), white space matched
// loosely.
func (c *Collection) QuotePassage(source, wording string) (Passage, error) {
	doc, s, err := c.document(source)
	if err != nil {
		return Passage{}, err
	}
	loc := wordingPattern(wording).FindStringIndex(doc)
	if loc == nil {
		return Passage{}, fmt.Errorf("%q: %w (%s)", wording, ErrNotInDocument, s.Document)
	}
	return passage(source, s.Document, doc, loc[0], loc[1], true), nil
}

// document returns a source's shipped document, or an error wrapping
// ErrNoDocument that says why there is none.
func (c *Collection) document(source string) (string, *Source, error) {
	s := c.Source(source)
	switch {
	case s == nil:
		return "", nil, fmt.Errorf("unknown source %s: %w", source, ErrNoDocument)
	case s.Document == "" && s.Kind == KindSecondary:
		return "", s, fmt.Errorf("%s is seen in secondary coverage only: %w", s.Label, ErrNoDocument)
	case s.Document == "":
		return "", s, fmt.Errorf("%s names no document: %w", s.Label, ErrNoDocument)
	}
	doc, ok := ShippedDocument(s.Document)
	if !ok {
		return "", s, fmt.Errorf("%s cites %s, which is not shipped with docsurvey: %w", s.Label, s.Document, ErrNoDocument)
	}
	return doc, s, nil
}

// wordingPattern matches a wording with any run of white space (and
// no-break spaces) where the wording has one. Compiled per lookup: a key
// press opens one passage, and the documents are a few kilobytes.
func wordingPattern(wording string) *regexp.Regexp {
	words := strings.Fields(strings.ReplaceAll(wording, "\u00a0", " "))
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	return regexp.MustCompile(strings.Join(words, `[\s\x{00a0}]+`))
}

// tableRow finds the line that starts with label and holds value with a %
// sign, and returns its span.
func tableRow(doc, label string, value float64) (start, end int, ok bool) {
	num := formatNumber(value) + "%"
	at := 0
	for _, line := range strings.SplitAfter(doc, "\n") {
		text := strings.TrimRight(line, "\r\n")
		if rest, found := strings.CutPrefix(strings.TrimSpace(text), label); found && strings.Contains(rest, num) {
			lead := len(text) - len(strings.TrimLeft(text, " \t"))
			return at + lead, at + len(strings.TrimRight(text, " \t")), true
		}
		at += len(line)
	}
	return 0, 0, false
}

// passage cuts the block of lines around doc[start:end] (up to blank lines,
// or just the match's lines when the block is long).
func passage(source, document, doc string, start, end int, quoted bool) Passage {
	lo := strings.LastIndex(doc[:start], "\n\n") + 2
	if lo < 2 {
		lo = 0
	}
	hi := strings.Index(doc[end:], "\n\n")
	if hi < 0 {
		hi = len(doc)
	} else {
		hi += end
	}
	if hi-lo > maxPassage {
		lo = strings.LastIndex(doc[:start], "\n") + 1
		if n := strings.Index(doc[end:], "\n"); n >= 0 {
			hi = end + n
		} else {
			hi = len(doc)
		}
	}
	text := strings.TrimRight(doc[lo:hi], "\n")
	return Passage{Source: source, Document: document, Text: text, Start: start - lo, End: min(end-lo, len(text)), Quoted: quoted}
}
