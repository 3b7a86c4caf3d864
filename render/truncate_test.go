package render

import (
	"strings"
	"testing"
	"unicode"
)

func TestTruncate(t *testing.T) {
	tests := []struct {
		s    string
		w    int
		tail string
		want string
	}{
		{"Facebook", 8, "…", "Facebook"},  // fits: never cut
		{"Facebook", 20, "…", "Facebook"}, // short label, wide room
		{"Facebook", 7, "…", "Facebo…"},   // one word: cut inside it
		{"Facebook, LinkedIn, YouTube", 26, "…", "Facebook, LinkedIn…"},
		{"Facebook, LinkedIn, YouTube", 19, "…", "Facebook, LinkedIn…"},
		{"Facebook, LinkedIn, YouTube", 18, "…", "Facebook…"}, // not "Facebook, Linked…", nor the comma
		{"Physician communities", 12, "…", "Physician…"},
		{"Phys. communities", 16, "…", "Phys.…"}, // the abbreviation's dot stays
		{"Manhattan Research (as reported)", 20, "~", "Manhattan Research~"},
		{"sort: gap · series: both", 12, "…", "sort: gap…"}, // the dot separator dangles
		{"a b", 2, "…", "a…"},
		{"ab", 1, "…", "a"},  // no room for the tail: cut without it
		{"ab", 0, "…", ""},   // nothing fits
		{"", 5, "…", ""},     // nothing to cut
		{"   ", 2, "…", "…"}, // only spaces: nothing worth keeping
		// CJK: two cells a character, a line may break after any of them.
		{"医師のソーシャルメディア", 9, "…", "医師のソ…"},
		{"医師 social media", 8, "…", "医師…"},
		// Emoji and combining marks: clusters are never split.
		{"👩‍⚕️ doctors online", 12, "…", "👩‍⚕️ doctors…"},
		// A ZWJ sequence is as wide as a terminal may draw it (Width): the
		// doctor is three cells where her parts are drawn (woman, staff).
		{"👩‍⚕️👨‍⚕️👩‍⚕️", 5, "…", "👩‍⚕️…"},
		{"👩‍⚕️👨‍⚕️👩‍⚕️", 7, "…", "👩‍⚕️👨‍⚕️…"},
		{"Cafe\u0301 society", 8, "…", "Cafe\u0301…"},
	}
	for _, tt := range tests {
		if got := Truncate(tt.s, tt.w, tt.tail); got != tt.want {
			t.Errorf("Truncate(%q, %d, %q) = %q, want %q", tt.s, tt.w, tt.tail, got, tt.want)
		}
	}
}

// TestTruncateEveryWidth cuts texts at every width from 0 to past their own
// and checks what must always hold: the result fits; a text that fits is
// whole; a cut ends in the tail (when there is room for it) after a prefix
// of the text that ends in no space; and a cut that keeps a word keeps it
// whole unless not even the first word fits.
func TestTruncateEveryWidth(t *testing.T) {
	texts := []string{
		"Physician communities", "Phys. communities", "Facebook, LinkedIn, YouTube",
		"Total (at least one site)", "医師のソーシャルメディア利用", "👩🏽‍💻 and 🇺🇸 flags", "Ärzte und Ärztinnen", "x",
	}
	for _, s := range texts {
		for _, tail := range []string{"…", "~", "..."} {
			for w := 0; w <= Width(s)+2; w++ {
				got := Truncate(s, w, tail)
				if Width(got) > w {
					t.Errorf("Truncate(%q, %d, %q) = %q, %d cells", s, w, tail, got, Width(got))
				}
				if Width(s) <= w {
					if got != s {
						t.Errorf("Truncate(%q, %d) = %q; it fits and must stay whole", s, w, got)
					}
					continue
				}
				kept := got
				if Width(tail) < w {
					var ok bool
					if kept, ok = strings.CutSuffix(got, tail); !ok {
						t.Errorf("Truncate(%q, %d, %q) = %q does not end in the tail", s, w, tail, got)
						continue
					}
				}
				if !strings.HasPrefix(s, kept) || strings.TrimRightFunc(kept, unicode.IsSpace) != kept {
					t.Errorf("Truncate(%q, %d, %q) = %q: %q is not a prefix of the text without trailing space", s, w, tail, got, kept)
				}
				first := strings.Fields(s)[0]
				if Width(first)+Width(tail) <= w && !strings.ContainsFunc(first, isCJK) {
					rest := s[len(kept):]
					if rest != "" && !unicode.IsSpace([]rune(rest)[0]) && !strings.ContainsAny(rest[:1], ",;:-·") {
						t.Errorf("Truncate(%q, %d, %q) = %q cuts a word although %q fits", s, w, tail, got, first)
					}
				}
			}
		}
	}
}

