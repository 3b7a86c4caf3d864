package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/docsurvey/docsurvey/dataset"
)

// CSV row kinds, in the "kind" column.
const (
	// KindChart is a chart figure: one row per item and shown series.
	KindChart = "chart"
	// KindFinding is a single finding; value is empty when it is worded only.
	KindFinding = "finding"
	// KindMeasure is one figure a source gives for a measure (sources view).
	KindMeasure = "measure"
	// KindSource is one source (sources view).
	KindSource = "source"
)

// CSVHeader returns the CSV columns, in order. The order is part of the
// format and only ever grows at the end.
func CSVHeader() []string {
	return []string{
		"view", "kind", "chart", "item", "label", "series", "series_label",
		"value", "unit", "qualifier", "wording", "measure", "source", "source_label", "document",
		"n", "n_derived", "ci_low", "ci_high",
	}
}

// formatNumber prints a value as plainly as possible: 15, 12.5, 1300.
func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func writeCSV(w io.Writer, d *doc, raw bool) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader()); err != nil {
		return err
	}
	src := func(id string) (label, document string) {
		if s := d.source(id); s != nil {
			return s.Label, s.Document
		}
		return "", ""
	}
	row := func(kind, chart, item, label, series, seriesLabel string, v *float64, unit, qualifier, wording, measure, source string, mg margin) error {
		num := ""
		if v != nil {
			num = formatNumber(*v)
		} else {
			unit = ""
		}
		sl, doc := src(source)
		return cw.Write(safeRow(append([]string{d.View, kind, chart, item, label, series, seriesLabel, num, unit, qualifier, wording, measure, source, sl, doc}, mg.csvCols()...), raw))
	}
	for _, ch := range d.Charts {
		for _, it := range ch.Items {
			for _, v := range it.Values {
				if err := row(KindChart, ch.ID, it.ID, it.Label, v.Series, ch.seriesLabel(v.Series), &v.Value, ch.Unit, v.Qualifier, v.Wording, v.Measure, v.Source, v.margin); err != nil {
					return err
				}
			}
		}
	}
	for _, f := range d.Findings {
		if err := row(KindFinding, "", f.ID, f.Label, "", "", f.Value, f.Unit, f.Qualifier, f.Wording, f.Measure, f.Source, f.margin); err != nil {
			return err
		}
	}
	for _, m := range d.Measures {
		for _, f := range m.Figures {
			chart, item, series := splitWhere(f.Where)
			if err := row(KindMeasure, chart, item, m.Label, series, "", f.Value, f.Unit, f.Qualifier, f.Wording, m.ID, f.Source, margin{}); err != nil {
				return err
			}
		}
	}
	if d.View == dataset.ViewSources {
		for _, s := range d.Sources {
			if err := row(KindSource, "", s.ID, s.Title, "", "", nil, "", "", "", "", s.ID, margin{}); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
