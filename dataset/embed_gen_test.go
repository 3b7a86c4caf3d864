package dataset

import (
	"reflect"
	"testing"
)

// TestGeneratedMatchesYAML keeps survey.yaml the source of truth: the Go
// value the program starts from (embed_gen.go) must be exactly what parsing
// and validating the embedded file gives. After editing survey.yaml or the
// types, run go generate ./dataset.
func TestGeneratedMatchesYAML(t *testing.T) {
	parsed, err := Parse(embeddedYAML, EmbeddedName)
	if err != nil {
		t.Fatal(err)
	}
	if generated() == nil {
		t.Skip("built with the embedgen tag: no generated value")
	}
	got, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(parsed, got) {
		t.Fatal("the shipped collection differs from parsing survey.yaml: run go generate ./dataset " +
			"(or, for a new unexported field, derive it in embed.go as Parse does)")
	}
}

// TestGeneratedIsFresh checks that each call builds a new value, so a
// caller changing the collection cannot change another's.
func TestGeneratedIsFresh(t *testing.T) {
	a, b := generated(), generated()
	if a == nil {
		t.Skip("built with the embedgen tag")
	}
	a.Title = "changed"
	if b.Title == "changed" {
		t.Fatal("generated returns shared values")
	}
}

// BenchmarkShippedStart compares the two ways the shipped collection can
// be built at start: parsing and validating survey.yaml, and the generated
// value the program uses.
func BenchmarkShippedStart(b *testing.B) {
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := Parse(embeddedYAML, EmbeddedName); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("generated", func(b *testing.B) {
		for b.Loop() {
			if generated() == nil {
				b.Skip("built with the embedgen tag")
			}
		}
	})
}
