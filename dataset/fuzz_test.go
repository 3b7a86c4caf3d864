package dataset

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary bytes. Whatever the input, Parse must not
// panic, and must either return a collection that holds together or a
// *ValidationError whose text is safe to print to a terminal.
//
//	go test ./dataset -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	f.Add(EmbeddedBytes())
	for _, pattern := range []string{"../testdata/example.*", "testdata/invalid/*.yaml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil && len(b) < 1<<16 {
				f.Add(b)
			}
		}
	}
	for _, s := range []string{
		`{"title": "t", "sources": [{"id": "s", "label": "L", "publisher": "P", "title": "T", "kind": "secondary"}]}`,
		`{"title": "t", "sources": [], "charts": [{"id": 1, "items": [{"values": {"a": 1e999}}]}]}`,
		`[1, 2, {"a": null}]`,
		`{"title": "\u001b[2J\u202e", "sources": {}}`,
		billionLaughs,
		"title: " + strings.Repeat("[", 200) + strings.Repeat("]", 200),
		"title: " + strings.Repeat("{a: ", 100) + strings.Repeat("}", 100),
		"a: &a [*a]\ntitle: *a\nsources: &s [*s]\n",
		"title: x\nsources: [&s {id: s, label: L, publisher: P, title: T, kind: secondary}, *s]\n",
		"--- !!binary\nAAAA\n",
		"title: !!float x\n",
		"\xef\xbb\xbftitle: bom\n",
		"\xff\xfe\x00t\x00",
		"\x00\x01\x02\x03binary\x7f\x80\xfe",
		"title: x\ncharts:\n  - values: {a: .inf, b: -.nan}\nchecks: [{kind: sum, total: a/b, parts: [a/b]}]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz.yaml")
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error %T %v is not a *ValidationError with problems", err, err)
			}
			if c != nil {
				t.Fatal("a collection came back with an error")
			}
			for _, r := range err.Error() {
				if r != '\n' && unsafeRune(r) {
					t.Fatalf("problem text holds %U: %q", r, err.Error())
				}
			}
			return
		}
		// A collection that parsed holds together: sources resolve, checks
		// hold, refs resolved, and no text can drive a terminal.
		if len(c.Sources) == 0 || c.Title == "" {
			t.Fatalf("parsed with no title or sources: %+v", c)
		}
		for _, r := range c.CheckResults() {
			if !r.OK {
				t.Fatalf("parsed but check fails: %s", r)
			}
		}
		for _, fd := range c.Findings {
			if fd.Source != "" && c.Source(fd.Source) == nil {
				t.Fatalf("finding %s cites unknown source %q", fd.ID, fd.Source)
			}
			if fd.Ref != "" && fd.Value == nil {
				t.Fatalf("finding %s has ref %s but no value", fd.ID, fd.Ref)
			}
		}
		for _, ch := range c.Charts {
			if c.Source(ch.Source) == nil {
				t.Fatalf("chart %s cites unknown source %q", ch.ID, ch.Source)
			}
			for _, it := range ch.Items {
				if len(it.Values) != len(ch.Series) {
					t.Fatalf("item %s/%s has %d values for %d series", ch.ID, it.ID, len(it.Values), len(ch.Series))
				}
				if msg := checkText(it.Label); msg != "" {
					t.Fatalf("label %q: %s", it.Label, msg)
				}
			}
		}
	})
}

// billionLaughs is the classic alias bomb: ten aliases to ten aliases, nine
// levels deep, a billion strings if expanded.
var billionLaughs = func() string {
	var b strings.Builder
	b.WriteString("title: lol\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		p := "*a" + string(rune('0'+i-1))
		b.WriteString("a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" + strings.Repeat(p+", ", 9) + p + "]\n")
	}
	b.WriteString("sources: *a9\ntour: *a9\n")
	return b.String()
}()
