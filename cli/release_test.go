package cli_test

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// goreleaser is the part of .goreleaser.yaml the test checks.
type goreleaser struct {
	Version int `yaml:"version"`
	Before  struct {
		Hooks []string `yaml:"hooks"`
	} `yaml:"before"`
	Builds []struct {
		Main    string   `yaml:"main"`
		Binary  string   `yaml:"binary"`
		Goos    []string `yaml:"goos"`
		Goarch  []string `yaml:"goarch"`
		Ldflags []string `yaml:"ldflags"`
	} `yaml:"builds"`
	Archives []struct {
		Formats         []string `yaml:"formats"`
		FormatOverrides []struct {
			Goos    string   `yaml:"goos"`
			Formats []string `yaml:"formats"`
		} `yaml:"format_overrides"`
		Files []string `yaml:"files"`
	} `yaml:"archives"`
	Checksum struct {
		NameTemplate string `yaml:"name_template"`
	} `yaml:"checksum"`
}

// TestReleaseConfig checks .goreleaser.yaml where goreleaser cannot run:
// one build of cmd/docsurvey for linux, darwin and windows on amd64 and
// arm64, ldflags that set the variables main really has, hooks that make
// completions and the man page with commands that work, archives that ship
// them with the LICENSE, and checksums.
func TestReleaseConfig(t *testing.T) {
	b, err := os.ReadFile("../.goreleaser.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var g goreleaser
	if err := yaml.Unmarshal(b, &g); err != nil {
		t.Fatalf(".goreleaser.yaml: %v", err)
	}
	if g.Version != 2 || len(g.Builds) != 1 || len(g.Archives) != 1 || g.Checksum.NameTemplate == "" {
		t.Fatalf("want version 2, one build, one archive and checksums: %+v", g)
	}
	build := g.Builds[0]
	if build.Main != "./cmd/docsurvey" || build.Binary != "docsurvey" {
		t.Errorf("build main %q binary %q", build.Main, build.Binary)
	}
	for _, goos := range []string{"linux", "darwin", "windows"} {
		if !slices.Contains(build.Goos, goos) {
			t.Errorf("no %s build", goos)
		}
	}
	if !slices.Equal(build.Goarch, []string{"amd64", "arm64"}) {
		t.Errorf("goarch %v", build.Goarch)
	}
	main, err := os.ReadFile("../cmd/docsurvey/main.go")
	if err != nil {
		t.Fatal(err)
	}
	ldflags := strings.Join(build.Ldflags, " ")
	for _, v := range []string{"version={{ .Version }}", "commit={{ .Commit }}"} {
		name, _, _ := strings.Cut(v, "=")
		if !strings.Contains(ldflags, "-X main."+v) {
			t.Errorf("ldflags %q do not set main.%s", ldflags, v)
		}
		if !regexp.MustCompile(`(?m)^\s+` + name + `\s+= ""`).Match(main) {
			t.Errorf("cmd/docsurvey/main.go has no string variable %s for -X main.%s", name, name)
		}
	}
	hooks := strings.Join(g.Before.Hooks, "\n")
	for _, args := range [][]string{{"man"}, {"completion", "bash"}, {"completion", "zsh"}, {"completion", "fish"}} {
		if !strings.Contains(hooks, "go run ./cmd/docsurvey "+strings.Join(args, " ")+" ") {
			t.Errorf("no hook runs docsurvey %s", strings.Join(args, " "))
		}
		if r := run(t, args...); r.code != 0 || r.stdout == "" {
			t.Errorf("docsurvey %v, as the hook runs it: code %d, stderr %q", args, r.code, r.stderr)
		}
	}
	a := g.Archives[0]
	for _, f := range []string{"LICENSE", "README.md", "completions/*", "manpages/*"} {
		if !slices.Contains(a.Files, f) {
			t.Errorf("archives do not ship %s", f)
		}
	}
	if !slices.Equal(a.Formats, []string{"tar.gz"}) || len(a.FormatOverrides) != 1 || a.FormatOverrides[0].Goos != "windows" || !slices.Equal(a.FormatOverrides[0].Formats, []string{"zip"}) {
		t.Errorf("archive formats %v, overrides %+v; want tar.gz, zip for windows", a.Formats, a.FormatOverrides)
	}
}

// TestReadmeInstallAndLicense checks the README tells how to install and
// names the LICENSE, which is MIT, and that its screenshot is there.
func TestReadmeInstallAndLicense(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	license, err := os.ReadFile("../LICENSE")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## Install", "go install github.com/docsurvey/docsurvey/cmd/docsurvey@latest", "[MIT](LICENSE)", "(docs/screenshot.png)", "docs/docsurvey.service"} {
		if !strings.Contains(string(readme), want) {
			t.Errorf("README.md lacks %q", want)
		}
	}
	if !strings.HasPrefix(string(license), "MIT License\n") {
		t.Errorf("LICENSE is not the MIT licence: %.40q", license)
	}
	png, err := os.ReadFile("../docs/screenshot.png")
	if err != nil || !strings.HasPrefix(string(png), "\x89PNG\r\n") || len(png) > 300<<10 {
		t.Errorf("docs/screenshot.png: %v, %d bytes; want a PNG under 300 KiB", err, len(png))
	}
}
