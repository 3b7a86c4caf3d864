package dataset

// Reading a survey table exported from a spreadsheet.
//
// The reader is encoding/csv from the standard library: it handles RFC 4180
// quoting (a quoted field may hold the delimiter, a doubled quote and line
// breaks), reports syntax errors with their line and column, and FieldPos
// gives every field's position, which every problem carries; with
// ReuseRecord it reads a 10 MiB file without a slice per row. Nothing is
// hand-parsed but what encoding/csv leaves to the caller: the delimiter
// (, or ; — European spreadsheets write ;), the UTF-8 byte order mark,
// and the numbers ("12", "12.5", "12,5" after ;, "12 %").
//
// Two shapes are recognised from the header:
//
//   - long: columns chart, item, series and value in any order, optionally
//     view, n, question, source and kind; one row per figure, several
//     charts;
//   - wide: anything else; the first column is the item label and each
//     further column one series, making one chart named from the file; a
//     further column named kind is the items' kind, not a series.
//
// A kind cell marks an answer that is not an item (Item.Kind: none, total,
// dont-know, other); empty is an item like the others.

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// CSVMeta is what a CSV file cannot say about itself: the collection's
// title and the source of its figures. Empty fields take defaults made from
// the file's name, with the file itself as the source.
type CSVMeta struct {
	// Title names the collection (and the chart of a wide file).
	Title string
	// SourceLabel is a short citation for the figures, e.g. "RCN 2024".
	SourceLabel string
	// Date is the source's date: YYYY, YYYY-MM or YYYY-MM-DD.
	Date string
	// Sample is the number of respondents, 0 when not known.
	Sample int
}

// IsDate reports whether s is a date as a source's date field takes it:
// YYYY, YYYY-MM or YYYY-MM-DD.
func IsDate(s string) bool { return datePattern.MatchString(s) }

// Long-shape column names.
const (
	colChart    = "chart"
	colItem     = "item"
	colSeries   = "series"
	colValue    = "value"
	colView     = "view"
	colN        = "n"
	colQuestion = "question"
	colSource   = "source"
	colKind     = "kind"
)

// longColumns lists the long shape's columns, the required ones first.
var longColumns = [...]string{colChart, colItem, colSeries, colValue, colView, colN, colQuestion, colSource, colKind}

// ParseFile parses a data file by its name: CSV when the name ends in .csv
// (with default CSVMeta), else YAML or JSON (see Parse).
func ParseFile(data []byte, name string) (*Collection, error) {
	if IsCSV(name) {
		return ParseCSV(data, name, CSVMeta{})
	}
	return Parse(data, name)
}

// IsCSV reports whether a file name says CSV (.csv, any case).
func IsCSV(name string) bool { return strings.EqualFold(filepath.Ext(name), ".csv") }

// ParseCSV reads a survey table and returns it as a collection ready to
// explore. Any error is a *ValidationError listing every problem with its
// FILE:LINE:COL. ParseCSV never panics, whatever the input.
func ParseCSV(data []byte, name string, meta CSVMeta) (*Collection, error) {
	c, err := CSVCollection(data, name, meta)
	if err != nil {
		return nil, err
	}
	finish(c)
	return c, nil
}

// CSVCollection reads a survey table into a collection as a data file would
// hold it, before defaults are filled in: what 'docsurvey import' writes
// out. It is validated like a YAML file. Any error is a *ValidationError.
func CSVCollection(data []byte, name string, meta CSVMeta) (c *Collection, err error) {
	ps := &problems{file: name}
	defer func() {
		if r := recover(); r != nil {
			ps.add(0, 0, "", "internal error while reading this file: "+sanitize(fmt.Sprint(r)))
			c, err = nil, ps.err()
		}
	}()
	if !checkBytes(data, ps) || !checkMeta(meta, ps) {
		return nil, ps.err()
	}
	t := &csvTable{ps: ps, name: name, meta: meta, data: bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))}
	c = t.read()
	if c == nil || len(ps.list) > 0 {
		return nil, ps.err()
	}
	d := newDecoder(ps)
	d.at, d.built = t.at, true
	validate(c, d)
	if err := ps.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// checkMeta reports unsafe text in what the command line adds to a table.
