package explore

import (
	"math"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
)

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatNumber(4033), "4,033"},
		{FormatNumber(1234567), "1,234,567"},
		{FormatNumber(12.5), "12.5"},
		{FormatNumber(1234.25), "1,234.2"},
		{FormatNumber(-3), "-3"},
		{FormatNumber(1e300), "1e+300"},
		{FormatNumber(-2.5e15), "-2.5e+15"},
		{FormatNumber(999999999999999), "999,999,999,999,999"},
		{FormatNumber(-0.01), "0"},
		{FormatNumber(math.NaN()), "n/a"},
		{FormatValue(61, dataset.UnitPercent, ""), "61%"},
		{FormatValue(65, "", "over"), "over 65%"},
		{FormatValue(1300, dataset.UnitCount, "more than"), "more than 1,300"},
		{FormatValue(math.Inf(1), "", ""), "n/a"},
		{FormatValue(1e9, "", "over"), "over 1e+09%"},
		{FormatFigure(nil, "", "two-thirds"), "two-thirds"},
		{FormatFigure(ptr(70), "", "more than"), "more than 70%"},
		{FormatFigure(nil, "", ""), ""},
		{FindingFigure("Concerned about patient privacy", ptr(70), "", "more than"), "more than 70%"},
		{FindingFigure("A small group of front runners uses several sites", nil, "", "a small group"), ""},
		{FindingFigure("Many see social media as an educational resource", nil, "", "many"), ""},
		{FindingFigure("Doctors see the benefit, but many are concerned", nil, "", "many"), ""},
		{FindingFigure("Manyfold uses", nil, "", "many"), "many"},
		{FindingFigure("Interacted with colleagues", nil, "", "nearly half"), "nearly half"},
		{FindingFigure("Half of them, nearly", nil, "", "nearly half"), "nearly half"},
		{FormatPoints(46, ""), "+46 pts"},
		{FormatPoints(-42, ""), "-42 pts"},
		{FormatPoints(1, ""), "+1 pt"},
		{FormatPoints(-1, ""), "-1 pt"},
		{FormatPoints(0, ""), "0 pts"},
		{FormatPoints(2.5, ""), "+2.5 pts"},
		{FormatPoints(12, dataset.UnitCount), "+12"},
		{FormatPoints(math.NaN(), ""), "n/a"},
		{FormatRatio(Ratio(61, 15)), "4.1x"},
		{FormatRatio(Ratio(17, 19)), "0.89x"},
		{FormatRatio(Ratio(300, 3)), "100x"},
		{FormatRatio(Ratio(5, 0)), "n/a"},
		{FormatRatio(Ratio(0, 0)), "n/a"},
		{FormatRatio(Ratio(math.NaN(), 2)), "n/a"},
		{FormatRatio(Ratio(2, math.Inf(1))), "n/a"},
		{CountWord(9), "nine"},
		{CountWord(12), "twelve"},
		{CountWord(13), "13"},
		{CountWord(4033), "4,033"},
		{ordinal(2), "second"},
		{ordinal(11), "11th"},
		{ordinal(21), "21st"},
		{ordinal(22), "22nd"},
		{ordinal(113), "113th"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func ptr(v float64) *float64 { return &v }
