package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"github.com/docsurvey/docsurvey/internal/lru"
	"github.com/docsurvey/docsurvey/render"
)

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

// lineCache keeps the last drawing of a frame line (the tabs, the short
// help) with the inputs it was drawn from; a keypress that changes neither
// reuses it instead of rendering every tab or key again.
type lineCache struct {
	key, line string
	styles    *render.Styles
	ok        bool
}

// get returns the cached line when key and styles are those it was drawn
// with, else draws it.
func (c *lineCache) get(key string, styles *render.Styles, draw func() string) string {
	if !c.ok || c.key != key || c.styles != styles {
		c.key, c.styles, c.line, c.ok = key, styles, draw(), true
	}
	return c.line
}

// tabs is the tab line, drawn again only when the active view, the width
// or the state summary changes.
func (m *Model) tabs() string {
	info := m.info()
	key := fmt.Sprintf("%d\x00%d\x00%s", m.active, m.width, info)
	return m.tabsCache.get(key, m.common.Styles, func() string { return m.drawTabs(info) })
}

// shortHelp is h's short help of the session's keys, drawn again only when
// the width or a key shown in it changes (enabled, keys, description).
func (m *Model) shortHelp(h help.Model) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d\x00%s\x00%s", h.Width(), h.ShortSeparator, h.Ellipsis)
	for _, k := range m.common.Keys.ShortHelp() {
		kh := k.Help()
		fmt.Fprintf(&b, "\x00%t\x00%s\x00%s", k.Enabled(), kh.Key, kh.Desc)
	}
	c := &m.helpCache[0]
	if h.Width() != m.help.Width() {
		c = &m.helpCache[1]
	}
	key := helpKey{style: m.common.Styles.Key(), keys: b.String()}
	return c.get(key.keys, m.common.Styles, func() string {
		if line, ok := helpLines.Get(key); ok {
			return line
		}
		line := h.View(m.common.Keys)
		helpLines.Put(key, line)
		return line
	})
}

// helpKey is every input of a short-help line: the styles it is drawn in
// and the width, separator, ellipsis and keys shown (shortHelp's key).
type helpKey struct {
	style render.StyleKey
	keys  string
}

// helpLines are the short-help lines drawn so far, shared by every session
// of the process: a room of viewers tabbing through the same views at the
// same size draws each line once between them, not once each (it was a
// sixth of the server's CPU for 200 sessions tabbing at once). A few
// hundred lines of at most a screen's width.
var helpLines = lru.New[helpKey, string](256)
