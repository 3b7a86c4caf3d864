package main

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// reflectValue is the collection a *dataset.Collection points to.
func reflectValue(c any) reflect.Value { return reflect.ValueOf(c).Elem() }

// writer writes a value as a Go composite literal of package dataset's
// types: zero and unexported fields left out, nil and empty slices and maps kept apart,
// map keys sorted so the output is stable.
type writer struct{ buf *bytes.Buffer }

// typeName is t as written inside package dataset.
func typeName(t reflect.Type) string { return strings.ReplaceAll(t.String(), "dataset.", "") }

// value writes v's literal.
func (w *writer) value(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Struct:
		return w.structLit(v, false)
	case reflect.Slice:
		return w.sliceLit(v)
	case reflect.Map:
		return w.mapLit(v)
	case reflect.Pointer:
		if v.IsNil() {
			w.buf.WriteString("nil")
			return nil
		}
		fmt.Fprintf(w.buf, "ptrTo[%s](", typeName(v.Type().Elem()))
		if err := w.value(v.Elem()); err != nil {
			return err
		}
		w.buf.WriteString(")")
		return nil
	}
	return w.scalar(v)
}

// scalar writes a string, number or bool.
func (w *writer) scalar(v reflect.Value) error {
	switch v.Kind() {
	case reflect.String:
		w.buf.WriteString(strconv.Quote(v.String()))
	case reflect.Bool:
		w.buf.WriteString(strconv.FormatBool(v.Bool()))
	case reflect.Int, reflect.Int64, reflect.Int32:
		w.buf.WriteString(strconv.FormatInt(v.Int(), 10))
	case reflect.Float64:
		f := v.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			return fmt.Errorf("cannot write %v as a Go constant", f)
		}
		w.buf.WriteString(strconv.FormatFloat(f, 'g', -1, 64))
	default:
		return fmt.Errorf("embedgen does not know how to write a %s", v.Type())
	}
	return nil
}

// element writes a slice element or map value, its type left out where Go
// allows it (gofmt -s style).
func (w *writer) element(v reflect.Value) error {
	if v.Kind() == reflect.Struct {
		return w.structLit(v, true)
	}
	return w.value(v)
}

// structLit writes a struct literal, without its type name if elide.
func (w *writer) structLit(v reflect.Value, elide bool) error {
	t := v.Type()
	if !elide {
		w.buf.WriteString(typeName(t))
	}
	w.buf.WriteString("{")
	for i := range t.NumField() {
		f := t.Field(i)
		// Unexported fields are what Parse derives from the exported ones
		// (the view list); dataset sets them again from the generated value.
		if !f.IsExported() || v.Field(i).IsZero() {
			continue
		}
		fmt.Fprintf(w.buf, "\n%s: ", f.Name)
		if err := w.value(v.Field(i)); err != nil {
			return err
		}
		w.buf.WriteString(",")
	}
	w.buf.WriteString("\n}")
	return nil
}

// sliceLit writes a slice literal, or nil.
func (w *writer) sliceLit(v reflect.Value) error {
	if v.IsNil() {
		w.buf.WriteString("nil")
		return nil
	}
	fmt.Fprintf(w.buf, "%s{", typeName(v.Type()))
	for i := range v.Len() {
		w.buf.WriteString("\n")
		if err := w.element(v.Index(i)); err != nil {
			return err
		}
		w.buf.WriteString(",")
	}
	w.buf.WriteString("\n}")
	return nil
}

// mapLit writes a map literal with sorted keys, or nil.
func (w *writer) mapLit(v reflect.Value) error {
	if v.IsNil() {
		w.buf.WriteString("nil")
		return nil
	}
	if v.Type().Key().Kind() != reflect.String {
		return fmt.Errorf("embedgen writes maps with string keys only, not %s", v.Type())
	}
	keys := v.MapKeys()
	slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
	fmt.Fprintf(w.buf, "%s{", typeName(v.Type()))
	for _, k := range keys {
		fmt.Fprintf(w.buf, "\n%s: ", strconv.Quote(k.String()))
		if err := w.element(v.MapIndex(k)); err != nil {
			return err
		}
		w.buf.WriteString(",")
	}
	w.buf.WriteString("\n}")
	return nil
}
