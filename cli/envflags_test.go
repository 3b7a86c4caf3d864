package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"charm.land/log/v2"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/docsurvey/docsurvey/server"
)

// TestFlagsFromEnv sets serve's flags from DOCSURVEY_ variables through a
// fake environment: the variable fills a flag not given, the command line
// wins, an empty variable is unset, a flag added later (as --nats flags
// will be) is covered without more code, and a bad value is a usage error
// naming the variable.
func TestFlagsFromEnv(t *testing.T) {
	environ := map[string]string{
		"DOCSURVEY_LISTEN":       ":2222",
		"DOCSURVEY_MAX_SESSIONS": "250",
		"DOCSURVEY_IDLE_TIMEOUT": "", // empty: unset
		"DOCSURVEY_LOG_FORMAT":   "logfmt",
		"DOCSURVEY_TOUR":         "true",
		"DOCSURVEY_DATA":         "talk.yaml",
		"DOCSURVEY_ADDED_LATER":  "nats://127.0.0.1:4222",
	}
	lookup := func(k string) (string, bool) { v, ok := environ[k]; return v, ok }
	e := &env{}
	root := newRootCommand(e)
	serve, _, err := root.Find([]string{"serve"})
	if err != nil {
		t.Fatal(err)
	}
	later := serve.Flags().String("added-later", "", "a flag another package adds")
	root.SetArgs([]string{"serve", "--log-format", "json"})
	serve.RunE = func(cmd *cobra.Command, args []string) error { return flagsFromEnv(cmd, lookup) }
	if err := root.Execute(); err != nil {
		t.Fatal(err)
	}
	fl := serve.Flags()
	for name, want := range map[string]string{
		"listen": ":2222", "max-sessions": "250", "idle-timeout": server.DefaultIdleTimeout.String(),
		"log-format": "json", "tour": "true",
	} {
		if got := fl.Lookup(name).Value.String(); got != want {
			t.Errorf("--%s = %q, want %q", name, got, want)
		}
	}
	if e.dataPath != "talk.yaml" || *later != "nats://127.0.0.1:4222" {
		t.Errorf("inherited --data = %q, later flag = %q", e.dataPath, *later)
	}

	environ = map[string]string{"DOCSURVEY_MAX_SESSIONS": "lots"}
	serve, _, _ = newRootCommand(&env{}).Find([]string{"serve"})
	err = flagsFromEnv(serve, lookup)
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != ExitUsage || !strings.Contains(err.Error(), `DOCSURVEY_MAX_SESSIONS="lots"`) || !strings.Contains(err.Error(), "--max-sessions") {
		t.Errorf("bad value: %v; want a usage error naming DOCSURVEY_MAX_SESSIONS and --max-sessions", err)
	}
}

// TestNewLogger checks --log-level drops what is below it and
// --log-format json writes one JSON object a line.
func TestNewLogger(t *testing.T) {
	var b bytes.Buffer
	l, err := newLogger(&b, logFlags{level: "warn", format: logJSON})
	if err != nil {
		t.Fatal(err)
	}
	l.Info("listening", "addr", "127.0.0.1:1")
	l.Warn("connection rejected", "remote", "10.0.0.1")
	var line map[string]any
	if err := json.Unmarshal(b.Bytes(), &line); err != nil || line["msg"] != "connection rejected" || line["level"] != "warn" || line["remote"] != "10.0.0.1" {
		t.Errorf("json at warn: %v, %q", err, b.String())
	}
	if ts, _ := line[log.TimestampKey].(string); ts == "" {
		t.Errorf("no timestamp in %q", b.String())
	}
	b.Reset()
	l, _ = newLogger(&b, logFlags{level: "debug", format: logLogfmt})
	l.Debug("key not authorized", "user", "eve")
	if !strings.Contains(b.String(), `level=debug msg="key not authorized" user=eve`) {
		t.Errorf("logfmt at debug: %q", b.String())
	}
	for _, bad := range []logFlags{{level: "loud", format: logText}, {level: "info", format: "xml"}} {
		if _, err := newLogger(&b, bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// TestServiceUnitNamesRealFlags checks every DOCSURVEY_ variable in the
// systemd unit example, commented out or not, sets a serve flag.
func TestServiceUnitNamesRealFlags(t *testing.T) {
	unit, err := os.ReadFile("../docs/docsurvey.service")
	if err != nil {
		t.Fatal(err)
	}
	serve, _, err := newRootCommand(&env{}).Find([]string{"serve"})
	if err != nil {
		t.Fatal(err)
	}
	known := map[string]bool{}
	if err := serve.ParseFlags(nil); err != nil { // merges the inherited --data
		t.Fatal(err)
	}
	serve.Flags().VisitAll(func(f *pflag.Flag) { known[envName(f.Name)] = true })
	names := regexp.MustCompile(`DOCSURVEY_[A-Z_]+`).FindAllString(string(unit), -1)
	if len(names) < 5 {
		t.Fatalf("the unit sets only %v", names)
	}
	for _, n := range names {
		if !known[n] {
			t.Errorf("docs/docsurvey.service sets %s, which is no serve flag", n)
		}
	}
}
