package dataset

import (
	"errors"
	"strings"
	"testing"
)

// TestEveryQuoteHasItsPassage opens the passage of every shipped figure,
// variant, finding and sample wording that quotes a primary source, and
// checks that the highlighted span is that wording; every chart figure of
// a primary source without a wording is found by its table row.
func TestEveryQuoteHasItsPassage(t *testing.T) {
	c := shipped(t)
	quotes, rows := 0, 0
	check := func(where, source, wording string) {
		s := c.Source(source)
		if wording == "" || s == nil || s.Kind != KindPrimary {
			return
		}
		quotes++
		p, err := c.QuotePassage(source, wording)
		if err != nil {
			t.Errorf("%s: %v", where, err)
			return
		}
		if got := normalise(p.Text[p.Start:p.End]); got != normalise(wording) || !p.Quoted || p.Document != s.Document {
			t.Errorf("%s: span %q in %s, want %q", where, got, p.Document, wording)
		}
	}
	for _, s := range c.Sources {
		check("sources/"+s.ID, s.ID, s.SampleWording)
	}
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			for _, se := range ch.Series {
				f := it.Values[se.ID]
				r := Ref{ch.ID, it.ID, se.ID}
				check(r.String(), ch.SourceOf(f), f.Wording)
				for _, v := range f.Variants {
					check(r.String()+" variant", v.Source, v.Wording)
				}
				if s := c.Source(ch.SourceOf(f)); f.Wording == "" && s.Kind == KindPrimary {
					rows++
					p, err := c.FigurePassage(r)
					if err != nil {
						t.Errorf("%s: %v", r, err)
						continue
					}
					if row := p.Text[p.Start:p.End]; p.Quoted || !strings.HasPrefix(row, it.Label) && !strings.HasPrefix(row, it.Short) || !strings.Contains(row, formatNumber(f.Value)+"%") {
						t.Errorf("%s: table row %q", r, row)
					}
				}
			}
		}
	}
	for _, fd := range c.Findings {
		check("findings/"+fd.ID, fd.Source, fd.Wording)
		for _, v := range fd.Variants {
			check("findings/"+fd.ID+" variant", v.Source, v.Wording)
		}
	}
	if quotes < 50 || rows < 20 {
		t.Errorf("only %d quotes and %d table rows checked; the dataset looks truncated", quotes, rows)
	}
	t.Logf("%d quotes, %d table rows", quotes, rows)
}

func TestFigurePassage(t *testing.T) {
	c := shipped(t)
	tests := []struct {
		ref, span, text string
		quoted          bool
		err             error
	}{
		{"platforms/facebook/personal", "Facebook15%61%", "SiteProfessional usePersonal use\nFacebook15%61%", false, nil},
		{"benefits/learn/interested", "Learn from experts and peers (92%)", "", true, nil},
		{"connected/connected-clinicians/share", "20% of clinicians use 2 or more social media sites for personal and professional use. These so-called “Connected Clinicians” are very eager to use social media to improve health care.", "• 20% of clinicians", true, nil},
		{"barriers/liability/concerned", "", "", false, ErrNoDocument}, // secondary: Healthcare Informatics
		{"platforms/myspace/personal", "", "", false, nil},
	}
	for _, tt := range tests {
		r, _ := ParseRef(tt.ref)
		p, err := c.FigurePassage(r)
		switch {
		case tt.err != nil:
			if !errors.Is(err, tt.err) {
				t.Errorf("%s: err %v, want %v", tt.ref, err, tt.err)
			}
		case tt.span == "":
			if err == nil {
				t.Errorf("%s: no error for an unknown figure", tt.ref)
			}
		case err != nil:
			t.Errorf("%s: %v", tt.ref, err)
		default:
			if p.Text[p.Start:p.End] != tt.span || p.Quoted != tt.quoted || !strings.Contains(p.Text, tt.text) {
				t.Errorf("%s: span %q quoted %v in\n%s", tt.ref, p.Text[p.Start:p.End], p.Quoted, p.Text)
			}
		}
	}
	if _, err := c.FigurePassage(Ref{"barriers", "liability", "concerned"}); err == nil || !strings.Contains(err.Error(), "Healthcare Informatics 2011 is seen in secondary coverage only: no source document shipped") {
		t.Errorf("secondary source: %v", err)
	}
	// A finding with a ref opens its chart figure's passage: a table row.
	p, err := c.FindingPassage("personal-use")
	if err != nil || p.Quoted || p.Text[p.Start:p.End] != "Total87%67%" {
		t.Fatalf("finding personal-use: %+v %v", p, err)
	}
	// A worded finding: its words, white space matched loosely.
	p, err = c.FindingPassage("kantar-important-source")
	if err != nil || !p.Quoted || !strings.HasPrefix(p.Text[p.Start:p.End], "Overall, 18% of the physicians") {
		t.Fatalf("finding kantar-important-source: %+v %v", p, err)
	}
	if _, err := c.FindingPassage("nosuch"); err == nil {
		t.Error("no error for an unknown finding")
	}
}

// TestPassageOwnSurvey: a user's survey, whose documents are not shipped,
// gets a clear "no source document shipped".
func TestPassageOwnSurvey(t *testing.T) {
	c, err := Parse([]byte(`title: T
sources:
  - {id: p, label: RCN 2024, publisher: P, title: T, kind: primary, document: rcn-2024.pdf}
  - {id: s, label: Blog, publisher: P, title: T, kind: secondary}
charts:
  - id: c
    view: v
    title: C
    question: Q?
    source: p
    series: [{id: a, label: A}]
    items:
      - {id: x, label: X, values: {a: {value: 10, wording: ten percent}}}
      - {id: y, label: Y, values: {a: {value: 20, source: s}}}
`), "own.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[string]string{
		"c/x/a": "RCN 2024 cites rcn-2024.pdf, which is not shipped with docsurvey: no source document shipped",
		"c/y/a": "Blog is seen in secondary coverage only: no source document shipped",
	} {
		r, _ := ParseRef(ref)
		_, err := c.FigurePassage(r)
		if !errors.Is(err, ErrNoDocument) || err.Error() != want {
			t.Errorf("%s: %v, want %q", ref, err, want)
		}
	}
	if _, ok := ShippedDocument("../survey.yaml"); ok {
		t.Error("ShippedDocument read outside sources/")
	}
}
