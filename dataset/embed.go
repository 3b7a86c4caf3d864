package dataset

import (
	_ "embed"
	"sync"
)

// EmbeddedName is the name the shipped dataset goes by in messages.
const EmbeddedName = "survey.yaml (embedded)"

//go:embed survey.yaml
var embeddedYAML []byte

var embedded = sync.OnceValues(func() (*Collection, error) {
	return Parse(embeddedYAML, EmbeddedName)
})

// Embedded returns the shipped collection, parsed once. The tests guarantee it
// parses and validates, so an error here means a broken build.
func Embedded() (*Collection, error) { return embedded() }

// EmbeddedBytes returns a copy of the shipped dataset file, e.g. to print it
// as an example of the schema.
func EmbeddedBytes() []byte { return append([]byte(nil), embeddedYAML...) }
