package tui

import (
	"fmt"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"runtime"
	"strings"
	"testing"

	"github.com/charmbracelet/colorprofile"
	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/render"
)

// bigCSV is a long CSV of at most size bytes: charts in eight views, 400
// items of three series each, the way a large survey export looks.
func bigCSV(size int) []byte {
	var b strings.Builder
	b.Grow(size)
	b.WriteString("chart,item,series,value,view,n\n")
	series := []string{"Nurses", "Physicians", "Pharmacists"}
	var block strings.Builder
	for i := 0; ; i++ {
		ch, it := i/400, i%400
		block.Reset()
		for s, name := range series {
			fmt.Fprintf(&block, "Question %d of the staff survey,Answer option %d,%s,%d.%d,Topic %d,%d\n", ch, it, name, (ch*7+it*3+s*11)%100, it%10, ch%8, 1200)
		}
		if b.Len()+block.Len() > size {
			return []byte(b.String())
		}
		b.WriteString(block.String())
	}
}

// BenchmarkOpenLargeCSV opens a CSV at the size limit (10 MiB) and draws the
// explorer's first frame on its first chart view at 120x40: what
// 'docsurvey --data big.csv' does before the first screen.
//
//	go test ./tui -run '^$' -bench OpenLargeCSV -benchmem -count 5
func BenchmarkOpenLargeCSV(b *testing.B) {
	data := bigCSV(dataset.MaxFileSize)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		render.ResetCache()
		c, err := dataset.ParseCSV(data, "big.csv", dataset.CSVMeta{})
		if err != nil {
			b.Fatal(err)
		}
		m := New(Options{Data: c, Width: 120, Height: 40, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		m.Update(keyMsg("2"))
		_ = m.View()
		m.Close()
	}
}

// BenchmarkSessionOnLargeCSV is one more viewer of an opened 10 MiB CSV:
// a new model and its first frame. The collection is shared read-only, so
// what a session allocates (B/op) is its own frames and state, not a copy
// of the data; heap-MiB reports the heap held with the data and 50 sessions
// open, against file-MiB.
//
//	go test ./tui -run '^$' -bench SessionOnLargeCSV -benchmem -count 5
func BenchmarkSessionOnLargeCSV(b *testing.B) {
	data := bigCSV(dataset.MaxFileSize)
	c, err := dataset.ParseCSV(data, "big.csv", dataset.CSVMeta{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		m := New(Options{Data: c, Width: 120, Height: 40, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		m.Update(keyMsg("2"))
		_ = m.View()
		m.Close()
	}
	b.StopTimer()
	var open []*Model
	for range 50 {
		m := New(Options{Data: c, Width: 120, Height: 40, Env: terminal.Env{Profile: colorprofile.ANSI256, Dark: true}})
		m.Update(keyMsg("2"))
		_ = m.View()
		open = append(open, m)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(len(data))/(1<<20), "file-MiB")
	for _, m := range open {
		if m.common.Data != c {
			b.Fatal("a session holds its own copy of the collection")
		}
		m.Close()
	}
}
