package cli

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// starterYAML is the file 'docsurvey init' writes: every part of a data file,
// commented, valid as it stands (cli tests parse it).
//
//go:embed starter.yaml
var starterYAML []byte

func newInitCommand(e *env) *cobra.Command {
	force := false
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented starter data file",
		Long: `Write a small data file to start your own survey from: views, a source,
two charts, findings and a tour, every field commented. It validates as it
stands, and its first line points editors at the JSON Schema
(docs/docsurvey.schema.json) for completion and checks.

FILE defaults to survey.yaml; - writes to stdout. An existing file is left
alone unless --force.
` + exitCodesHelp,
		Example: `  docsurvey init mine.yaml && docsurvey --data mine.yaml
  docsurvey init - | less`,
		Args: cobra.MaximumNArgs(1),
		RunE: runE(func(cmd *cobra.Command, args []string) error {
			path := "survey.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			if path == "-" {
				_, err := e.stdout.Write(starterYAML)
				return err
			}
			if _, err := os.Lstat(path); err == nil && !force {
				return usageErrorf("%s exists; use --force to overwrite it", path)
			}
			if err := writeFile(path, func(w io.Writer) error { _, err := w.Write(starterYAML); return err }); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "wrote %s; try it: docsurvey --data %s\n", path, path)
			return nil
		}),
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite FILE if it exists")
	return cmd
}
