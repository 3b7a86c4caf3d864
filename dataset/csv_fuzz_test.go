package dataset

import (
	"errors"
	"os"
	"testing"
)

// FuzzParseCSV feeds the CSV reader arbitrary bytes. It must not panic; an
// error is a *ValidationError whose text is safe to print, each problem
// naming the file; a table that reads is a valid collection, and it writes
// out as YAML that parses back to the same figures (the import round trip).
//
//	go test ./dataset -run '^$' -fuzz FuzzParseCSV -fuzztime 60s
func FuzzParseCSV(f *testing.F) {
	if b, err := os.ReadFile("../testdata/nurses-tools.csv"); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"Barrier,Nurses,Physicians\nCost,42,35\nTraining,61,40\n",
		"\ufeffBarrier;Nurses;Physicians\r\nCost;42 %;35,5%\r\n\"Lack; of\ntraining\";61%;40%\r\n;;\r\n",
		"chart,item,series,value,view,n,question,source\nA,x,s,1,V,10,Q?,S\nA,y,s,2,V,10,,S\nB,x,t,3,W,,,T\n",
		"chart,item,value\nA,x,1\n",
		"l,A\nx\"y,1\n",
		"l,A,a\n,1,2\nx,NaN,1e309\nx,-0,0x1p-2\n",
		"l,A\n\"\x1b[2J\",1\n\xff,2\n",
		"overview,sources\nview,1\n",
		"chart,item,series,value,view\noverview,sources,overview,5,Sources\n",
		"a\n",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseCSV(data, "fuzz.csv", CSVMeta{})
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				t.Fatalf("error %T %v is not a *ValidationError with problems", err, err)
			}
			for _, p := range ve.Problems {
				if p.File != "fuzz.csv" {
					t.Fatalf("problem names file %q", p.File)
				}
			}
			for _, r := range err.Error() {
				if r != '\n' && unsafeRune(r) {
					t.Fatalf("problem text holds %U: %q", r, err.Error())
				}
			}
			return
		}
		if len(c.Charts) == 0 || len(c.Sources) == 0 {
			t.Fatalf("read with no charts or sources")
		}
		raw, err := CSVCollection(data, "fuzz.csv", CSVMeta{})
		if err != nil {
			t.Fatalf("ParseCSV reads it, CSVCollection does not: %v", err)
		}
		out, err := EncodeYAML(raw, []string{SchemaLine})
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse(out, "fuzz.yaml")
		if err != nil {
			if len(out) > MaxFileSize {
				return // the YAML may be larger than the CSV
			}
			t.Fatalf("the YAML written does not parse: %v\n%s", err, out)
		}
		if a, b := figures(c), figures(back); a != b {
			t.Fatalf("figures differ after the round trip\nCSV:\n%s\nYAML:\n%s", a, b)
		}
	})
}
