package stats

import "math"

// Z95 is the standard normal quantile for a two-sided 95% interval,
// Φ⁻¹(0.975). It is the only quantile docsurvey needs, so it is a constant
// rather than a statistics dependency.
const Z95 = 1.959963984540054

// Interval is a confidence interval, in the units of its estimate (a share
// from 0 to 1 for proportions, from −1 to 1 for differences).
type Interval struct {
	// Estimate is the point estimate: the share, or the difference.
	Estimate float64
	// Low and High are the limits; Low ≤ Estimate ≤ High.
	Low, High float64
}

// Excludes reports whether v lies outside the interval: for a difference,
// Excludes(0) says it is larger than the margin of error.
func (iv Interval) Excludes(v float64) bool { return v < iv.Low || v > iv.High }

// valid reports whether p is a share and n a usable count.
func valid(p, n float64) bool {
	return !math.IsNaN(p) && p >= 0 && p <= 1 && !math.IsNaN(n) && !math.IsInf(n, 0) && n >= 1
}

// Wilson returns the Wilson score interval for a share p of n respondents
// at the normal quantile z (Z95 for 95%):
//
//	centre = (p + z²/2n) / (1 + z²/n)
//	half   = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²)
//
// It assumes a simple random sample of n, each answer independent. Unlike
// the Wald interval it stays inside [0, 1] and is not empty at 0% or 100%.
// ok is false when p is not in [0, 1] or n < 1.
func Wilson(p, n, z float64) (iv Interval, ok bool) {
	if !valid(p, n) || !(z > 0) {
		return Interval{}, false
	}
	z2 := z * z
	den := 1 + z2/n
	centre := (p + z2/(2*n)) / den
	half := z / den * math.Sqrt(p*(1-p)/n+z2/(4*n*n))
	lo, hi := math.Max(0, centre-half), math.Min(1, centre+half)
	// Rounding may leave p a hair outside at 0 or 1; the limits hold it.
	return Interval{Estimate: p, Low: math.Min(lo, p), High: math.Max(hi, p)}, true
}

// distances are two shares' Wilson distances below and above each, at
// 95%: b1, a1 for p1 and b2, a2 for p2.
func distances(p1, n1, p2, n2 float64) (b1, a1, b2, a2 float64, ok bool) {
	iv1, ok1 := Wilson(p1, n1, Z95)
	iv2, ok2 := Wilson(p2, n2, Z95)
	return p1 - iv1.Low, iv1.High - p1, p2 - iv2.Low, iv2.High - p2, ok1 && ok2
}

// NewcombeDiff is Newcombe's hybrid score interval (method 10) for p1 − p2,
// shares of two independent samples of n1 and n2, at 95%:
//
//	L = d − √((p1−l1)² + (u2−p2)²)
//	U = d + √((u1−p1)² + (p2−l2)²)
//
// with (l, u) each share's Wilson interval. It assumes the two samples are
// independent.
func NewcombeDiff(p1, n1, p2, n2 float64) (Interval, bool) {
	b1, a1, b2, a2, ok := distances(p1, n1, p2, n2)
	if !ok {
		return Interval{}, false
	}
	d := p1 - p2
	return clampDiff(d, d-math.Hypot(b1, a2), d+math.Hypot(a1, b2)), true
}

// ConservativeDiff is a bound for p1 − p2 when both shares come from the
// same respondents but their overlap is unknown (two items of one
// multi-answer question): Newcombe's square-and-add with the correlation
// between the two answers at its most adverse, −1, so the Wilson distances
// add instead of adding in quadrature:
//
//	L = d − ((p1−l1) + (u2−p2))
//	U = d + ((u1−p1) + (p2−l2))
//
// The true interval, whatever the overlap, is no wider. n1 and n2 may
// differ (a subgroup within its parent).
func ConservativeDiff(p1, n1, p2, n2 float64) (Interval, bool) {
	b1, a1, b2, a2, ok := distances(p1, n1, p2, n2)
	if !ok {
		return Interval{}, false
	}
	d := p1 - p2
	return clampDiff(d, d-(b1+a2), d+(a1+b2)), true
}

// MultinomialDiff is the Wald interval for p1 − p2, two shares of one
// multinomial: two answers of one single-choice question, asked of the same
// n respondents, so the shares are negatively correlated:
//
//	Var(p1 − p2) = (p1 + p2 − (p1 − p2)²) / n
//	d ± z·√Var
//
// It assumes the answers are mutually exclusive (p1 + p2 ≤ 1); ok is false
// otherwise.
func MultinomialDiff(p1, p2, n float64) (Interval, bool) {
	if !valid(p1, n) || !valid(p2, n) || p1+p2 > 1+1e-9 {
		return Interval{}, false
	}
	d := p1 - p2
	v := math.Max(0, (p1+p2-d*d)/n)
	half := Z95 * math.Sqrt(v)
	return clampDiff(d, d-half, d+half), true
}

// clampDiff keeps a difference's limits within [−1, 1].
func clampDiff(d, lo, hi float64) Interval {
	return Interval{Estimate: d, Low: math.Max(-1, lo), High: math.Min(1, hi)}
}
