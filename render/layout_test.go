package render

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// chartLike is a chart view's sections as chartViewLines asks for them: a
// title, a two-line question, a legend, a blank line, a chart of four rows
// (one line before the question, the rest after it, two blank lines
// between its groups last), an axis, a detail line, a two-line body, a
// footnote, and the findings in whatever is left.
func chartLike() []section {
	n := func(k int) []string { return make([]string, k) }
	return []section{
		partial("title", 1, "T"),
		drawn("question", func(k int) []string { return n(k) }, ask{prio: 6, min: 1, max: 1}, ask{prio: 11, max: 1}),
		partial("legend", 2, "L"),
		blank(10),
		drawn("chart", func(k int) []string { return n(k) }, ask{prio: 5, max: 1}, ask{prio: 7, max: 3}, ask{prio: 12, min: 2, max: 2}),
		whole("axis", 8, "A"),
		partial("detail", 3, "D"),
		drawn("body", func(k int) []string { return n(k) }, ask{prio: 9, max: 2}),
		partial("footnote", 4, "F"),
		leftover("findings", func(k int) []string {
			if k < 2 {
				return nil
			}
			return n(k)
		}),
	}
}

// TestAllocateDropsInPriorityOrder is the allocator's table: at each
// height, how many lines every section of a chart view gets, so what goes
// first as the height shrinks can be read down the columns.
func TestAllocateDropsInPriorityOrder(t *testing.T) {
	// title question legend blank chart axis detail body footnote findings
	tests := []struct {
		h    int
		want []int
	}{
		{0, []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{1, []int{1, 0, 0, 0, 0, 0, 0, 0, 0, 0}},  // the title first
		{3, []int{1, 0, 1, 0, 0, 0, 1, 0, 0, 0}},  // legend, detail
		{4, []int{1, 0, 1, 0, 0, 0, 1, 0, 1, 0}},  // footnote
		{5, []int{1, 0, 1, 0, 1, 0, 1, 0, 1, 0}},  // one chart row before the question
		{6, []int{1, 1, 1, 0, 1, 0, 1, 0, 1, 0}},  // the question's first line
		{8, []int{1, 1, 1, 0, 3, 0, 1, 0, 1, 0}},  // the chart grows
		{9, []int{1, 1, 1, 0, 4, 0, 1, 0, 1, 0}},  // whole
		{10, []int{1, 1, 1, 0, 4, 1, 1, 0, 1, 0}}, // the axis
		{12, []int{1, 1, 1, 0, 4, 1, 1, 2, 1, 0}}, // the body
		{13, []int{1, 1, 1, 1, 4, 1, 1, 2, 1, 0}}, // the blank line
		{14, []int{1, 2, 1, 1, 4, 1, 1, 2, 1, 0}}, // the question whole
		{15, []int{1, 2, 1, 1, 4, 1, 1, 2, 1, 0}}, // one line: not enough for the gaps
		{16, []int{1, 2, 1, 1, 6, 1, 1, 2, 1, 0}}, // the gaps, whole
		{30, []int{1, 2, 1, 1, 6, 1, 1, 2, 1, 0}}, // the rest goes to the findings
	}
	for _, tt := range tests {
		if got := allocate(tt.h, chartLike()); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("allocate(%d) = %v, want %v", tt.h, got, tt.want)
		}
	}
	// The findings, a leftover section, take what is unused once drawn,
	// when that is two lines or more.
	for h, want := range map[int]int{14: 0, 15: 0, 17: 0, 18: 2, 30: 14} {
		given := 0
		for _, n := range allocate(h, chartLike()) {
			given += n
		}
		if got := len(layout(h, chartLike()...)) - given; got != want {
			t.Errorf("height %d: the findings have %d lines, want %d", h, got, want)
		}
	}
}

// TestAllocateStepsAndRefusals checks the rules one at a time: a step of
// equal priority is granted together or not at all; a refused step ends
// the handing out even where a later ask would fit; mins come before maxes
// within a step; bad asks count as nothing.
func TestAllocateStepsAndRefusals(t *testing.T) {
	tests := []struct {
		name string
		h    int
		secs []section
		want []int
	}{
		{"blank lines as one step", 3, []section{partial("a", 1, "a"), blank(2), partial("b", 1, "b"), blank(2), blank(2)}, []int{1, 0, 1, 0, 0}},
		{"the step fits", 5, []section{partial("a", 1, "a"), blank(2), partial("b", 1, "b"), blank(2), blank(2)}, []int{1, 1, 1, 1, 1}},
		{"a refusal ends it", 4, []section{partial("a", 1, "a"), whole("w", 2, "1", "2", "3", "4"), blank(3)}, []int{1, 0, 0}},
		{"mins first within a step", 3, []section{
			drawn("x", nil, ask{prio: 1, max: 5}), drawn("y", nil, ask{prio: 1, min: 2, max: 2})}, []int{1, 2}},
		{"partial takes what is left", 2, []section{partial("p", 1, "1", "2", "3")}, []int{2}},
		{"several asks add up", 10, []section{drawn("c", nil, ask{prio: 1, max: 1}, ask{prio: 3, max: 2}), partial("q", 2, "q")}, []int{3, 1}},
		{"negative height", -4, []section{partial("a", 1, "a")}, []int{0}},
		{"max below min", 5, []section{drawn("m", nil, ask{prio: 1, min: 2, max: 1})}, []int{2}},
		{"nothing asked", 5, []section{drawn("z", nil, ask{prio: 1}), partial("a", 2, "a")}, []int{0, 1}},
		{"leftover asks nothing", 5, []section{leftover("r", nil), partial("a", 1, "a")}, []int{0, 1}},
	}
	for _, tt := range tests {
		if got := allocate(tt.h, tt.secs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: allocate(%d) = %v, want %v", tt.name, tt.h, got, tt.want)
		}
	}
}

// TestAllocateNeverShrinksAsHeightGrows: no section ever loses a line
// when the height grows, and the lines given never exceed the height.
func TestAllocateNeverShrinksAsHeightGrows(t *testing.T) {
	prev := make([]int, len(chartLike()))
	for h := 0; h <= 40; h++ {
		got := allocate(h, chartLike())
		sum := 0
		for i := range got {
			sum += got[i]
			if got[i] < prev[i] {
				t.Errorf("height %d: section %d has %d lines, %d at height %d", h, i, got[i], prev[i], h-1)
			}
		}
		if sum > h {
			t.Errorf("height %d: %d lines given", h, sum)
		}
		prev = got
	}
}

// TestLayoutDrawsInOrderAndCuts checks that layout joins the sections in
// their order, not their priority, and cuts a draw that returns too much.
func TestLayoutDrawsInOrderAndCuts(t *testing.T) {
	greedy := drawn("greedy", func(n int) []string { return strings.Split("x y z", " ") }, ask{prio: 1, max: 2})
	got := layout(5, partial("last", 3, "c"), greedy, partial("first", 2, "a", "b"))
	want := []string{"c", "x", "y", "a", "b"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("layout = %q, want %q", got, want)
	}
}
