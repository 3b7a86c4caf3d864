package report

import (
	"reflect"
	"strings"
)

// htmlEscaper turns the angle brackets that start HTML in Markdown into
// entities (an & stays: "AT&T" must read as it is): a label "<img src=x onerror=alert(1)>" or "<script>" shows as
// text wherever the Markdown is rendered, instead of running as HTML.
var htmlEscaper = strings.NewReplacer("<", "&lt;", ">", "&gt;")

// escapeHTMLIn escapes every string of the document in place, through
// every struct, slice and pointer, so no field written to Markdown is
// forgotten. The document is built for one Write.
func escapeHTMLIn(d *doc) { escapeValue(reflect.ValueOf(d).Elem()) }

func escapeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			v.SetString(htmlEscaper.Replace(v.String()))
		}
	case reflect.Pointer:
		if !v.IsNil() {
			escapeValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			escapeValue(v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			escapeValue(v.Index(i))
		}
	}
}
