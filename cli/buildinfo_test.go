package cli

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"
)

func TestWithBuildInfo(t *testing.T) {
	stamped := &debug.BuildInfo{
		Main: debug.Module{Path: "github.com/docsurvey/docsurvey", Version: "v1.2.3"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123abcd"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}
	unstamped := &debug.BuildInfo{Main: debug.Module{Version: develVersion}}
	tests := []struct {
		name  string
		flags Info
		bi    *debug.BuildInfo
		want  Info
	}{
		{"ldflags win", Info{Version: "v9", Commit: "c0ffee"}, stamped, Info{Version: "v9", Commit: "c0ffee"}},
		{"go build in a checkout", Info{}, stamped, Info{Version: "v1.2.3", Commit: "0123abcd", Modified: true}},
		{"go install module@version", Info{}, installed, Info{Version: "v1.2.3"}},
		{"only the commit from ldflags", Info{Commit: "c0ffee"}, stamped, Info{Version: "v1.2.3", Commit: "c0ffee"}},
		{"no VCS stamp", Info{}, unstamped, Info{}},
		{"no build information", Info{}, nil, Info{}},
	}
	for _, tt := range tests {
		if got := tt.flags.WithBuildInfo(tt.bi); got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
	s := Info{Version: "v1.2.3", Commit: "0123abcd", Modified: true}.String()
	if !strings.HasPrefix(s, "docsurvey v1.2.3 (commit 0123abcd, modified, go") {
		t.Errorf("String() = %q", s)
	}
	if s := (Info{}).String(); !strings.HasPrefix(s, "docsurvey dev (commit unknown, go") {
		t.Errorf("empty Info: String() = %q", s)
	}
}

// TestVersionOfPlainBuild builds the binary as a contributor does, with no
// -ldflags, and checks it names the commit Go stamped instead of "dev
// (commit unknown)". -buildvcs=true overrides a GOFLAGS that turns stamping
// off; where Go still stamps nothing (no git), there is nothing to check.
func TestVersionOfPlainBuild(t *testing.T) {
	plain := filepath.Join(t.TempDir(), "docsurvey")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", plain, "../cmd/docsurvey").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	meta, err := exec.Command("go", "version", "-m", plain).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`\bvcs\.revision=(\w+)`).FindSubmatch(meta)
	if m == nil {
		t.Skipf("go build stamped no VCS revision here:\n%s", meta)
	}
	out, err := exec.Command(plain, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := regexp.MustCompile(`^docsurvey \S+ \(commit ` + string(m[1]) + `(, modified)?, go`)
	if !want.Match(out) {
		t.Errorf("plain build says %q; want commit %s", out, m[1])
	}
}
