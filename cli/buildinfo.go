package cli

import "runtime/debug"

// develVersion is the main module's version in a build Go could not stamp
// (no VCS information, e.g. -buildvcs=false): it says nothing, so it is
// dropped.
const develVersion = "(devel)"

// WithBuildInfo fills what -ldflags -X left empty from the build information
// Go recorded in the binary: the module version (the release with
// go install MODULE@VERSION, a pseudo-version with go build in a checkout),
// the VCS revision and whether the tree had uncommitted changes. Values set
// with -ldflags win. A nil bi (no build information) changes nothing.
func (i Info) WithBuildInfo(bi *debug.BuildInfo) Info {
	if bi == nil {
		return i
	}
	if i.Version == "" && bi.Main.Version != develVersion {
		i.Version = bi.Main.Version
	}
	if i.Commit != "" {
		return i
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			i.Commit = s.Value
		case "vcs.modified":
			i.Modified = s.Value == "true"
		}
	}
	if i.Commit == "" {
		i.Modified = false
	}
	return i
}

// readBuildInfo is the binary's own build information, or nil.
func readBuildInfo() *debug.BuildInfo {
	if bi, ok := debug.ReadBuildInfo(); ok {
		return bi
	}
	return nil
}
