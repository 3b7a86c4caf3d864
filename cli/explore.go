package cli

import (
	"errors"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/docsurvey/docsurvey/dataset"
	"github.com/docsurvey/docsurvey/explore"
	"github.com/docsurvey/docsurvey/internal/terminal"
	"github.com/docsurvey/docsurvey/tui"
)

// colorModes are the values of --color (see terminal.Decide).
func colorModes() []string { return terminal.ColorModes() }

// colorAuto is --color's default.
const colorAuto = string(terminal.ColorAuto)

// exploreFlags are the root command's own flags.
type exploreFlags struct {
	view  string
	ascii bool
	color string
	tour  bool
}

func addExploreFlags(root *cobra.Command, e *env) {
	f := &exploreFlags{}
	root.Flags().StringVar(&f.view, "view", dataset.ViewOverview, "open the explorer on `VIEW` (an ID 'docsurvey views' lists)")
	root.Flags().BoolVar(&f.ascii, "ascii", false, "draw with ASCII characters only")
	root.Flags().BoolVar(&f.tour, "tour", false, "open on the first step of the dataset's guided tour (space and backspace step)")
	root.Flags().StringVar(&f.color, "color", colorAuto, "color `MODE`: auto, always or never (auto: when NO_COLOR is unset)")
	_ = root.RegisterFlagCompletionFunc("view", completeViews(e))
	_ = root.RegisterFlagCompletionFunc("color", cobra.FixedCompletions(colorModes(), cobra.ShellCompDirectiveNoFileComp))
	root.RunE = runE(func(cmd *cobra.Command, args []string) error {
		return runExplorer(cmd, e, f)
	})
}

// checkChoice returns a usage error unless got is one of valid.
func checkChoice(what, got string, valid []string) error {
	if slices.Contains(valid, got) {
		return nil
	}
	return usageErrorf("unknown %s %q; valid %ss: %s", what, got, what, strings.Join(valid, ", "))
}

func runExplorer(cmd *cobra.Command, e *env, f *exploreFlags) error {
	if err := checkChoice("color mode", f.color, colorModes()); err != nil {
		return err
	}
	if e.dataPath == "-" {
		return usageErrorf("the explorer reads its keys from standard input, so it cannot read --data - too; save the data to a file, or use --data - with show, views, validate or serve")
	}
	// The terminal is decided here, once, and handed down.
	o := tui.Options{Env: terminal.Detect(e.stdout, os.Environ(), terminal.ColorMode(f.color), f.ascii, terminal.Interactive), Tour: f.tour}
	if e.dataPath == "" {
		// The shipped data (it has a tour) is parsed while the explorer
		// starts; see tui.Options.Load. Only a --view other than the
		// overview (always there) needs its view list now.
		if f.view != dataset.ViewOverview {
			if err := checkView(nil, f.view, ""); err != nil {
				return err
			}
		}
		o.Load = embeddedData
		o.State = explore.Start()
		o.State.View = f.view
	} else {
		c, err := loadData(cmd.Context(), e.stdin, e.dataPath)
		if err != nil {
			return err
		}
		if err := checkView(c, f.view, e.dataPath); err != nil {
			return err
		}
		if err := checkTour(c, f.tour); err != nil {
			return err
		}
		o.Data, o.State = c, explore.Start().GotoViewID(c, f.view)
	}
	if !isTerminal(e.stdout) {
		return usageErrorf("the explorer needs a terminal; to print a view use 'docsurvey show %s' (see 'docsurvey show --help')", f.view)
	}
	err := tui.Run(cmd.Context(), o, e.stdin, e.stdout)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tui.ErrNotTerminal):
		return usageErrorf("%v", strings.TrimPrefix(err.Error(), "docsurvey: "))
	default:
		return runtimeErrorf("%v", err)
	}
}
