package cli

import (
	"bufio"
	"context"
	"errors"
	"github.com/charmbracelet/colorprofile"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/report"
)

// showFlags are the flags of docsurvey show.
type showFlags struct {
	format  string
	width   int
	sort    string
	reverse bool
	series  string
	output  string
	ascii   bool
	color   string
	rawCSV  bool
	// whiskers draws each bar's 95% interval in the text format.
	whiskers bool
}

func newShowCommand(e *env) *cobra.Command {
	f := &showFlags{}
	cmd := &cobra.Command{
		Use:   "show VIEW",
		Short: "Print a view as text, markdown, CSV, JSON or SVG",
		Long: `Print every chart and finding of a view, with the source of each figure,
without the interactive explorer.

Views:   the data's view IDs, which 'docsurvey views' lists (the shipped
         data's: ` + strings.Join(dataset.EmbeddedViewIDs(), ", ") + `)
Formats:
  text      the chart the explorer draws, as lines (color only on a terminal
            with NO_COLOR unset, or with CLICOLOR_FORCE=1; --ascii for ASCII
            only; as wide as the terminal, else $COLUMNS, else 100)
  markdown  a table per chart, findings as a list, sources as footnotes
  csv       one row per figure: view,kind,chart,item,label,series,
            series_label,value,unit,qualifier,wording,measure,source,
            source_label,document,n,n_derived,ci_low,ci_high
  json      one object: view, charts, findings, measures, sources
  svg       a standalone bar chart that opens in a browser
Every percentage with a known base carries its 95% interval (see
docs/statistics.md). The formats are documented in docs/output.md. Output is byte-stable: the
same data and flags always print the same bytes.
` + exitCodesHelp,
		Example: `  docsurvey show platforms
  docsurvey show platforms --sort gap --series personal
  docsurvey show benefits -f markdown >> report.md
  docsurvey show privacy -f csv | cut -d, -f3,4,8
  docsurvey show connected -f svg -o connected.svg`,
		Args: showArgs(e),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, s string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 { // show takes one view
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return completeViews(e)(cmd, args, s)
		},
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			return runShow(cmd, e, f, args[0])
		}),
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", report.FormatText, "output `FORMAT`: "+strings.Join(report.Formats(), ", "))
	fl.IntVarP(&f.width, "width", "w", 0, "text width in `COLUMNS` (default: the terminal's, else $COLUMNS, else 100)")
	fl.BoolVar(&f.rawCSV, "raw-csv", false, "keep CSV cells that begin with = + - @ as they are (by default a ' is put before them, so a spreadsheet does not run them as formulas)")
	fl.StringVarP(&f.sort, "sort", "s", dataset.SortOrder, "order the items by `ORDER`: "+strings.Join(dataset.SortOrders(), ", "))
	fl.BoolVarP(&f.reverse, "reverse", "r", false, "reverse the sort order")
	fl.StringVar(&f.series, "series", dataset.SeriesAll, "show one `SERIES` of the view's charts, or all")
	fl.StringVarP(&f.output, "output", "o", "", "write to `FILE` instead of stdout (- is stdout)")
	fl.BoolVar(&f.ascii, "ascii", false, "text: draw with ASCII characters only")
	fl.BoolVarP(&f.whiskers, "whiskers", "e", false, "text: draw each bar's 95% interval, as the explorer's e key does")
	fl.StringVar(&f.color, "color", colorAuto, "text: color `MODE`: auto, always or never (auto: on a terminal with NO_COLOR unset)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(report.Formats(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("sort", cobra.FixedCompletions(dataset.SortOrders(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("series", func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
		if e.dataPath == "-" || len(args) == 0 {
			return []string{dataset.SeriesAll}, cobra.ShellCompDirectiveNoFileComp
		}
		c, err := loadData(cmd.Context(), nil, e.dataPath)
		if err != nil {
			return []string{dataset.SeriesAll}, cobra.ShellCompDirectiveNoFileComp
		}
		return report.SeriesIn(c, args[0]), cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// showArgs asks for exactly one view, naming the data's views.
func showArgs(e *env) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		return checkShowArgs(cmd.Context(), e, args)
	}
}

