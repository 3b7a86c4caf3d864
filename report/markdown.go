package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// footnotes numbers sources in the order they are first cited.
type footnotes struct {
	order []string
	num   map[string]int
}

// mark returns the footnote marker for a source, e.g. "[^2]".
func (f *footnotes) mark(id string) string {
	if f.num == nil {
		f.num = map[string]int{}
	}
	n, ok := f.num[id]
	if !ok {
		f.order = append(f.order, id)
		n = len(f.order)
		f.num[id] = n
	}
	return fmt.Sprintf("[^%d]", n)
}

// cell makes text safe inside a markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	return strings.ReplaceAll(s, "|", `\|`)
}

// quote puts a document's words in typographic quotes.
func quote(s string) string { return "“" + strings.TrimSpace(s) + "”" }

func writeMarkdown(w io.Writer, d *doc) error {
	escapeHTMLIn(d)
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "# %s\n", d.Title)
	var fn footnotes
	for _, ch := range d.Charts {
		markdownChart(b, d, &ch, &fn)
	}
	if len(d.Findings) > 0 {
		fmt.Fprintf(b, "\n## Findings\n\n")
		for _, f := range d.Findings {
			fig := explore.FindingFigure(f.Label, f.Value, f.Unit, f.Qualifier)
			line := "- **" + f.Label + "**"
			if fig != "" {
				line += ": " + fig
			}
			if f.Value != nil && f.Unit != dataset.UnitCount {
				line += " " + f.plusMinus(*f.Value, f.Unit, true)
			}
			if f.Wording != "" {
				line += " — " + quote(f.Wording)
			}
			fmt.Fprintf(b, "%s%s\n", line, fn.mark(f.Source))
			if f.Base != "" {
				fmt.Fprintf(b, "  - Base: %s\n", f.Base)
			}
			if f.Caveat != "" {
				fmt.Fprintf(b, "  - Caveat: %s\n", f.Caveat)
			}
		}
	}
	if d.View == dataset.ViewSources {
		markdownSources(b, d)
	}
	if len(fn.order) > 0 {
		b.WriteString("\n")
		for i, id := range fn.order {
			line := id
			if s := d.source(id); s != nil {
				line = sourceLine(s)
			}
			fmt.Fprintf(b, "[^%d]: %s\n", i+1, line)
		}
	}
	return b.Flush()
}

func markdownChart(b *bufio.Writer, d *doc, ch *chart, fn *footnotes) {
	fmt.Fprintf(b, "\n## %s\n\n%s\n", ch.Title, ch.Question)
	if ch.Base != "" {
		fmt.Fprintf(b, "\nBase: %s.\n", strings.TrimSuffix(ch.Base, "."))
	}
	chartMark := fn.mark(ch.Source)
	pm := ch.Unit != dataset.UnitCount // a ± column after each series
	b.WriteString("\n| Item |")
	for _, s := range ch.Series {
		fmt.Fprintf(b, " %s |", cell(s.Label))
		if pm {
			b.WriteString(" ± |")
		}
	}
	if ch.Difference != "" {
		fmt.Fprintf(b, " %s |", cell(ch.Difference))
	}
	b.WriteString("\n|---|")
	for range ch.Series {
		b.WriteString("--:|")
		if pm {
			b.WriteString("--:|")
		}
	}
	if ch.Difference != "" {
		b.WriteString("--:|")
	}
	b.WriteString("\n")
	for _, it := range ch.Items {
		label := cell(it.Label)
		if it.Base != "" {
			label += " (" + cell(strings.ToLower(it.Base[:1])+it.Base[1:]) + ")"
		}
		if it.Pinned {
			label += " (pinned)"
		}
		fmt.Fprintf(b, "| %s |", label)
		for _, s := range ch.Series {
			txt, moe := "", ""
			for _, v := range it.Values {
				if v.Series != s.ID {
					continue
				}
				txt = cell(explore.FormatFigure(&v.Value, ch.Unit, v.Qualifier))
				if v.Source != ch.Source {
					txt += fn.mark(v.Source)
				}
				moe = cell(v.plusMinus(v.Value, ch.Unit, false))
			}
			fmt.Fprintf(b, " %s |", txt)
			if pm {
				fmt.Fprintf(b, " %s |", moe)
			}
		}
		if ch.Difference != "" {
			fmt.Fprintf(b, " %s |", cell(it.Difference))
		}
		b.WriteString("\n")
	}
	if ch.Note != "" {
		fmt.Fprintf(b, "\n%s\n", ch.Note)
	}
	label := ch.Source
	if s := d.source(ch.Source); s != nil {
		label = s.Label
	}
	fmt.Fprintf(b, "\nSource: %s%s\n", label, chartMark)
}

func markdownSources(b *bufio.Writer, d *doc) {
	b.WriteString("\n## Documents\n\n| ID | Source | Title | Date | n | Kind | Document or citation |\n|---|---|---|---|--:|---|---|\n")
	for _, s := range d.Sources {
		n := ""
		if s.Sample > 0 {
			n = explore.FormatNumber(float64(s.Sample))
		}
		where := s.Document
		if where == "" {
			where = s.Citation
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n",
			cell(s.ID), cell(s.Label+", "+s.Publisher), cell(s.Title), cell(s.Date), n, cell(s.Kind), cell(where))
	}
	if len(d.Measures) == 0 {
		return
	}
	b.WriteString("\n## Figures side by side\n")
	for _, m := range d.Measures {
		fmt.Fprintf(b, "\n### %s\n\n", m.Label)
		if len(m.Figures) > 0 {
			b.WriteString("| Figure | Wording | Source | Where |\n|--:|---|---|---|\n")
			for _, f := range m.Figures {
				label := f.Source
				if s := d.source(f.Source); s != nil {
					label = s.Label
				}
				wording := ""
				if f.Wording != "" {
					wording = quote(f.Wording)
				}
				fmt.Fprintf(b, "| %s | %s | %s | %s |\n",
					cell(explore.FormatFigure(f.Value, f.Unit, f.Qualifier)), cell(wording), cell(label), cell(f.Where))
			}
		}
		if m.Note != "" {
			fmt.Fprintf(b, "\n%s\n", m.Note)
		}
	}
	b.WriteString("\n## Notes\n\n")
	for _, s := range d.Sources {
		if s.Note != "" {
			fmt.Fprintf(b, "- **%s**: %s\n", s.Label, s.Note)
		}
	}
}
