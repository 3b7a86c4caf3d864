package dataset

import (
	_ "embed"
	"sync"
)

// EmbeddedName is the name the shipped dataset goes by in messages.
const EmbeddedName = "survey.yaml (embedded)"

//go:generate go run -tags embedgen ./internal/embedgen

//go:embed survey.yaml
var embeddedYAML []byte

// embedded is the generated value of survey.yaml (embed_gen.go), which
// spares the start parsing YAML; TestGeneratedMatchesYAML keeps it equal to
// parsing the file.
var embedded = sync.OnceValues(func() (*Collection, error) {
	if c := generated(); c != nil {
		c.derive() // as Parse does, not generated
		return c, nil
	}
	return Parse(embeddedYAML, EmbeddedName)
})

// Embedded returns the shipped collection, built once from the value
// generated from survey.yaml. The tests guarantee the file parses and
// validates to that value, so an error here means a broken build.
func Embedded() (*Collection, error) { return embedded() }

// EmbeddedBytes returns a copy of the shipped dataset file, e.g. to print it
// as an example of the schema.
func EmbeddedBytes() []byte { return append([]byte(nil), embeddedYAML...) }
