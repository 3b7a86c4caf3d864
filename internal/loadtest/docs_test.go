package loadtest

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestPerformanceDocCommands checks that the load commands in
// docs/performance.md are runnable as written: every load run targets the
// port of a server the same block started just before it, each run has a
// fresh server, and each server is stopped before the next starts. The
// replicas of one talk (serve --nats) run together: a run may target any
// of them.
func TestPerformanceDocCommands(t *testing.T) {
	doc, err := os.ReadFile("../../docs/performance.md")
	if err != nil {
		t.Fatal(err)
	}
	serveRe := regexp.MustCompile(`\bserve\b.*--listen (\S+)`)
	loadRe := regexp.MustCompile(`(?:dsload|docsurvey-load)\b.*?--?addr (\S+)`)
	runs := 0
	inBlock := false
	var server string // the address of the server started and not yet used
	running := false
	for i, line := range strings.Split(string(doc), "\n") {
		n := i + 1
		switch {
		case strings.HasPrefix(line, "```sh"):
			inBlock, server, running = true, "", false
			continue
		case strings.HasPrefix(line, "```"):
			if inBlock && running {
				t.Errorf("performance.md:%d: a block ends with its server still running", n)
			}
			inBlock = false
			continue
		case !inBlock:
			continue
		}
		// A serve command may go on over several lines; its address is on
		// the first.
		if m := serveRe.FindStringSubmatch(line); m != nil {
			if running && server == "" {
				t.Errorf("performance.md:%d: a server starts while another still runs", n)
			}
			if !running {
				server = m[1] // a run targets the first replica, the presenter's
			}
			running = true
			continue
		}
		if m := loadRe.FindStringSubmatch(line); m != nil {
			runs++
			switch {
			case server == "":
				t.Errorf("performance.md:%d: load run against %s with no fresh server started for it", n, m[1])
			case m[1] != server:
				t.Errorf("performance.md:%d: load run against %s, but the server listens on %s", n, m[1], server)
			}
			server = "" // the next run needs a fresh server
			continue
		}
		if strings.HasPrefix(strings.TrimSpace(line), "kill ") {
			running = false
		}
	}
	if runs < 4 {
		t.Fatalf("found %d load runs in docs/performance.md, want at least 4: the test no longer reads the doc", runs)
	}
}
