package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/internal/golden"
)

// run executes the command line in process and returns the exit code,
// stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Execute(context.Background(), Info{Version: "test"}, args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	golden.Check(t, name, []byte(got))
}

const nursesYAML = "../testdata/nurses.yaml"
const nursesCSV = "../testdata/nurses-tools.csv"

// TestShowOwnSurvey prints the non-physician example's views with show, by
// the data's view IDs, and lists them with views.
func TestShowOwnSurvey(t *testing.T) {
	for _, view := range []string{"overview", "adoption", "barriers", "sources"} {
		code, out, errs := run(t, "--data", nursesYAML, "show", view, "-w", "90")
		if code != ExitOK {
			t.Fatalf("show %s: exit %d: %s", view, code, errs)
		}
		goldenFile(t, view+".txt", out)
	}
	code, out, _ := run(t, "--data", nursesYAML, "show", "barriers", "-f", "markdown")
	if code != ExitOK {
		t.Fatal(code)
	}
	goldenFile(t, "barriers.md", out)
	code, out, _ = run(t, "--data", nursesYAML, "views")
	if code != ExitOK {
		t.Fatal(code)
	}
	goldenFile(t, "views", out)
	code, out, _ = run(t, "--data", nursesCSV, "show", "nurses-tools", "-w", "90")
	if code != ExitOK {
		t.Fatal(code)
	}
	goldenFile(t, "csv-nurses-tools.txt", out)
}

// TestViewErrorsListTheFilesViews checks that a view the data lacks is a
// usage error listing the data's own view IDs, for show, --view and serve.
func TestViewErrorsListTheFilesViews(t *testing.T) {
	want := `docsurvey: unknown view "platforms"; the views of ../testdata/nurses.yaml are: overview, adoption, barriers, sources`
	for _, args := range [][]string{
		{"--data", nursesYAML, "show", "platforms"},
		{"--data", nursesYAML, "--view", "platforms"},
		{"--data", nursesYAML, "serve", "--listen", "127.0.0.1:0", "--view", "platforms"},
	} {
		code, _, errs := run(t, args...)
		if code != ExitUsage || !strings.HasPrefix(errs, want) {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", args, code, errs, ExitUsage, want)
		}
	}
	code, _, errs := run(t, "show", "adoption")
	if code != ExitUsage || !strings.Contains(errs, "overview, platforms, benefits, connected, privacy, sources") {
		t.Errorf("shipped data: exit %d, stderr %q", code, errs)
	}
}

// TestImport writes a CSV as YAML, which validates, round-trips to the same
// figures and names the schema; --output refuses to overwrite.
func TestImport(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "mine.yaml")
	code, stdout, errs := run(t, "import", nursesCSV, "-o", out, "--title", "Nurses and telehealth", "--source-label", "Ward survey 2025", "--date", "2025-02", "--sample", "312")
	if code != ExitOK || stdout != "" || !strings.HasPrefix(errs, "wrote "+out+": 1 chart, 5 items") {
		t.Fatalf("import: exit %d, stdout %q, stderr %q", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), dataset.SchemaLine+"\n") {
		t.Errorf("no schema line at the top:\n%s", data)
	}
	c, err := dataset.Parse(data, out)
	if err != nil {
		t.Fatalf("imported file does not validate: %v", err)
	}
	direct, err := dataset.Load(nursesCSV)
	if err != nil {
		t.Fatal(err)
	}
	for i, it := range direct.Charts[0].Items {
		for id, f := range it.Values {
			if g := c.Charts[0].Items[i].Values[id].Value; g != f.Value {
				t.Errorf("%s/%s: %v after import, %v in the CSV", it.ID, id, g, f.Value)
			}
		}
	}
	if s := c.Sources[0]; s.Label != "Ward survey 2025" || s.Date != "2025-02" || s.Sample != 312 || c.Title != "Nurses and telehealth" {
		t.Errorf("source %+v, title %q", s, c.Title)
	}
	goldenFile(t, "mine.yaml", string(data))
	if code, _, errs := run(t, "import", nursesCSV, "-o", out); code != ExitUsage || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("overwrite: exit %d, %q", code, errs)
	}
	if code, _, _ := run(t, "import", nursesCSV, "-o", out, "--force"); code != ExitOK {
		t.Errorf("--force: exit %d", code)
	}
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"import", nursesCSV, "--date", "March"}, `docsurvey: --date "March": expected YYYY, YYYY-MM or YYYY-MM-DD`},
		{[]string{"import", nursesYAML}, `docsurvey: "../testdata/nurses.yaml": import reads a .csv file`},
		{[]string{"import", "nowhere.csv"}, `docsurvey: "nowhere.csv" does not exist`},
	} {
		if code, _, errs := run(t, tt.args...); code != ExitUsage || !strings.HasPrefix(errs, tt.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, code, errs, tt.want)
		}
	}
}

