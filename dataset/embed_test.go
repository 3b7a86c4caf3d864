package dataset

import "testing"

func TestEmbeddedParses(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Charts) == 0 || len(c.Sources) == 0 || len(c.Findings) == 0 {
		t.Fatalf("embedded dataset is empty: %d charts, %d sources, %d findings", len(c.Charts), len(c.Sources), len(c.Findings))
	}
}
