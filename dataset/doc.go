// Package dataset holds the survey data docsurvey explores: the shipped
// collection, embedded in the binary, and the loading and validation of a
// user's YAML or JSON file of the same shape, or of a CSV table (csv.go);
// the views each collection shows (viewdecl.go); and writing a collection
// back out as YAML (yamlout.go).
//
// It is plain data and pure functions. It never imports the UI, and a loaded
// *Collection is never modified afterwards, so one value may be shared by
// every session of a server.
package dataset
