package main

import (
	"bytes"
	"math"
	"reflect"
	"strings"
	"testing"
)

type sample struct {
	Name   string
	Empty  []string
	Nil    []string
	Values map[string]float64
	Ptr    *float64
	hidden int
}

// TestLiteral checks the cases reflect.DeepEqual tells apart: a nil and an
// empty slice, a pointer, sorted map keys; and that unexported and zero
// fields are left out.
func TestLiteral(t *testing.T) {
	f := 2.0
	v := sample{Name: "a \"b\"", Empty: []string{}, Values: map[string]float64{"z": 1, "a": 0.5}, Ptr: &f, hidden: 3}
	var b bytes.Buffer
	if err := (&writer{buf: &b}).value(reflect.ValueOf(v)); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(strings.Fields(b.String()), " ")
	want := `main.sample{ Name: "a \"b\"", Empty: []string{ }, Values: map[string]float64{ "a": 0.5, "z": 1, }, Ptr: ptrTo[float64](2), }`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestLiteralRefusesNaN checks that a value with no Go constant is an
// error, not a file that does not compile.
func TestLiteralRefusesNaN(t *testing.T) {
	var b bytes.Buffer
	if err := (&writer{buf: &b}).value(reflect.ValueOf(math.NaN())); err == nil {
		t.Fatal("NaN written as a constant")
	}
}
