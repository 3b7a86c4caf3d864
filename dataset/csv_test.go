package dataset

import (
	"errors"
	"strings"
	"testing"
)

// figures flattens a collection's charts to "chart/item/series=value" lines,
// in order, for comparing what two readings hold.
func figures(c *Collection) string {
	var b strings.Builder
	for _, ch := range c.Charts {
		b.WriteString("[" + ch.ID + " " + ch.Title + " view=" + ch.View + " src=" + ch.Source + "]\n")
		for _, it := range ch.Items {
			for _, s := range ch.Series {
				f := it.Values[s.ID]
				b.WriteString(it.ID + "(" + it.Label + ")/" + s.ID + "(" + s.Label + ")=" + formatNumber(f.Value))
				if f.Source != "" {
					b.WriteString(" src=" + f.Source)
				}
				if f.Note != "" {
					b.WriteString(" note=" + f.Note)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// TestParseCSV reads both shapes with either delimiter, a BOM, '%' and
// decimal commas, and checks the charts, items, series and values.
func TestParseCSV(t *testing.T) {
	tests := []struct {
		name, file, in string
		want, views    string
	}{
		{"wide comma", "telehealth.csv", "Barrier,Nurses,Physicians\nCost,42,35\nTraining,61,40\n",
			"[telehealth Telehealth view=telehealth src=file]\ncost(Cost)/nurses(Nurses)=42\ncost(Cost)/physicians(Physicians)=35\ntraining(Training)/nurses(Nurses)=61\ntraining(Training)/physicians(Physicians)=40\n",
			"overview telehealth sources"},
		{"wide semicolon, BOM, % and decimal comma", "barriers.csv", "\ufeffBarrier;Nurses;Physicians\r\nCost;42 %;35,5%\r\n\"Lack; of training\";61%;40%\r\n;;\r\n",
			"[barriers Barriers view=barriers src=file]\ncost(Cost)/nurses(Nurses)=42\ncost(Cost)/physicians(Physicians)=35.5\nlack-of-training(Lack; of training)/nurses(Nurses)=61\nlack-of-training(Lack; of training)/physicians(Physicians)=40\n",
			"overview barriers sources"},
		{"wide one series, quoted comma", "x.csv", "label,Share\n\"Yes, often\",12.5\nNo,87.5\n",
			"[x X view=x src=file]\nyes-often(Yes, often)/share(Share)=12.5\nno(No)/share(Share)=87.5\n", "overview x sources"},
		{"long, columns in any order, views and sources", "survey.csv",
			"Value,Series,Item,Chart,View,Source\n62,Nurses,Video visits,Use,Adoption,RCN 2024\n70,Physicians,Video visits,Use,Adoption,AMA 2023\n30,Nurses,Cost,Barriers,Barriers,RCN 2024\n",
			"[use Use view=adoption src=rcn-2024]\nvideo-visits(Video visits)/nurses(Nurses)=62\nvideo-visits(Video visits)/physicians(Physicians)=70 src=ama-2023\n[barriers Barriers view=barriers src=rcn-2024]\ncost(Cost)/nurses(Nurses)=30\n",
			"overview adoption barriers sources"},
		{"long semicolon without view: one view from the file", "nurses.csv", "chart;item;series;value\nA;x;s;1,5\nB;y;s;2%\n",
			"[a A view=nurses src=file]\nx(x)/s(s)=1.5\n[b B view=nurses src=file]\ny(y)/s(s)=2\n", "overview nurses sources"},
		{"long n on every figure alike goes on the chart", "n.csv", "chart,item,series,value,n\nA,x,s,10,400\nA,y,s,20,400\n",
			"[a A view=n src=file]\nx(x)/s(s)=10\ny(y)/s(s)=20\n", "overview n sources"},
		{"long n that differs goes on each figure", "n.csv", "chart,item,series,value,n\nA,x,s,10,400\nA,y,s,20,380\n",
			"[a A view=n src=file]\nx(x)/s(s)=10 note=n = 400\ny(y)/s(s)=20 note=n = 380\n", "overview n sources"},
		{"long n the same within each series goes in the series label", "n.csv", "chart,item,series,value,n\nA,x,Nurses,10,1200\nA,x,Physicians,20,800\nA,y,Nurses,30,1200\nA,y,Physicians,40,800\n",
			"[a A view=n src=file]\nx(x)/nurses(Nurses (n=1200))=10\nx(x)/physicians(Physicians (n=800))=20\ny(y)/nurses(Nurses (n=1200))=30\ny(y)/physicians(Physicians (n=800))=40\n", "overview n sources"},
		{"item and value as a wide header", "w.csv", "item,value\nx,5\n", "[w W view=w src=file]\nx(x)/value(value)=5\n", "overview w sources"},
		{"labels that make the same ID", "d.csv", "l,A,a!\nX,1,2\nx?,3,4\n",
			"[d D view=d src=file]\nx(X)/a(A)=1\nx(X)/a-2(a!)=2\nx-2(x?)/a(A)=3\nx-2(x?)/a-2(a!)=4\n", "overview d sources"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCSV([]byte(tt.in), tt.file, CSVMeta{})
			if err != nil {
				t.Fatal(err)
			}
			if got := figures(c); got != tt.want {
				t.Errorf("figures:\n%s\nwant:\n%s", got, tt.want)
			}
			if got := strings.Join(c.ViewIDs(), " "); got != tt.views {
				t.Errorf("views = %q, want %q", got, tt.views)
			}
			if len(c.FindingsIn(ViewOverview)) != len(c.Charts) {
				t.Errorf("overview has %d findings, want one per chart", len(c.FindingsIn(ViewOverview)))
			}
		})
	}
}

// TestParseCSVBase checks the respondents of a uniform n column.
func TestParseCSVBase(t *testing.T) {
	c, err := ParseCSV([]byte("chart,item,series,value,n\nA,x,s,10,400\n"), "n.csv", CSVMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Charts[0].Base != "of 400 respondents" {
		t.Errorf("base = %q", c.Charts[0].Base)
	}
}

// TestCSVMeta checks that the import flags make a sourced collection, and
// that without them the file is the source, saying so.
func TestCSVMeta(t *testing.T) {
	in := []byte("l,A\nx,1\n")
	c, err := ParseCSV(in, "dir/results.csv", CSVMeta{Title: "Nurses and telehealth", SourceLabel: "RCN 2024", Date: "2024-03", Sample: 1200})
	if err != nil {
		t.Fatal(err)
	}
	s := c.Sources[0]
	if c.Title != "Nurses and telehealth" || s.ID != "rcn-2024" || s.Label != "RCN 2024" || s.Date != "2024-03" || s.Sample != 1200 || c.Charts[0].Source != "rcn-2024" {
		t.Errorf("with meta: title %q, source %+v", c.Title, s)
	}
	c, err = ParseCSV(in, "dir/results.csv", CSVMeta{})
	if err != nil {
		t.Fatal(err)
	}
	if s := c.Sources[0]; s.Label != "results.csv" || s.Publisher != "unsourced: the CSV file itself" || !strings.Contains(s.Note, "the CSV file itself") {
		t.Errorf("without meta: source %+v; want the file itself, marked unsourced", s)
	}
	if _, err := ParseCSV(in, "r.csv", CSVMeta{Date: "March"}); err == nil || !strings.Contains(err.Error(), "sources[0].date") {
		t.Errorf("a bad --date gave %v, want a problem at sources[0].date", err)
	}
}

// TestParseCSVProblems lists, for each kind of bad table, every problem
// with its FILE:LINE:COL, all collected.
func TestParseCSVProblems(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not a number", "l,A,B\nx,1,2\ny,abc,3\n", `r.csv:3:3: value "abc" is not a number; expected a percentage from 0 to 100, as 12, 12.5 or 12% (column "A")`},
		{"NaN and hex are not numbers", "l,A,B\nx,NaN,0x10\n", "r.csv:2:3: value \"NaN\" is not a number; expected a percentage from 0 to 100, as 12, 12.5 or 12% (column \"A\")\n" +
			`r.csv:2:7: value "0x10" is not a number; expected a percentage from 0 to 100, as 12, 12.5 or 12% (column "B")`},
		{"out of range", "l,A\nx,101\ny,-1%\n", "r.csv:2:3: value \"101\" is out of range; expected a percentage from 0 to 100 (column \"A\")\n" +
			`r.csv:3:3: value "-1%" is out of range; expected a percentage from 0 to 100 (column "A")`},
		{"empty value", "l,A\nx,\n", `r.csv:2:3: no value; expected a percentage from 0 to 100 (column "A")`},
		{"ragged rows", "l,A,B\nx,1\ny,1,2,3\nz,1,2\n", "r.csv:2:3: row has 2 fields; the header has 3\nr.csv:3:7: row has 4 fields; the header has 3"},
		{"empty and duplicate headers", "l,,A,a\nx,1,2,3\n", "r.csv:1:3: column 2 has no name in the header; every column needs one\n" +
			`r.csv:1:6: column "a" is named twice in the header (first as column 3)`},
		{"one column", "label\nx\n", "r.csv:1:1: the header has one column; expected the item label and one column per series (or chart, item, series, value). Is the delimiter , or ;?"},
		{"duplicate items", "l,A\nx,1\ny,2\nx,3\n", `r.csv:4:1: duplicate item "x" (first at line 2)`},
		{"no label", "l,A\n,1\n", "r.csv:2:1: no item label; the first column names each row's item"},
		{"no rows", "l,A\n", "r.csv:1:1: no rows after the header; expected one row per item"},
		{"empty file", "", "r.csv: file is empty; expected a header row, then one row per item"},
		{"long missing columns", "chart,item,value\nA,x,1\n", "r.csv:1:1: a long CSV needs the columns chart, item, series, value; missing series (or, for a wide CSV, name the first column for the items and each further one for a series)"},
		{"long unknown column", "chart,item,series,value,colour\n", `r.csv:1:25: unknown column "colour" in a long CSV; expected: chart, item, series, value, view, n, question, source, kind`},
		{"unknown kind, wide", "Site,Pro,kind\nFacebook,15,\nNeither,33,nothing\n", `r.csv:3:12: kind "nothing" is not a kind of answer; expected one of: none, total, dont-know, other, or empty for an item like the others`},
		{"kinds that differ, long", "chart,item,series,value,kind\nA,x,s,1,none\nA,x,t,2,total\n", `r.csv:3:9: kind "total" differs from item "x"'s first (line 2); an item has one kind`},
		{"long problems", "chart,item,series,value,view,n\nA,x,s,1,V,10\nA,x,s,2,V,10\nA,,s,3,V,10\nA,y,s,4,W,10\nA,z,s,5,V,ten\n",
			"r.csv:3:7: duplicate figure for item \"x\", series \"s\" in chart \"A\" (first at line 2)\n" +
				"r.csv:4:3: empty item; every row names its chart, item and series\n" +
				"r.csv:5:9: view \"W\" differs from chart \"A\"'s first (line 2); a chart has one view\n" +
				`r.csv:6:11: n "ten" is not a number of respondents; expected a whole number, 0 or more`},
		{"long missing figure", "chart,item,series,value\nA,x,s,1\nA,x,t,2\nA,y,s,3\n",
			`r.csv:4:3: item "y" of chart "A" has no row for series "t"; every item needs a figure in each series of its chart`},
		{"stray quote", "l,A\nx\"y,1\n", `r.csv:2:2: invalid CSV: bare " in non-quoted-field; a field with a quote must be quoted whole, the quote doubled ("")`},
		{"not UTF-8", "l,A\nx,1\n\xff,2\n", "r.csv:3:1: invalid UTF-8 (byte 0xff at offset 8); data files must be UTF-8"},
		{"escape in a label", "l,A\n\"\x1b[2J\",1\n", "r.csv:2:1: text contains an escape character (U+001B) at character 1; only printable text and newlines are allowed"},
		{"bidi in a header", "l,A\u202e\nx,1\n", "r.csv:1:3: column name: text contains a bidirectional control (U+202E) at character 2; only printable text and newlines are allowed"},
		{"columns counted in characters", "l,Ärzte,B\nx,1,é\n", `r.csv:2:5: value "é" is not a number; expected a percentage from 0 to 100, as 12, 12.5 or 12% (column "B")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCSV([]byte(tt.in), "r.csv", CSVMeta{})
			if err == nil {
				t.Fatalf("parsed: %s", figures(c))
			}
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("error %T is not a *ValidationError", err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestCSVKind reads the kind column of both shapes: a wide table's column
// named kind is not a series, and a long table's kind may be given on one
// row of the item or on all of them, in any case.
func TestCSVKind(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"wide, kind column between series", "Site,Pro,Kind,Personal\nFacebook,15,,61\nNone of the above,33,none,13\nAll,67,TOTAL,87\n",
			"facebook: Pro,Personal; none-of-the-above=none: Pro,Personal; all=total: Pro,Personal"},
		{"long, kind on one row", "chart,item,series,value,kind\nA,x,s,1,\nA,n,s,2,dont-know\nA,n,t,3,\nA,x,t,4,\n",
			"x: s,t; n=dont-know: s,t"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCSV([]byte(tt.in), "r.csv", CSVMeta{})
			if err != nil {
				t.Fatal(err)
			}
			ch := c.Charts[0]
			var parts []string
			for _, it := range ch.Items {
				p := it.ID
				if it.Kind != "" {
					p += "=" + it.Kind
				}
				var ss []string
				for _, s := range ch.Series {
					if _, ok := it.Values[s.ID]; ok {
						ss = append(ss, s.Label)
					}
				}
				parts = append(parts, p+": "+strings.Join(ss, ","))
			}
			if got := strings.Join(parts, "; "); got != tt.want {
				t.Errorf("items %s, want %s", got, tt.want)
			}
		})
	}
}

// TestParseFileByExtension checks that .csv (any case) goes to the CSV
// reader and anything else to the YAML one.
func TestParseFileByExtension(t *testing.T) {
	if _, err := ParseFile([]byte("l,A\nx,1\n"), "a.CSV"); err != nil {
		t.Errorf("a.CSV: %v", err)
	}
	if _, err := ParseFile([]byte("l,A\nx,1\n"), "a.yaml"); err == nil {
		t.Error("a CSV named .yaml parsed as YAML")
	}
}
