package dataset

import (
	"fmt"
	"os"
	"testing"
)

// BenchmarkParseShipped parses and validates the shipped dataset.
func BenchmarkParseShipped(b *testing.B) {
	data := EmbeddedBytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(data, "survey.yaml"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseAliasBomb measures how quickly an alias bomb inside the
// schema is refused: it stops at MaxNodes.
func BenchmarkParseAliasBomb(b *testing.B) {
	data, err := os.ReadFile("testdata/invalid/alias-bomb-schema.yaml")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Parse(data, "bomb.yaml"); err == nil {
			b.Fatal("the bomb parsed")
		}
	}
}

// BenchmarkParseCSV reads a long CSV at the size limit (10 MiB): 3 series
// of 400 items per chart, charts in eight views.
//
//	go test ./dataset -run '^$' -bench ParseCSV -benchmem -count 5
func BenchmarkParseCSV(b *testing.B) {
	var buf []byte
	for i := 0; ; i++ {
		row := []byte{}
		for s, name := range []string{"Nurses", "Physicians", "Pharmacists"} {
			row = fmt.Appendf(row, "Question %d of the staff survey,Answer option %d,%s,%d.%d,Topic %d,1200\n", i/400, i%400, name, (i+s*11)%100, i%10, i/400%8)
		}
		if len(buf)+len(row) > MaxFileSize-64 {
			break
		}
		buf = append(buf, row...)
	}
	data := append([]byte("chart,item,series,value,view,n\n"), buf...)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseCSV(data, "big.csv", CSVMeta{}); err != nil {
			b.Fatal(err)
		}
	}
}