func checkMeta(m CSVMeta, ps *problems) bool {
	for _, f := range []struct{ name, value string }{{"title", m.Title}, {"source label", m.SourceLabel}, {"date", m.Date}} {
		if msg := checkText(f.value); msg != "" {
			ps.add(0, 0, "", "the "+f.name+" given: "+msg)
			return false
		}
	}
	return true
}

// csvTable is the state of reading one CSV file.
type csvTable struct {
	ps   *problems
	name string
	meta CSVMeta
	data []byte
	r    *csv.Reader
	// semicolon is set when the delimiter is ';', where "12,5" is 12.5.
	semicolon bool
	// at maps collection paths to the CSV positions they came from, so the
	// validator's problems point into the file.
	at map[string]pos
	// lineStarts holds the byte offset of each line, built on the first
	// problem, to turn FieldPos's byte columns into character columns.
	lineStarts []int
}

// read parses the header, picks the shape and reads the rows.
func (t *csvTable) read() *Collection {
	t.at = map[string]pos{}
	t.r = csv.NewReader(bytes.NewReader(t.data))
	t.r.Comma = t.delimiter()
	t.semicolon = t.r.Comma == ';'
	t.r.FieldsPerRecord = -1
	t.r.ReuseRecord = true
	header, ok := t.next()
	if !ok {
		if len(t.ps.list) == 0 {
			t.ps.add(0, 0, "", "file is empty; expected a header row, then one row per item")
		}
		return nil
	}
	cols := make([]string, len(header))
	for i, h := range header {
		cols[i] = strings.TrimSpace(h)
	}
	if !t.checkHeader(cols) {
		return nil
	}
	if shape, missing := longShape(cols); shape {
		if len(missing) > 0 {
			line, _ := t.r.FieldPos(0)
			t.ps.add(line, 1, "", fmt.Sprintf("a long CSV needs the columns %s; missing %s (or, for a wide CSV, name the first column for the items and each further one for a series)",
				strings.Join(longColumns[:4], ", "), strings.Join(missing, ", ")))
			return nil
		}
		return t.long(cols)
	}
	return t.wide(cols)
}

// delimiter picks ',' or ';': whichever the header line holds more of,
// outside quotes; ',' on a tie.
func (t *csvTable) delimiter() rune {
	commas, semis, quoted := 0, 0, false
	for _, b := range t.data {
		switch {
		case b == '"':
			quoted = !quoted
		case quoted:
		case b == '\n':
			if semis > commas {
				return ';'
			}
			return ','
		case b == ',':
			commas++
		case b == ';':
			semis++
		}
	}
	if semis > commas {
		return ';'
	}
	return ','
}

// next returns the next row that is not blank; false at the end or on a
// syntax error, which it reports.
func (t *csvTable) next() ([]string, bool) {
	for {
		rec, err := t.r.Read()
		if errors.Is(err, io.EOF) {
			return nil, false
		}
		if err != nil {
			t.syntax(err)
			return nil, false
		}
		for _, f := range rec {
			if strings.TrimSpace(f) != "" {
				return rec, true
			}
		}
	}
}

// syntax reports a CSV syntax error (a stray quote) at its position.
func (t *csvTable) syntax(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		t.ps.add(pe.Line, t.charCol(pe.Line, pe.Column), "", "invalid CSV: "+sanitize(pe.Err.Error())+`; a field with a quote must be quoted whole, the quote doubled ("")`)
		return
	}
	t.ps.add(0, 0, "", "cannot read CSV: "+sanitize(err.Error()))
}

