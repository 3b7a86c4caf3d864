package present

import (
	"reflect"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// TestWireCarriesEveryStateField sets every field of explore.State to a
// value other than its zero and checks that the wire brings each back,
// except Big, which is each viewer's own. A field added to State and not
// to the wire (as Whiskers once was) fails here, so followers on another
// replica never miss what followers on the presenter's replica see.
func TestWireCarriesEveryStateField(t *testing.T) {
	var st explore.State
	v := reflect.ValueOf(&st).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Bool:
			f.SetBool(true)
		case reflect.String:
			f.SetString("x" + v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(i + 1))
		case reflect.Slice:
			f.Set(reflect.ValueOf([]dataset.Ref{{Chart: "c", Item: "i", Series: "s"}}))
		default:
			t.Fatalf("explore.State.%s is a %s: teach this test and the wire about it", v.Type().Field(i).Name, f.Kind())
		}
	}
	b, err := encodeScreen(Screen{State: st}, version{Epoch: 1, Seq: 1}, "p")
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := decodeScreen(b)
	if err != nil {
		t.Fatal(err)
	}
	st.Big = false // each viewer's own: not sent
	if !reflect.DeepEqual(out.State, st) {
		t.Fatalf("the wire lost a field:\n sent %+v\n got  %+v", st, out.State)
	}
}
