package dataset

import (
	"strings"
	"testing"
)

// TestImportRoundTrip reads tables into collections, writes them as YAML,
// parses that back and checks the figures, views and sources are the same:
// CSV → YAML → same figures.
func TestImportRoundTrip(t *testing.T) {
	tests := []struct {
		name, file, in string
		meta           CSVMeta
	}{
		{"wide", "telehealth.csv", "\ufeffBarrier;Nurses;Physicians\nCost;42 %;35,5%\n\"Lack; of training\";61%;40%\n", CSVMeta{}},
		{"wide sourced", "t.csv", "l,A\nx,1\ny,99.5\n", CSVMeta{Title: "T", SourceLabel: "RCN 2024", Date: "2024", Sample: 10}},
		{"long", "s.csv", "chart,item,series,value,view,source,question,n\nUse,Video,Nurses,62,Adoption,RCN 2024,Do you use video visits?,400\nUse,Video,Physicians,70,Adoption,AMA 2023,,380\nCost,Money,Nurses,30,Barriers,RCN 2024,,\n", CSVMeta{}},
		{"odd labels", "o.csv", "l,\"Yes: \"\"often\"\"\",#1\n\"- dash\",1,2\n\"null\",3,4\n\"true\",5,6\n\"10\",7,8\n", CSVMeta{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := CSVCollection([]byte(tt.in), tt.file, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			out, err := EncodeYAML(raw, []string{SchemaLine})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(out), SchemaLine+"\n") {
				t.Errorf("no schema line at the top:\n%s", out)
			}
			back, err := Parse(out, "out.yaml")
			if err != nil {
				t.Fatalf("the YAML written does not validate: %v\n%s", err, out)
			}
			direct, err := ParseCSV([]byte(tt.in), tt.file, tt.meta)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := figures(direct), figures(back); a != b {
				t.Errorf("figures differ\nCSV:\n%s\nYAML:\n%s", a, b)
			}
			if a, b := strings.Join(direct.ViewIDs(), " "), strings.Join(back.ViewIDs(), " "); a != b {
				t.Errorf("views differ: CSV %q, YAML %q", a, b)
			}
			if len(direct.Sources) != len(back.Sources) || direct.Sources[0] != back.Sources[0] {
				t.Errorf("sources differ: %+v vs %+v", direct.Sources, back.Sources)
			}
			if direct.Charts[0].Question != back.Charts[0].Question || direct.Charts[0].Base != back.Charts[0].Base {
				t.Errorf("chart fields differ: %+v vs %+v", direct.Charts[0], back.Charts[0])
			}
		})
	}
}
