package dataset

import "testing"

// TestItemKindDecodes reads an item's kind from YAML and JSON alike, and
// Ranked tells the items from the answers that are not items.
func TestItemKindDecodes(t *testing.T) {
	head := `{"title": "T", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary"}],
  "charts": [{"id": "c", "view": "v", "title": "C", "question": "Q?", "source": "s", "series": [{"id": "a", "label": "A"}],
  "items": [{"id": "x", "label": "X", "values": {"a": 1}}, {"id": "n", "label": "None", "kind": "none", "values": {"a": 2}}]}]}`
	yamlDoc := `title: T
sources: [{id: s, label: S, publisher: P, title: T, kind: secondary}]
charts:
  - id: c
    view: v
    title: C
    question: Q?
    source: s
    series: [{id: a, label: A}]
    items:
      - {id: x, label: X, values: {a: 1}}
      - {id: n, label: None, kind: none, values: {a: 2}}
`
	for name, doc := range map[string]string{"json": head, "yaml": yamlDoc} {
		c, err := Parse([]byte(doc), name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		items := c.Charts[0].Items
		if items[0].Kind != "" || !items[0].Ranked() || items[1].Kind != ItemNone || items[1].Ranked() {
			t.Errorf("%s: kinds %q %q, ranked %v %v; want an item and a none", name, items[0].Kind, items[1].Kind, items[0].Ranked(), items[1].Ranked())
		}
	}
}

// TestShippedAnswersThatAreNotItems checks that the shipped dataset marks
// "None of the above" and the total of the number of sites, and nothing
// else.
func TestShippedAnswersThatAreNotItems(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"platforms/none": ItemNone, "number-of-sites/total": ItemTotal}
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			if got := it.Kind; got != want[ch.ID+"/"+it.ID] {
				t.Errorf("%s/%s: kind %q, want %q", ch.ID, it.ID, got, want[ch.ID+"/"+it.ID])
			}
		}
	}
}
