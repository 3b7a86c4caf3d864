package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestExportWritesTheScreen: Export writes text, Markdown, CSV and, with
// pins, the pinned figures; the pins' Markdown table escapes its cells as
// the report's Markdown does (a pipe, and HTML in a label).
func TestExportWritesTheScreen(t *testing.T) {
	src := `{"title": "T", "sources": [{"id": "s", "label": "S", "publisher": "P", "title": "T", "kind": "secondary"}],
"charts": [{"id": "c", "view": "platforms", "title": "T", "question": "Q", "source": "s", "series": [{"id": "a", "label": "A"}],
"items": [{"id": "i", "label": "<b>x|y</b>", "values": {"a": 5}}, {"id": "j", "label": "Plain", "values": {"a": 7}}]}]}`
	c, err := dataset.Parse([]byte(src), "f.json")
	if err != nil {
		t.Fatal(err)
	}
	st := explore.Start().GotoViewID(c, "platforms")
	st.Pins = []dataset.Ref{{Chart: "c", Item: "i"}, {Chart: "c", Item: "j"}}
	dir := t.TempDir()
	paths, err := Export(dir, exportTime, c, st, ExportOptions{Width: 80})
	if err != nil {
		t.Fatal(err)
	}
	var exts []string
	for _, p := range paths {
		exts = append(exts, strings.TrimPrefix(filepath.Base(p), "docsurvey-platforms-20261121-103005."))
	}
	if strings.Join(exts, " ") != "txt md csv pins.csv" {
		t.Fatalf("files: %v", exts)
	}
	md, err := os.ReadFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "## Pinned for comparison") || !strings.Contains(string(md), `| &lt;b&gt;x\|y&lt;/b&gt; |`) {
		t.Fatalf("pins table not escaped:\n%s", md)
	}
	txt, _ := os.ReadFile(paths[0])
	if !strings.Contains(string(txt), "Plain") {
		t.Fatalf("text export:\n%s", txt)
	}
}
