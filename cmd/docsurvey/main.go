// Command docsurvey explores surveys of physicians' use of social media, in
// the terminal, over SSH or as printed reports. See 'docsurvey --help'.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/docsurvey/docsurvey/cli"
)

// Set at build time: go build -ldflags "-X main.version=v1.0.0 -X main.commit=$(git rev-parse HEAD)".
var (
	version = ""
	commit  = ""
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Execute(ctx, cli.Info{Version: version, Commit: commit}, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
