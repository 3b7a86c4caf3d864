package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"http://x\")": "'=HYPERLINK(\"http://x\")",
		"+cmd":                     "'+cmd",
		"-2+3":                     "'-2+3",
		"@SUM(A1)":                 "'@SUM(A1)",
		"\t=1":                     "'\t=1",
		"\r=1":                     "'\r=1",
		"-12.5":                    "-12.5",
		"Facebook":                 "Facebook",
		"":                         "",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCSVNeutralisesFormulas: a label that is a formula comes out of the
// CSV report neutralised, and as it is with RawCSV.
func TestCSVNeutralisesFormulas(t *testing.T) {
	src := `{"title": "T", "sources": [{"id": "s", "label": "@S", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "c", "view": "platforms", "title": "T", "question": "Q", "source": "s", "series": [{"id": "a", "label": "=1+1"}],
"items": [{"id": "i", "label": "=HYPERLINK(\"http://evil\",\"x\")", "values": {"a": 5}}]}]}`
	c, err := dataset.Parse([]byte(src), "f.json")
	if err != nil {
		t.Fatal(err)
	}
	st := explore.Start().GotoViewID(c, dataset.ViewPlatforms)
	for _, raw := range []bool{false, true} {
		var b bytes.Buffer
		if err := Write(&b, c, st, Options{Format: "csv", RawCSV: raw}); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		formulas := 0
		for _, row := range rows[1:] {
			for _, cell := range row {
				if strings.ContainsAny(cell[:min(1, len(cell))], "=+-@") {
					formulas++
				}
			}
		}
		if raw && formulas != 3 || !raw && formulas != 0 {
			t.Errorf("raw=%v: %d cells begin with a formula character:\n%v", raw, formulas, rows)
		}
	}
}

// TestMarkdownEscapesHTML: raw HTML in any label or text of the file comes
// out of the Markdown report as text.
func TestMarkdownEscapesHTML(t *testing.T) {
	src := `{"title": "<b>T</b>", "sources": [{"id": "s", "label": "<i>S</i>", "publisher": "P", "title": "<script>alert(1)</script>", "kind": "secondary"}],
"charts": [{"id": "c", "view": "platforms", "title": "<h1>x</h1>", "question": "Q <img src=x onerror=alert(1)>", "source": "s", "series": [{"id": "a", "label": "<u>A</u>"}],
"items": [{"id": "i", "label": "<a href=javascript:alert(1)>click</a>", "values": {"a": 5}}]}],
"findings": [{"id": "f", "view": "platforms", "label": "<iframe>", "source": "s", "value": 3, "wording": "<b>3</b>"}]}`
	c, err := dataset.Parse([]byte(src), "f.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, view := range []string{dataset.ViewPlatforms, dataset.ViewSources} {
		var b bytes.Buffer
		if err := Write(&b, c, explore.Start().GotoViewID(c, view), Options{Format: "markdown"}); err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(b.String(), "<>") {
			t.Errorf("%s: raw HTML in the Markdown:\n%s", view, b.String())
		}
		if !strings.Contains(b.String(), "&lt;a href=javascript:alert(1)&gt;click&lt;/a&gt;") && view == dataset.ViewPlatforms {
			t.Errorf("%s: the label is not shown escaped:\n%s", view, b.String())
		}
	}
}
