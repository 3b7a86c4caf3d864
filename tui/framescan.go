package tui

import "strings"

// tabScan keeps the zone scan of the tab line. Only the tab line carries
// zone marks, so the rest of a frame is never scanned, and the tab line is
// scanned again only when it changes (a new view, size or style): a
// keypress that moves the focus costs no scan at all. The zones the
// manager holds stay valid while the line is unchanged, because Scan is
// what replaces them.
type tabScan struct {
	raw, out string
	ok       bool
}

// scanFrame strips the zone marks from f, a frame whose first line is the
// tab line, recording the tabs' zones when that line has changed.
func (m *Model) scanFrame(f string) string {
	head, rest, more := strings.Cut(f, "\n")
	ts := &m.tabScan
	if !ts.ok || ts.raw != head {
		ts.raw, ts.out, ts.ok = head, m.common.Zone.Scan(head), true
	}
	if !more {
		return ts.out
	}
	return ts.out + "\n" + rest
}
