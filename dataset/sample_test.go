package dataset

import (
	"strings"
	"testing"
)

func TestShippedBases(t *testing.T) {
	c := shipped(t)
	for _, tc := range []struct {
		ref     string
		n       int
		derived bool
	}{
		{"platforms/facebook/professional", 4033, false},
		{"benefits/learn/interested", 4033, false},
		{"patient-communities/aware/share", 4033, false},
		// 11% of 4,033 = 443.6: the subgroup's n is derived, not stated.
		{"patient-communities/recommended/share", 444, true},
		{"patient-communities/would-consider/share", 444, true},
		{"patient-communities/positive/share", 444, true},
		{"patient-communities/unlikely/share", 444, true},
	} {
		ch, it, _, ok := c.figureAt(tc.ref)
		if !ok {
			t.Fatalf("%s: not found", tc.ref)
		}
		b := c.BaseN(ch, it, strings.Split(tc.ref, "/")[2])
		if b.N != tc.n || b.Derived != tc.derived {
			t.Errorf("%s: base %+v, want n=%d derived=%v", tc.ref, b, tc.n, tc.derived)
		}
	}
	// Every figure of an item with a base of its own has its n declared or
	// derived: none silently takes the whole sample.
	for i := range c.Charts {
		ch := &c.Charts[i]
		for j := range ch.Items {
			it := &ch.Items[j]
			for sid, f := range it.Values {
				if it.Base != "" && f.N == 0 && f.NFrom == "" && ch.N == 0 {
					t.Errorf("%s/%s/%s: subgroup %q without n or n_from", ch.ID, it.ID, sid, it.Base)
				}
			}
		}
	}
}

func TestBaseN(t *testing.T) {
	c := &Collection{
		Sources: []Source{{ID: "s", Sample: 1000}, {ID: "none"}},
		Charts: []Chart{{ID: "a", Source: "s", Series: []Series{{ID: "x"}}, Items: []Item{
			{ID: "all", Values: map[string]Figure{"x": {Value: 20}}},
			{ID: "sub", Base: "of the 20%", Values: map[string]Figure{"x": {Value: 50}}},
			{ID: "subn", Base: "of the 20%", Values: map[string]Figure{"x": {Value: 50, N: 190}}},
			{ID: "subd", Base: "of the 20%", Values: map[string]Figure{"x": {Value: 50, NFrom: "a/all/x"}}},
			{ID: "loop", Values: map[string]Figure{"x": {Value: 50, NFrom: "a/loop/x"}}},
			{ID: "other", Values: map[string]Figure{"x": {Value: 5, Source: "none"}}},
		}}, {ID: "b", Source: "s", N: 300, Series: []Series{{ID: "x"}}, Items: []Item{
			{ID: "i", Values: map[string]Figure{"x": {Value: 1}}},
		}}},
	}
	for _, tc := range []struct {
		chart, item string
		want        Base
	}{
		{"a", "all", Base{N: 1000}},
		{"a", "sub", Base{}}, // a subgroup without n: unknown, not 1,000
		{"a", "subn", Base{N: 190}},
		{"a", "subd", Base{N: 200, Derived: true, From: "a/all/x"}},
		{"a", "loop", Base{}},
		{"a", "other", Base{}}, // n not stated
		{"b", "i", Base{N: 300}},
	} {
		ch := c.Chart(tc.chart)
		if got := c.BaseN(ch, ch.Item(tc.item), "x"); got != tc.want {
			t.Errorf("%s/%s: %+v, want %+v", tc.chart, tc.item, got, tc.want)
		}
	}
}

func TestMarginFieldsInvalid(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"bad answers", "answers: some", `unknown kind "some"; expected "single" or "multiple"`},
		{"negative n", "n: -4", "expected a number of respondents, 1 or more, got -4"},
		{"missing parent", "nfrom: c/zz/x", `no figure "c/zz/x"; expected chart/item/series`},
		{"self", "nfrom: c/i/x", "a figure cannot be its own base"},
		{"both", "nboth: c/j/x", "give n or n_from, not both"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			chartExtra, fig := "", "{value: 5}"
			switch {
			case strings.HasPrefix(tc.yaml, "nfrom: "):
				fig = "{value: 5, n_from: " + strings.TrimPrefix(tc.yaml, "nfrom: ") + "}"
			case strings.HasPrefix(tc.yaml, "nboth: "):
				fig = "{value: 5, n: 10, n_from: " + strings.TrimPrefix(tc.yaml, "nboth: ") + "}"
			default:
				chartExtra = "    " + tc.yaml + "\n"
			}
			doc := "title: t\nsources:\n  - {id: s, label: S, publisher: P, title: T, kind: secondary, sample: 100}\n" +
				"charts:\n  - id: c\n    view: platforms\n    title: C\n    question: Q?\n    source: s\n" + chartExtra +
				"    series: [{id: x, label: X}]\n    items:\n      - {id: i, label: I, values: {x: " + fig + "}}\n" +
				"      - {id: j, label: J, values: {x: 7}}\n"
			_, err := Parse([]byte(doc), "t.yaml")
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want a problem %q", err, tc.want)
			}
		})
	}
}