func TestTruncateLabel(t *testing.T) {
	tests := []struct {
		label, short string
		w            int
		want         string
	}{
		{"Physician communities", "Phys. communities", 30, "Physician communities"},
		{"Physician communities", "Phys. communities", 17, "Phys. communities"}, // the short one fits: whole
		{"Physician communities", "Phys. communities", 16, "Physician…"},        // never "Phys. communiti…"
		{"Physician communities", "Phys. communities", 10, "Physician…"},
		{"Physician communities", "Phys. communities", 8, "Phys.…"}, // the full label would lose its first word
		{"Physician communities", "Phys. communities", 3, "Ph…"},
		{"Physician communities", "", 16, "Physician…"},
		{"Total (at least one site)", "Total", 10, "Total"},
		{"Facebook", "FB", 0, ""},
	}
	for _, tt := range tests {
		if got := TruncateLabel(tt.label, tt.short, tt.w, "…"); got != tt.want {
			t.Errorf("TruncateLabel(%q, %q, %d) = %q, want %q", tt.label, tt.short, tt.w, got, tt.want)
		}
	}
}

func TestWrapWords(t *testing.T) {
	q := "Which social media sites do you use for professional purposes, and which for personal purposes?"
	tests := []struct {
		s      string
		w, max int
		want   []string
	}{
		// show -w 30: three lines, the last cut between words.
		{q, 30, 3, []string{"Which social media sites do", "you use for professional", "purposes, and which for…"}},
		{q, 30, 0, []string{"Which social media sites do", "you use for professional", "purposes, and which for", "personal purposes?"}},
		{q, 200, 1, []string{q}},
		{"a  b\nc", 10, 0, []string{"a b c"}},
		{"Supercalifragilistic is long", 8, 0, []string{"Supercal", "ifragili", "stic is", "long"}},
		{"医師のソーシャル", 4, 0, []string{"医師", "のソ", "ーシ", "ャル"}},
		{"👩‍⚕️ x", 1, 0, []string{"x"}}, // a cluster wider than the line is left out, not looped on
		{"", 10, 2, nil},
		{"text", 0, 2, nil},
	}
	for _, tt := range tests {
		got := WrapWords(tt.s, tt.w, tt.max, "…")
		if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
			t.Errorf("WrapWords(%q, %d, %d)\n got %q\nwant %q", tt.s, tt.w, tt.max, got, tt.want)
		}
		for _, l := range got {
			if Width(l) > tt.w {
				t.Errorf("WrapWords(%q, %d): line %q is %d cells", tt.s, tt.w, l, Width(l))
			}
		}
	}
}

// FuzzTruncate checks, for any text and width, that a cut fits, keeps a
// text that fits whole, and keeps a prefix of the text.
func FuzzTruncate(f *testing.F) {
	f.Add("Phys. communities", 8)
	f.Add("医師のソーシャル 👩🏽‍💻", 5)
	f.Fuzz(func(t *testing.T, s string, w int) {
		if !utf8Printable(s) || w > 400 {
			return
		}
		got := Truncate(s, w, "…")
		if Width(got) > max(w, 0) {
			t.Fatalf("Truncate(%q, %d) = %q, %d cells", s, w, got, Width(got))
		}
		if Width(s) <= w && got != s {
			t.Fatalf("Truncate(%q, %d) = %q; it fits", s, w, got)
		}
		if !strings.HasPrefix(s, strings.TrimSuffix(got, "…")) && !strings.HasPrefix(got, s) {
			t.Fatalf("Truncate(%q, %d) = %q is not a prefix", s, w, got)
		}
		for _, l := range WrapWords(s, w, 3, "…") {
			if Width(l) > w {
				t.Fatalf("WrapWords(%q, %d): %q", s, w, l)
			}
		}
	})
}

// utf8Printable reports text the renderer is given: valid UTF-8 without
// control characters (the dataset refuses them).
func utf8Printable(s string) bool {
	for _, r := range s {
		if r == unicode.ReplacementChar || unicode.IsControl(r) {
			return false
		}
	}
	return true
}
