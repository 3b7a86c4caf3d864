package stats

import (
	"math"
	"testing"
)

// round4 rounds to four decimals, as Newcombe's tables print.
func round4(v float64) float64 { return math.Round(v*1e4) / 1e4 }

func TestWilsonReference(t *testing.T) {
	for _, tc := range []struct {
		name     string
		x, n     float64
		lo, hi   float64
		decimals float64
	}{
		// The reference: 15% of 4,033 → 13.9–16.1 (percent, one decimal).
		{"15% of 4,033", 0.15 * 4033, 4033, 13.9, 16.1, 1},
		// Newcombe 1998, Stat Med 17:857–872, Table I, method 3 (Wilson score).
		{"81/263", 81, 263, 25.53, 36.62, 2},
		{"15/148", 15, 148, 6.24, 16.05, 2},
		{"0/20", 0, 20, 0, 16.11, 2},
		{"1/29", 1, 29, 0.61, 17.18, 2},
		// Edge cases: 100%, n = 1.
		{"20/20", 20, 20, 83.89, 100, 2},
		{"1/1", 1, 1, 20.65, 100, 2},
		{"0/1", 0, 1, 0, 79.35, 2},
	} {
		iv, ok := Wilson(tc.x/tc.n, tc.n, Z95)
		if !ok {
			t.Fatalf("%s: not ok", tc.name)
		}
		scale := math.Pow(10, tc.decimals)
		lo, hi := math.Round(iv.Low*100*scale)/scale, math.Round(iv.High*100*scale)/scale
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("%s: got %v–%v, want %v–%v", tc.name, lo, hi, tc.lo, tc.hi)
		}
		if iv.Low > iv.Estimate || iv.High < iv.Estimate || iv.Low < 0 || iv.High > 1 {
			t.Errorf("%s: %+v does not hold its estimate within [0, 1]", tc.name, iv)
		}
	}
}

func TestWilsonRejectsBadInput(t *testing.T) {
	for _, tc := range []struct{ p, n float64 }{
		{0.5, 0}, {0.5, -3}, {0.5, 0.5}, {-0.1, 100}, {1.1, 100},
		{math.NaN(), 100}, {0.5, math.NaN()}, {0.5, math.Inf(1)},
	} {
		if iv, ok := Wilson(tc.p, tc.n, Z95); ok {
			t.Errorf("Wilson(%v, %v) = %+v, want not ok", tc.p, tc.n, iv)
		}
	}
}

// Newcombe 1998, Stat Med 17:873–890, Table II, method 10 (hybrid score).
func TestNewcombeReference(t *testing.T) {
	for _, tc := range []struct {
		x1, n1, x2, n2 float64
		lo, hi         float64
	}{
		{56, 70, 48, 80, 0.0524, 0.3339},
		{9, 10, 3, 10, 0.1705, 0.8090},
		// Table II prints 0.0582 to 0.8062 for (c); the brief's "0.0342 to
		// 0.8534" is not method 10 (nor method 11, 0.0290 to 0.8423).
		{6, 7, 2, 7, 0.0582, 0.8062},
		{5, 56, 0, 29, -0.0381, 0.1926},
		{0, 10, 0, 20, -0.1611, 0.2775},
		{0, 10, 0, 10, -0.2775, 0.2775},
		{10, 10, 0, 20, 0.6791, 1.0000},
		{10, 10, 0, 10, 0.6075, 1.0000},
	} {
		iv, ok := NewcombeDiff(tc.x1/tc.n1, tc.n1, tc.x2/tc.n2, tc.n2)
		if !ok {
			t.Fatalf("%v/%v − %v/%v: not ok", tc.x1, tc.n1, tc.x2, tc.n2)
		}
		if round4(iv.Low) != tc.lo || round4(iv.High) != tc.hi {
			t.Errorf("%v/%v − %v/%v: got %.4f to %.4f, want %.4f to %.4f",
				tc.x1, tc.n1, tc.x2, tc.n2, iv.Low, iv.High, tc.lo, tc.hi)
		}
	}
}

func TestMultinomialDiff(t *testing.T) {
	// 54% vs 26% of 4,033 mutually exclusive answers: d = 0.28,
	// Var = (0.80 − 0.0784)/4033, half = 1.96·0.013376 = 0.026217.
	iv, ok := MultinomialDiff(0.54, 0.26, 4033)
	if !ok {
		t.Fatal("not ok")
	}
	if round4(iv.Low) != 0.2538 || round4(iv.High) != 0.3062 {
		t.Errorf("got %.4f to %.4f, want 0.2538 to 0.3062", iv.Low, iv.High)
	}
	// Shares of one question cannot add past 100%.
	if _, ok := MultinomialDiff(0.7, 0.6, 100); ok {
		t.Error("70% + 60% of one single-choice question accepted")
	}
	// At the edge (100% vs 0%) the interval is clamped to ±1.
	iv, _ = MultinomialDiff(1, 0, 1)
	if iv.High != 1 || iv.Low < -1 {
		t.Errorf("1 − 0 of n=1: %+v, want within [−1, 1]", iv)
	}
}

func TestConservativeDiff(t *testing.T) {
	// Facebook 15% vs LinkedIn 17% for work, n = 4,033 each: the Wilson
	// distances add, so the bound is wider than Newcombe's square-and-add,
	// and this 2-point gap is within it.
	cons, ok := ConservativeDiff(0.17, 4033, 0.15, 4033)
	if !ok {
		t.Fatal("not ok")
	}
	indep, _ := NewcombeDiff(0.17, 4033, 0.15, 4033)
	if !(cons.Low < indep.Low && cons.High > indep.High) {
		t.Errorf("conservative %+v not wider than independent %+v", cons, indep)
	}
	if !(cons.Low < 0 && cons.High > 0) || cons.Excludes(0) {
		t.Errorf("17%% vs 15%% of 4,033: %+v should straddle 0", cons)
	}
	if !indep.Excludes(0) {
		t.Errorf("as independent samples %+v should exclude 0", indep)
	}
	// 92% vs 90%: the bound excludes 0.
	iv, _ := ConservativeDiff(0.92, 4033, 0.90, 4033)
	if !iv.Excludes(0) {
		t.Errorf("92%% vs 90%% of 4,033: %+v should exclude 0", iv)
	}
	// The bound is the difference minus (plus) the two Wilson distances.
	w1, _ := Wilson(0.92, 4033, Z95)
	w2, _ := Wilson(0.90, 4033, Z95)
	lo, hi := 0.02-((0.92-w1.Low)+(w2.High-0.90)), 0.02+((w1.High-0.92)+(0.90-w2.Low))
	if math.Abs(iv.Low-lo) > 1e-12 || math.Abs(iv.High-hi) > 1e-12 || round4(iv.Low) != 0.0023 || round4(iv.High) != 0.0376 {
		t.Errorf("92%% vs 90%%: got %.4f to %.4f, want %.4f to %.4f", iv.Low, iv.High, lo, hi)
	}
	if _, ok := ConservativeDiff(0.5, 0, 0.5, 10); ok {
		t.Error("n = 0 accepted")
	}
}
