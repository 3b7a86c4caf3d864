package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
)

// importFlags are the flags of 'docsurvey import'.
type importFlags struct {
	output string
	force  bool
	meta   dataset.CSVMeta
}

func newImportCommand(e *env) *cobra.Command {
	f := &importFlags{}
	cmd := &cobra.Command{
		Use:   "import FILE.csv|-",
		Short: "Turn a CSV table into a data file you can enrich",
		Long: `Read a table exported from a spreadsheet and write it as a complete data
file (YAML) that validates, to add questions, sources, findings and a tour to.

Two shapes are recognised from the header row:
  wide  the first column labels the items, each further column is a series:
          Barrier,Nurses,Physicians
          Cost,42,35
        one chart, named from the file (or --title)
  long  one figure per row, columns chart, item, series, value in any order,
        optionally view, n, question, source; several charts:
          chart,item,series,value,view
          Use,Video visits,Nurses,62,Adoption
Values are percentages from 0 to 100, with or without %. The delimiter may be
a comma or a semicolon (then "12,5" is 12.5); a UTF-8 byte order mark is fine.

FILE - reads the table from standard input.

--title, --source-label, --date and --sample make the figures fully sourced;
without them the source is the CSV file itself, marked "unsourced" on screen.
Every problem is printed as FILE:LINE:COL: message, and the exit code is 2.
` + exitCodesHelp,
		Example: `  docsurvey import results.csv -o mine.yaml
  docsurvey import results.csv --title "Nurses and telehealth" \
    --source-label "RCN 2024" --date 2024-03 --sample 1200 -o mine.yaml
  docsurvey --data results.csv          # or explore the CSV as it is`,
		Args: cobra.ExactArgs(1),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runImport(cmd.Context(), e, f, args[0])
		}),
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.output, "output", "o", "", "write the data file to `FILE` instead of stdout")
	fl.BoolVar(&f.force, "force", false, "overwrite the --output file if it exists")
	fl.StringVar(&f.meta.Title, "title", "", "the collection's `TITLE` (default: from the file's name)")
	fl.StringVar(&f.meta.SourceLabel, "source-label", "", "cite the figures as `LABEL`, e.g. \"RCN 2024\"")
	fl.StringVar(&f.meta.Date, "date", "", "the source's `DATE`: YYYY, YYYY-MM or YYYY-MM-DD")
	fl.IntVar(&f.meta.Sample, "sample", 0, "the number of respondents, `N`")
	return cmd
}

func runImport(ctx context.Context, e *env, f *importFlags, path string) error {
	if f.meta.Date != "" && !dataset.IsDate(f.meta.Date) {
		return usageErrorf("--date %q: expected YYYY, YYYY-MM or YYYY-MM-DD", f.meta.Date)
	}
	if f.meta.Sample < 0 {
		return usageErrorf("--sample %d: expected a number of respondents, 0 or more", f.meta.Sample)
	}
	if path != "-" && !dataset.IsCSV(path) {
		return usageErrorf("%s: import reads a .csv file; a YAML or JSON file is a data file already", quoteName(path))
	}
	if f.output != "" && !f.force {
		if _, err := os.Lstat(f.output); err == nil {
			return usageErrorf("%s exists; use --force to overwrite it", f.output)
		}
	}
	data, name, err := readDataFile(ctx, e.stdin, path)
	if err != nil {
		return err
	}
	c, err := dataset.CSVCollection(data, name, f.meta)
	if err != nil {
		return invalidData(name, err)
	}
	out, err := dataset.EncodeYAML(c, importHeader(name, f.meta))
	if err != nil {
		return runtimeErrorf("writing YAML: %v", err)
	}
	if f.output == "" {
		_, err := e.stdout.Write(out)
		return err
	}
	if err := writeFile(f.output, func(w io.Writer) error { _, err := w.Write(out); return err }); err != nil {
		return err
	}
	items := 0
	for _, ch := range c.Charts {
		items += len(ch.Items)
	}
	fmt.Fprintf(e.stderr, "wrote %s: %s, %s; explore it with: docsurvey --data %s\n",
		f.output, explore.Count(len(c.Charts), "chart", "charts"), explore.Count(items, "item", "items"), f.output)
	return nil
}

// importHeader is the comment at the top of an imported file.
func importHeader(path string, meta dataset.CSVMeta) []string {
	h := []string{dataset.SchemaLine, "",
		"Imported from " + filepath.Base(path) + " by 'docsurvey import'. To do, as docs/schema.md explains:",
		"  - each chart's question (and its base: whom the figures are a share of);"}
	if meta.SourceLabel == "" {
		h = append(h, "  - the source: who surveyed whom, when, how many (label, publisher, title, date, sample);")
	}
	return append(h, "  - findings for the overview, and a tour to present it (tour:).")
}