func checkShowArgs(ctx context.Context, e *env, args []string) error {
	switch {
	case len(args) == 0:
		c, err := loadData(ctx, e.stdin, e.dataPath)
		if err != nil {
			return err
		}
		return usageErrorf("show needs a view: %s", strings.Join(c.ViewIDs(), ", "))
	case len(args) > 1:
		return usageErrorf("show takes one view, got %d arguments: %s", len(args), strings.Join(args, " "))
	}
	return nil
}

func runShow(cmd *cobra.Command, e *env, f *showFlags, view string) error {
	sel := explore.State{View: view, Sort: f.sort, Reverse: f.reverse, Series: f.series, Step: -1, Whiskers: f.whiskers}
	// The format and sort do not depend on the data: check them first.
	if err := checkChoice("format", f.format, report.Formats()); err != nil {
		return err
	}
	if err := checkChoice("sort order", f.sort, dataset.SortOrders()); err != nil {
		return err
	}
	if err := checkChoice("color mode", f.color, colorModes()); err != nil {
		return err
	}
	if cmd.Flags().Changed("width") && f.width < minShowWidth {
		return usageErrorf("--width %d is too narrow; use %d columns or more", f.width, minShowWidth)
	}
	c, err := loadData(cmd.Context(), e.stdin, e.dataPath)
	if err != nil {
		return err
	}
	if err := checkView(c, view, e.dataPath); err != nil {
		return err
	}
	if err := report.Check(c, sel, f.format); err != nil {
		var ue *report.UsageError
		if errors.As(err, &ue) {
			return usageErrorf("%v", err)
		}
		return err
	}
	if f.output == "" || f.output == "-" {
		return writeShow(e.stdout, c, sel, f, e.stdout)
	}
	return writeFile(f.output, func(w io.Writer) error { return writeShow(w, c, sel, f, nil) })
}

// writeShow writes the report to w; term is the terminal it goes to, if
// any, for the text width and color.
func writeShow(w io.Writer, c *dataset.Collection, sel explore.State, f *showFlags, term io.Writer) error {
	opts := report.Options{Format: f.format, Width: f.width, RawCSV: f.rawCSV}
	if opts.Width == 0 {
		opts.Width = report.DefaultWidth
		if width, _, ok := terminalSize(term); ok {
			opts.Width = width
		} else if width, ok := columnsFromEnv(); ok {
			opts.Width = width
		}
	}
	if f.format == report.FormatText {
		if term == nil {
			term = w
		}
		var profile colorprofile.Profile
		opts.Styles, profile = textStyles(term, f.color, f.ascii)
		// Lip Gloss v2 writes colours as given; the writer downsamples them
		// to what the terminal shows (or strips them).
		w = &colorprofile.Writer{Forward: w, Profile: profile}
	}
	bw := bufio.NewWriter(w)
	if err := report.Write(bw, c, sel, opts); err != nil {
		return runtimeErrorf("writing the %s: %v", f.format, err)
	}
	if err := bw.Flush(); err != nil {
		return runtimeErrorf("writing the output: %v", err)
	}
	return nil
}

// writeFile writes a file through write. When writing fails it removes
// what it wrote, if that is a regular file (never a device such as
// /dev/stdout), so no partial report is left behind.
func writeFile(path string, write func(io.Writer) error) error {
	out, err := os.Create(path)
	if errors.Is(err, fs.ErrNotExist) {
		return usageErrorf("%q cannot be created: no such file or directory on its path", path)
	}
	if err != nil {
		return fileError(path, err)
	}
	cleanup := func() {
		if fi, err := os.Lstat(path); err == nil && fi.Mode().IsRegular() {
			os.Remove(path)
		}
	}
	if err := write(out); err != nil {
		out.Close()
		cleanup()
		return err
	}
	if err := out.Close(); err != nil {
		cleanup()
		return runtimeErrorf("writing %q: %v", path, err)
	}
	return nil
}
