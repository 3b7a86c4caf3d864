package dataset

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// The example data file in the repository's testdata, documented in
// docs/schema.md, in YAML and in JSON.
const (
	exampleYAML = "../testdata/example.yaml"
	exampleJSON = "../testdata/example.json"
)

func TestExampleLoads(t *testing.T) {
	c, err := Load(exampleYAML)
	if err != nil {
		t.Fatalf("the schema's example does not load:\n%v", err)
	}
	// It shows every kind of entry the schema page promises.
	if len(c.Sources) != 3 || len(c.Measures) != 1 || len(c.Charts) != 2 || len(c.Findings) != 2 || len(c.Checks) != 1 || len(c.Tour) != 1 {
		t.Fatalf("example has %d sources, %d measures, %d charts, %d findings, %d checks, %d tour steps",
			len(c.Sources), len(c.Measures), len(c.Charts), len(c.Findings), len(c.Checks), len(c.Tour))
	}
	if n := len(c.Chart("number-of-sites").Series); n != 2 {
		t.Errorf("number-of-sites has %d series, want 2", n)
	}
	if n := len(c.Chart("benefits").Series); n != 1 {
		t.Errorf("benefits has %d series, want 1", n)
	}
	ref := c.Findings[0]
	if ref.Ref == "" || ref.Value == nil || *ref.Value != 87 || ref.Source != "hwc" || len(ref.Variants) != 2 || ref.Unit != UnitPercent {
		t.Errorf("the ref finding did not take the chart figure: %+v", ref)
	}
	worded := c.Findings[1]
	if worded.Value != nil || worded.Qualifier != "nearly half" || worded.Source != "kantar" {
		t.Errorf("worded finding: %+v", worded)
	}
	got := c.MeasureFigures("personal-use")
	if len(got) != 3 || *got[0].Value != 87 || *got[1].Value != 90 || got[1].Qualifier != "almost" || got[2].Source != "hcni" {
		t.Errorf("measure figures: %+v", got)
	}
	var sums []string
	for _, r := range c.CheckResults() {
		sums = append(sums, r.String())
	}
	want := "number-of-sites/total professional: 41 + 26 = 67; number-of-sites/total personal: 33 + 54 = 87"
	if strings.Join(sums, "; ") != want {
		t.Errorf("checks: %q, want %q", strings.Join(sums, "; "), want)
	}
}

// TestExampleJSONMatchesYAML: the JSON file says the same as the YAML one,
// so both spellings of the schema decode to the same values.
func TestExampleJSONMatchesYAML(t *testing.T) {
	y, err := Load(exampleYAML)
	if err != nil {
		t.Fatal(err)
	}
	j, err := Load(exampleJSON)
	if err != nil {
		t.Fatalf("example.json does not load:\n%v", err)
	}
	if !reflect.DeepEqual(y, j) {
		t.Errorf("example.json and example.yaml differ:\nyaml %+v\njson %+v", y, j)
	}
}

// TestExampleQuotes: the example quotes its documents as exactly as the
// shipped data does.
func TestExampleQuotes(t *testing.T) {
	c, err := Load(exampleYAML)
	if err != nil {
		t.Fatal(err)
	}
	docs := readDocuments(t)
	in := func(where, wording, source string) {
		s := c.Source(source)
		if wording != "" && s.Kind == KindPrimary && !strings.Contains(docs[s.Document], normalise(wording)) {
			t.Errorf("%s: %s does not contain %q", where, s.Document, wording)
		}
	}
	for _, ch := range c.Charts {
		for _, it := range ch.Items {
			for sid, f := range it.Values {
				in(ch.ID+"/"+it.ID+"/"+sid, f.Wording, ch.SourceOf(f))
				for _, v := range f.Variants {
					in(ch.ID+"/"+it.ID+"/"+sid+" variant", v.Wording, v.Source)
				}
			}
		}
	}
	for _, fd := range c.Findings {
		in("findings/"+fd.ID, fd.Wording, fd.Source)
	}
}

// TestSchemaPageShowsExample: docs/schema.md ends with the example file,
// verbatim, so the page cannot drift from a file the tests load.
func TestSchemaPageShowsExample(t *testing.T) {
	page, err := os.ReadFile("../docs/schema.md")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(exampleYAML)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), "```yaml\n"+string(example)+"```\n") {
		t.Error("docs/schema.md does not show testdata/example.yaml verbatim; paste the file into its Example section")
	}
}

// TestByteOrderMark: a UTF-8 byte-order mark, as some editors write, is fine.
func TestByteOrderMark(t *testing.T) {
	example, err := os.ReadFile(exampleYAML)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(append([]byte("\ufeff"), example...), "bom.yaml"); err != nil {
		t.Errorf("example with a BOM: %v", err)
	}
}
