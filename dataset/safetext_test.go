package dataset

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// hostile is text that would drive a terminal: a clipboard write (OSC 52),
// a screen clear, a forged problem line, C1 and bidirectional controls.
const hostile = "\x1b]52;c;ZXZpbA==\a\x1b[2J\nfake.yaml:1:1: title: forged\r\u009b\u202e\x7f"

// hostileNodes are replacements for one value: every YAML tag and type,
// each carrying the hostile text where it can.
func hostileNodes() []*yaml.Node {
	var nodes []*yaml.Node
	for _, tag := range []string{"!!str", "!!bool", "!!int", "!!float", "!!null", "!!timestamp", "!!binary", "!!merge", "!custom", "!\x1b[2J", "tag:example.com,2000:\x1b]52"} {
		for _, style := range []yaml.Style{0} {
			nodes = append(nodes, &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: hostile, Style: style})
		}
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: hostile}
	nodes = append(nodes,
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "1e999\x1b[2J"},
		&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{key}},
		&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{key, key}},
		&yaml.Node{Kind: yaml.MappingNode, Tag: "!" + hostile, Content: []*yaml.Node{key, {Kind: yaml.ScalarNode, Tag: "!!int", Value: "7"}}},
	)
	return nodes
}

// TestNoControlByteInProblems puts every hostile node in place of every
// value of the example file (every field kind: strings, numbers, whole
// numbers, booleans, dates, references, lists, mappings, series figures)
// and of every key, and checks that no problem holds a control byte and
// that every problem is one line.
func TestNoControlByteInProblems(t *testing.T) {
	src, err := os.ReadFile("../testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	// One slot per shape (charts[].items[].label, its key, ...): every
	// field kind and key once, not every item of the example again.
	var slots []**yaml.Node
	seen := map[string]bool{}
	add := func(shape string, slot **yaml.Node) {
		if !seen[shape] {
			seen[shape] = true
			slots = append(slots, slot)
		}
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		for i := range n.Content {
			shape := path + "[]"
			if n.Kind == yaml.MappingNode {
				shape = path + "." + n.Content[i-i%2].Value
				if i%2 == 0 {
					shape += "#key"
				}
			}
			add(shape, &n.Content[i])
			walk(n.Content[i], shape)
		}
	}
	walk(&doc, "")
	replacements := hostileNodes()
	checked := 0
	for si, slot := range slots {
		orig := *slot
		for ri, rep := range replacements {
			if raceEnabled && (si+ri)%3 != 0 {
				continue // every slot and every replacement, a third of the pairs
			}
			*slot = rep
			out, err := yaml.Marshal(&doc)
			if err != nil {
				continue // not every node fits every place
			}
			checked++
			_, perr := Parse(out, "hostile\x1b[2J\n.yaml")
			if perr == nil {
				continue
			}
			assertSafe(t, perr.(*ValidationError))
			if t.Failed() {
				t.Fatalf("input:\n%s", out)
			}
		}
		*slot = orig
	}
	t.Logf("%d hostile documents over %d slots", checked, len(slots))
}

func assertSafe(t *testing.T, ve *ValidationError) {
	t.Helper()
	for _, p := range ve.Problems {
		s := p.String()
		for _, r := range s {
			if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Errorf("problem holds %U: %q", r, s)
				return
			}
		}
	}
	if lines := strings.Count(ve.Error(), "\n") + 1; lines > len(ve.Problems) {
		t.Errorf("%d problems printed on %d lines", len(ve.Problems), lines)
	}
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"plain, é, 😀":     "plain, é, 😀",
		"👩‍💻":             "👩‍💻",
		"a\nb":            `a\nb`,
		"\x1b[2J":         `\x1b[2J`,
		"bad\xffutf8":     `bad\xffutf8`,
		"\u202eevil":      `\u202eevil`,
		"zero\u200bwidth": `zero\u200bwidth`,
	} {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEncodingNamed(t *testing.T) {
	for _, tc := range []struct {
		data []byte
		want string
	}{
		{[]byte("\xff\xfe\x00\x00t\x00\x00\x00"), "UTF-32LE"},
		{[]byte("\x00\x00\xfe\xff\x00\x00\x00t"), "UTF-32BE"},
		{[]byte("t\x00\x00\x00i\x00\x00\x00"), "UTF-32LE"},
		{[]byte("\xff\xfet\x00i\x00"), "UTF-16LE"},
		{[]byte("\xfe\xff\x00t\x00i"), "UTF-16BE"},
		{[]byte("t\x00i\x00t\x00"), "UTF-16LE"},
	} {
		_, err := Parse(tc.data, "enc.yaml")
		if err == nil || !strings.Contains(err.Error(), "looks like "+tc.want) {
			t.Errorf("%q: %v, want it called %s", tc.data, err, tc.want)
		}
	}
}

// TestSizeLimits: a chart over MaxItemsPerChart and a file over
// MaxChartsPerFile are refused with a message that names the limit.
func TestSizeLimits(t *testing.T) {
	item := func(i int) string { return fmt.Sprintf(`{"id": "i%d", "label": "I", "values": {"a": 1}}`, i) }
	chart := func(id string, items int) string {
		var its []string
		for i := range items {
			its = append(its, item(i))
		}
		return fmt.Sprintf(`{"id": %q, "view": "platforms", "title": "T", "question": "Q", "source": "s", "series": [{"id": "a", "label": "A"}], "items": [%s]}`, id, strings.Join(its, ","))
	}
	doc := func(charts ...string) []byte {
		return []byte(`{"title": "T", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary"}], "charts": [` + strings.Join(charts, ",") + `]}`)
	}
	_, err := Parse(doc(chart("big", MaxItemsPerChart+1)), "big.json")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("charts[0].items: %d items; a chart may have at most %d", MaxItemsPerChart+1, MaxItemsPerChart)) {
		t.Errorf("a chart over the limit: %v", err)
	}
	var many []string
	for i := range MaxChartsPerFile + 1 {
		many = append(many, chart(fmt.Sprintf("c%d", i), 1))
	}
	_, err = Parse(doc(many...), "many.json")
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("charts: %d charts; a file may have at most %d", MaxChartsPerFile+1, MaxChartsPerFile)) {
		t.Errorf("a file over the chart limit: %v", err)
	}
	if _, err := Parse(doc(chart("ok", MaxItemsPerChart)), "ok.json"); err != nil && strings.Contains(err.Error(), "at most") {
		t.Errorf("a chart at the limit: %v", err)
	}
}
