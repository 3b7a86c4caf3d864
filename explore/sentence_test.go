package explore

import (
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestFigureSentence(t *testing.T) {
	c := embedded(t)
	tests := []struct{ chart, item, series, want string }{
		{"platforms", "facebook", "personal", "61% of physicians use Facebook for personal purposes (QuantiaMD 2011, n=4,033, margin of error ±1.5 pts)"},
		{"platforms", "facebook", "professional", "15% of physicians use Facebook for professional purposes (QuantiaMD 2011, n=4,033, margin of error ±1.1 pts)"},
		{"platforms", "none", "personal", "13% of physicians use none of these sites for personal purposes (QuantiaMD 2011, n=4,033, margin of error ±1.0 pts)"},
		{"number-of-sites", "two-plus", "personal", "54% of physicians use 2 or more sites for personal purposes (QuantiaMD 2011, n=4,033, margin of error ±1.5 pts)"},
		{"number-of-sites", "total", "professional", "67% of physicians use at least one site for professional purposes (QuantiaMD 2011, n=4,033, margin of error ±1.5 pts)"},
		{"benefits", "learn", "interested", "92% of doctors are interested in using social networks to learn from experts and peers (QuantiaMD / CCA 2011, n=4,033, margin of error ±0.8 pts)"},
		{"barriers", "liability", "concerned", "73% of doctors say liability holds them back from interacting with patients online (Healthcare Informatics 2011, n=4,033, margin of error ±1.4 pts)"},
		{"patient-communities", "recommended", "share", "38% of doctors aware of patient communities have recommended one to patients (QuantiaMD / CCA 2011, n ≈ 444, derived, margin of error ±4.5 pts)"},
		{"connected", "physician-communities", "share", "28% of doctors use professional physician communities (QuantiaMD 2011, n=4,033, margin of error ±1.4 pts)"},
		{"platforms", "myspace", "personal", ""},
		{"platforms", "facebook", "nosuch", ""},
	}
	for _, tt := range tests {
		got, ok := FigureSentence(c, c.Chart(tt.chart), tt.item, tt.series)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("FigureSentence(%s/%s/%s)\n got %q %v\nwant %q", tt.chart, tt.item, tt.series, got, ok, tt.want)
		}
	}
}

// TestFigureSentenceEveryShipped: every shipped chart figure has a sentence
// from a template, starting with its figure and ending with its source.
func TestFigureSentenceEveryShipped(t *testing.T) {
	c := embedded(t)
	for i := range c.Charts {
		ch := &c.Charts[i]
		if ch.Sentence == "" {
			t.Errorf("chart %s has no sentence template", ch.ID)
		}
		for _, it := range ch.Items {
			for _, se := range ch.Series {
				s, ok := FigureSentence(c, ch, it.ID, se.ID)
				f := it.Values[se.ID]
				if !ok || s[:len(FormatValue(f.Value, unitOf(ch), f.Qualifier))] != upperFirst(FormatValue(f.Value, unitOf(ch), f.Qualifier)) {
					t.Errorf("%s/%s/%s: %q", ch.ID, it.ID, se.ID, s)
				}
			}
		}
	}
}

func TestFigureSentenceGeneric(t *testing.T) {
	c := synth()
	c.Charts[0].Base = "Physicians surveyed"
	c.Charts[0].Items[1].Base = "Of doctors aware"
	tests := []struct{ chart, item, series, want string }{
		{"uses", "a", "per", "Alpha, personal use: 40% of physicians surveyed (Study One 2011, n=1,200, margin of error ±2.8 pts)"},
		{"uses", "b", "pro", "Beta, professional use: 20% of doctors aware (Study One 2011, n not stated)"},
		{"one", "y", "pro", "Ypsilon: 90% (Study One 2011, n=1,200, margin of error ±1.7 pts)"},
		{"counts", "k", "n", "Kappa: 1,300 (Study Two)"},
		{"other", "x", "p2", "Xi,  personal USE : 20% (Study Two, n not stated)"},
	}
	for _, tt := range tests {
		got, _ := FigureSentence(c, c.Chart(tt.chart), tt.item, tt.series)
		if got != tt.want {
			t.Errorf("FigureSentence(%s/%s/%s)\n got %q\nwant %q", tt.chart, tt.item, tt.series, got, tt.want)
		}
	}
}

func TestFindingSentence(t *testing.T) {
	c := embedded(t)
	find := func(id string) *dataset.Finding {
		for i := range c.Findings {
			if c.Findings[i].ID == id {
				return &c.Findings[i]
			}
		}
		t.Fatalf("no finding %s", id)
		return nil
	}
	tests := []struct{ id, want string }{
		{"personal-use", "87% of physicians use at least one site for personal purposes (QuantiaMD 2011, n=4,033, margin of error ±1.0 pts)"},
		{"health-professionals-88", "Health professionals using social media: as many as 88% (Manhattan Research (as reported), n not stated)"},
		{"majority-already", "“The majority of doctors are already using social media.” (QuantiaMD 2011, n=4,033)"},
		{"physicians-who-tweet", "Doctors registered in a database of physicians who tweet: more than 1,300 (Jones & Bartlett 2012)"},
	}
	for _, tt := range tests {
		if got := FindingSentence(c, find(tt.id)); got != tt.want {
			t.Errorf("FindingSentence(%s)\n got %q\nwant %q", tt.id, got, tt.want)
		}
	}
}