// TestBadCSV checks that every problem of a bad CSV is printed with its
// FILE:LINE:COL, with exit 2, whether opened, validated or imported.
func TestBadCSV(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.csv")
	if err := os.WriteFile(bad, []byte("Tool;Nurses;Nurses\nPhone;78%;abc\nPhone;1;2;3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := bad + `:1:13: column "Nurses" is named twice in the header (first as column 2)`
	for _, args := range [][]string{{"--data", bad, "views"}, {"validate", bad}, {"import", bad}} {
		code, out, errs := run(t, args...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, want) || !strings.Contains(errs, `bad.csv" is not a valid data file (1 problem)`) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
	if err := os.WriteFile(bad, []byte("Tool;Nurses;Physicians\nPhone;78%;abc\nPhone;1;2;3\nVideo;101;2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "validate", bad)
	for _, w := range []string{bad + `:2:11: value "abc" is not a number`, bad + ":3:11: row has 4 fields; the header has 3", bad + `:4:7: value "101" is out of range`, "(3 problems)"} {
		if code != ExitUsage || !strings.Contains(errs, w) {
			t.Errorf("exit %d, stderr %q lacks %q", code, errs, w)
		}
	}
}

// TestInit writes the starter file, which validates and names the schema,
// and refuses to overwrite.
func TestInit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "survey.yaml")
	if code, _, errs := run(t, "init", path); code != ExitOK {
		t.Fatalf("init: exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), dataset.SchemaLine+"\n") {
		t.Errorf("starter does not begin with %q", dataset.SchemaLine)
	}
	c, err := dataset.Parse(data, path)
	if err != nil {
		t.Fatalf("starter does not validate: %v", err)
	}
	if len(c.Views) == 0 || len(c.Tour) == 0 || len(c.Findings) == 0 {
		t.Errorf("starter lacks views, findings or a tour: %d, %d, %d", len(c.Views), len(c.Findings), len(c.Tour))
	}
	if code, _, errs := run(t, "init", path); code != ExitUsage || !strings.Contains(errs, "exists; use --force") {
		t.Errorf("second init: exit %d, %q", code, errs)
	}
	if code, out, _ := run(t, "init", "-"); code != ExitOK || out != string(starterYAML) {
		t.Errorf("init -: exit %d, %d bytes", code, len(out))
	}
}

// TestCompleteViews checks that shell completion offers the data's views
// for show and --view.
func TestCompleteViews(t *testing.T) {
	for _, args := range [][]string{
		{"--data", nursesYAML, "__complete", "show", ""},
		{"--data", nursesYAML, "__complete", "--view", ""},
	} {
		_, out, _ := run(t, args...)
		if !strings.HasPrefix(out, "overview\nadoption\nbarriers\nsources\n") {
			t.Errorf("%v completes %q", args, out)
		}
	}
	if _, out, _ := run(t, "--data", nursesYAML, "__complete", "show", "adoption", ""); strings.Contains(out, "barriers") {
		t.Errorf("a second view is offered after one: %q", out)
	}
}

// TestImportStdin reads the table from standard input with import -.
func TestImportStdin(t *testing.T) {
	csvData, err := os.ReadFile(nursesCSV)
	if err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := Execute(context.Background(), Info{Version: "test"}, []string{"import", "-"}, bytes.NewReader(csvData), &out, &errb)
	if code != ExitOK {
		t.Fatalf("import -: exit %d: %s", code, errb.String())
	}
	c, err := dataset.Parse(out.Bytes(), "out.yaml")
	if err != nil {
		t.Fatalf("import - wrote a file that does not validate: %v", err)
	}
	if len(c.Charts) != 1 || len(c.Charts[0].Items) != 5 || !strings.Contains(out.String(), "Imported from stdin") {
		t.Errorf("import - wrote %d charts:\n%s", len(c.Charts), out.String())
	}
}
