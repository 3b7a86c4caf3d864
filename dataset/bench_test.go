package dataset

import (
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