// pos returns the position of field i of the row last read, in characters.
func (t *csvTable) pos(i int) pos {
	line, col := t.r.FieldPos(i)
	return pos{line, t.charCol(line, col)}
}

// add reports a problem at field i of the row last read.
func (t *csvTable) add(i int, msg string) {
	p := t.pos(i)
	t.ps.add(p.line, p.col, "", msg)
}

// charCol turns a 1-based byte column of a line into a character column.
func (t *csvTable) charCol(line, col int) int {
	if t.lineStarts == nil {
		t.lineStarts = []int{0}
		for i, b := range t.data {
			if b == '\n' {
				t.lineStarts = append(t.lineStarts, i+1)
			}
		}
	}
	if line < 1 || line > len(t.lineStarts) || col < 1 {
		return col
	}
	start := t.lineStarts[line-1]
	end := min(start+col-1, len(t.data))
	return utf8.RuneCount(t.data[start:end]) + 1
}

// checkHeader reports empty, duplicate and unsafe column names.
func (t *csvTable) checkHeader(cols []string) bool {
	ok := true
	seen := map[string]int{}
	for i, h := range cols {
		key := strings.ToLower(h)
		switch {
		case h == "":
			t.add(i, fmt.Sprintf("column %d has no name in the header; every column needs one", i+1))
			ok = false
		case checkText(h) != "":
			t.add(i, "column name: "+checkText(h))
			ok = false
		case seen[key] > 0:
			t.add(i, fmt.Sprintf("column %s is named twice in the header (first as column %d)", quote(h), seen[key]))
			ok = false
		default:
			seen[key] = i + 1
		}
	}
	if len(cols) < 2 && ok {
		t.add(0, "the header has one column; expected the item label and one column per series (or chart, item, series, value). Is the delimiter , or ;?")
		ok = false
	}
	return ok
}

// longShape reports whether a header is the long shape (it has "value" and
// "chart" or "series") and which required columns it lacks.
func longShape(cols []string) (bool, []string) {
	has := map[string]bool{}
	for _, c := range cols {
		has[strings.ToLower(c)] = true
	}
	if !has[colValue] || !has[colChart] && !has[colSeries] {
		return false, nil
	}
	var missing []string
	for _, c := range longColumns[:4] {
		if !has[c] {
			missing = append(missing, c)
		}
	}
	return true, missing
}

// cell returns field i of a row, trimmed, and reports unsafe text.
func (t *csvTable) cell(rec []string, i int) (string, bool) {
	if i >= len(rec) {
		return "", true
	}
	s := strings.TrimSpace(rec[i])
	if msg := checkText(s); msg != "" {
		t.add(i, msg)
		return "", false
	}
	return s, true
}

// percent parses a share from 0 to 100: "12", "12.5", "12 %", and "12,5"
// in a file delimited by ';'.
func (t *csvTable) percent(s string) (float64, string) {
	num := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	if num == "" {
		return 0, "no value; expected a percentage from 0 to 100"
	}
	if strings.Count(num, ",") == 1 && !strings.Contains(num, ".") {
		num = strings.Replace(num, ",", ".", 1)
	}
	x, err := strconv.ParseFloat(num, 64)
	switch {
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0) || strings.ContainsAny(num, "xXpPnN_"):
		return 0, fmt.Sprintf("value %s is not a number; expected a percentage from 0 to 100, as 12, 12.5 or 12%%", quote(s))
	case x < 0 || x > 100:
		return 0, fmt.Sprintf("value %s is out of range; expected a percentage from 0 to 100", quote(s))
	}
	return x, ""
}

// ragged reports a row with another number of fields than the header.
func (t *csvTable) ragged(rec []string, want int) bool {
	if len(rec) == want {
		return false
	}
	i := len(rec) - 1 // the last field of a short row
	if len(rec) > want {
		i = want // the first field past the header's
	}
	t.add(max(i, 0), fmt.Sprintf("row has %d fields; the header has %d", len(rec), want))
	return true
}
