package explore

import "testing"

func TestCount(t *testing.T) {
	tests := []struct {
		n                  int
		one, many          string
		count, words, verb string
	}{
		{0, "source", "sources", "0 sources", "zero sources", "sources"},
		{1, "source", "sources", "1 source", "one source", "source"},
		{2, "source", "sources", "2 sources", "two sources", "sources"},
		{1, "person", "people", "1 person", "one person", "person"},
		{12, "person", "people", "12 people", "twelve people", "people"},
		{13, "site", "sites", "13 sites", "13 sites", "sites"},
		{4033, "respondent", "respondents", "4,033 respondents", "4,033 respondents", "respondents"},
		{1, "differs", "differ", "1 differs", "one differs", "differs"},
		{3, "differs", "differ", "3 differ", "three differ", "differ"},
	}
	for _, tt := range tests {
		if got := Count(tt.n, tt.one, tt.many); got != tt.count {
			t.Errorf("Count(%d, %s) = %q, want %q", tt.n, tt.one, got, tt.count)
		}
		if got := CountWords(tt.n, tt.one, tt.many); got != tt.words {
			t.Errorf("CountWords(%d, %s) = %q, want %q", tt.n, tt.one, got, tt.words)
		}
		if got := Plural(tt.n, tt.one, tt.many); got != tt.verb {
			t.Errorf("Plural(%d, %s) = %q, want %q", tt.n, tt.one, got, tt.verb)
		}
	}
}
