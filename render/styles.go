package render

import (
	"image/color"
	"strings"
	"sync"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// StyleOptions choose how styles draw regardless of the terminal.
type StyleOptions struct {
	// Mono draws without color: series are told apart by glyph only and the
	// focus by reverse video.
	Mono bool
	// ASCII draws with ASCII characters only.
	ASCII bool
	// Profile is the terminal's colour profile. Lip Gloss v2 writes every
	// colour as given and the program's output downsamples it, so the
	// profile only decides whether there is colour at all: ASCII draws in
	// monochrome with bold and reverse; NoTTY and Unknown (the zero value)
	// draw plain text, without any escape sequence.
	Profile colorprofile.Profile
	// Dark picks the dark-background variant of each colour.
	Dark bool
}

// StyleKey is the comparable identity of a Styles value: everything that
// changes how a frame looks, for caching.
type StyleKey struct {
	Profile colorprofile.Profile
	Dark    bool
	Mono    bool
	ASCII   bool
}

// Styles holds every style and glyph the renderer uses, built in one place
// from a session's profile and background, so each SSH session draws in its
// own terminal's colours. Sessions whose terminals look alike share one
// Styles (see NewStyles): it is read-only once built.
type Styles struct {
	key StyleKey

	// Base is the unstyled style of the renderer.
	Base lipgloss.Style
	// Title is a view or chart title.
	Title lipgloss.Style
	// Question is the survey question.
	Question lipgloss.Style
	// Muted is secondary text: footnotes, axis, notes.
	Muted lipgloss.Style
	// Label is an item label.
	Label lipgloss.Style
	// LabelFocus is the focused item's label.
	LabelFocus lipgloss.Style
	// Value is a bar's value text.
	Value lipgloss.Style
	// ValueFocus is the focused bar's value text.
	ValueFocus lipgloss.Style
	// Band is the background of the focused rows.
	Band lipgloss.Style
	// Detail is the detail line of the focused item.
	Detail lipgloss.Style
	// Warning is for messages like "terminal too small".
	Warning lipgloss.Style
	// Tab is an inactive view tab.
	Tab lipgloss.Style
	// TabActive is the current view's tab.
	TabActive lipgloss.Style
	// Status is the status line.
	Status lipgloss.Style
	// HelpKey, HelpDesc and HelpSep style the help.
	HelpKey, HelpDesc, HelpSep lipgloss.Style

	bars      []lipgloss.Style
	barsFocus []lipgloss.Style
	glyphs    []rune
}

// The bar glyphs, one per series; series beyond the list reuse it
// cyclically. Under ASCII they are mapped as everything else (asciiRune).
var unicodeGlyphs = []rune{'█', '▒', '░', '▓'}

// series colours as ANSI-256 numbers (fast to render), light and dark.
var seriesColors = [][2]string{
	{"25", "75"},   // blue
	{"166", "215"}, // orange
	{"28", "78"},   // green
	{"90", "176"},  // purple
}

// HasColor reports whether a colour profile draws colour.
func HasColor(p colorprofile.Profile) bool { return p > colorprofile.ASCII }

// NewStyles builds the styles. Colours are ANSI-256 numbers, the light or
// dark one of each pair as opts.Dark says. With opts.Mono, or a profile
// without colour, nothing is coloured.
//
// Styles are built once per StyleKey and shared: every session of a room of
// viewers on alike terminals draws with the same value, which also makes
// it the same key of the caches that hold drawings. Nothing may change a
// Styles after NewStyles returns it.
func NewStyles(opts StyleOptions) *Styles {
	mono := opts.Mono || !HasColor(opts.Profile)
	key := StyleKey{Profile: opts.Profile, Dark: opts.Dark, Mono: mono, ASCII: opts.ASCII}
	if s, ok := builtStyles.Load(key); ok {
		return s.(*Styles)
	}
	s, _ := builtStyles.LoadOrStore(key, buildStyles(key))
	return s.(*Styles)
}

// builtStyles holds the Styles of each StyleKey built so far: a few dozen
// at most (profiles by background, monochrome and ASCII).
var builtStyles sync.Map

// buildStyles builds the styles of key.
func buildStyles(key StyleKey) *Styles {
	opts, mono := StyleOptions{Profile: key.Profile, Dark: key.Dark, ASCII: key.ASCII}, key.Mono
	s := &Styles{key: key}
	ns := lipgloss.NewStyle
	pick := lipgloss.LightDark(opts.Dark)
	c := func(light, dark string) color.Color {
		return pick(lipgloss.Color(light), lipgloss.Color(dark))
	}

	s.Base = ns()
	s.Title = ns().Bold(true)
	s.Question = ns()
	s.Muted = ns()
	s.Label = ns()
	s.LabelFocus = ns().Bold(true)
	s.Value = ns()
	s.ValueFocus = ns().Bold(true)
	s.Band = ns()
	s.Detail = ns()
	s.Warning = ns().Bold(true)
	s.Tab = ns()
	s.TabActive = ns().Bold(true).Reverse(true)
	s.Status = ns()
	s.HelpKey = ns().Bold(true)
	s.HelpDesc = ns()
	s.HelpSep = ns()
	if mono {
		s.LabelFocus = s.LabelFocus.Reverse(true)
	} else {
		accent := c("24", "117")
		muted := c("242", "246")
		band := c("254", "237")
		s.Title = s.Title.Foreground(accent)
		s.Question = s.Question.Foreground(c("237", "252"))
		s.Muted = s.Muted.Foreground(muted)
		s.Band = s.Band.Background(band)
		s.LabelFocus = s.LabelFocus.Foreground(accent).Background(band)
		s.ValueFocus = s.ValueFocus.Background(band)
		s.Detail = s.Detail.Foreground(c("235", "254"))
		s.Warning = s.Warning.Foreground(c("160", "203"))
		s.Tab = s.Tab.Foreground(muted)
		s.TabActive = ns().Bold(true).Foreground(c("255", "235")).Background(accent)
		s.Status = s.Status.Foreground(muted)
		s.HelpKey = s.HelpKey.Foreground(c("240", "250"))
		s.HelpDesc = s.HelpDesc.Foreground(muted)
		s.HelpSep = s.HelpSep.Foreground(c("250", "240"))
	}
	for _, g := range unicodeGlyphs {
		s.glyphs = append(s.glyphs, []rune(s.Text(string(g)))[0])
	}
	if opts.Profile < colorprofile.ASCII {
		s.plain()
	}
	for _, col := range seriesColors {
		b := ns()
		if !mono {
			b = b.Foreground(c(col[0], col[1]))
		}
		s.bars = append(s.bars, b)
		s.barsFocus = append(s.barsFocus, b.Inherit(s.Band))
	}
	return s
}

// plain drops every attribute, for output that is not a terminal (Unknown
// or NoTTY): a file gets text without a single escape sequence.
func (s *Styles) plain() {
	for _, st := range []*lipgloss.Style{&s.Title, &s.Question, &s.Muted, &s.Label, &s.LabelFocus, &s.Value,
		&s.ValueFocus, &s.Band, &s.Detail, &s.Warning, &s.Tab, &s.TabActive, &s.Status, &s.HelpKey, &s.HelpDesc, &s.HelpSep} {
		*st = s.Base
	}
}

// Key returns what makes these styles look the way they do.
func (s *Styles) Key() StyleKey { return s.key }

// Mono reports whether the styles draw without colour.
func (s *Styles) Mono() bool { return s.key.Mono }

// ASCII reports whether the styles draw with ASCII only.
func (s *Styles) ASCII() bool { return s.key.ASCII }

// Glyph returns the bar glyph of series i.
func (s *Styles) Glyph(i int) rune {
	if i < 0 {
		i = 0
	}
	return s.glyphs[i%len(s.glyphs)]
}

// Bar returns the bar style of series i, on the focus band if focus is set.
func (s *Styles) Bar(i int, focus bool) lipgloss.Style {
	if i < 0 {
		i = 0
	}
	if focus {
		return s.barsFocus[i%len(s.barsFocus)]
	}
	return s.bars[i%len(s.bars)]
}

// Marker returns the focus marker and the blank of the same width.
func (s *Styles) Marker() (focus, blank string) { return s.Text("▸ "), "  " }

// Ellipsis returns the mark of a cut label.
func (s *Styles) Ellipsis() string { return s.Text("…") }

// Dot returns the separator between parts of a line.
func (s *Styles) Dot() string { return s.Text(" · ") }

// Text returns t as these styles draw it: unchanged, or under ASCII in
// the one ASCII mapping: first the spelled-out forms that need more room
// ("±" is "+/-", a check mark "ok"), for text laid out after it, then
// ToASCII, which keeps every width. Every glyph the renderer picks goes
// through it, so --ascii has one answer for each character.
func (s *Styles) Text(t string) string {
	if !s.key.ASCII {
		return t
	}
	return ToASCII(asciiSpelled.Replace(t))
}

// asciiSpelled are the ASCII spellings wider than the character they
// stand for, used before layout (Styles.Text); ToASCII, which must keep
// widths, writes "+" for "±".
var asciiSpelled = strings.NewReplacer("±", "+/-", "✓", "ok")

// asciiRune is the one ASCII mapping of a character the renderer or the
// explorer draws, to ASCII of the same width: typography (quotes, dashes,
// the ellipsis), separators and bullets, markers and arrows, the whiskers'
// box drawing and the bars' block glyphs. ok is false for any other
// character, which ToASCII writes as "?" for each of its cells.
func asciiRune(r rune) (a string, ok bool) {
	switch r {
	case '“', '”', '„', '″':
		return "\"", true
	case '‘', '’', '′':
		return "'", true
	case '–', '—', '‐', '−', '─':
		return "-", true
	case '…', '≈':
		return "~", true
	case '±': // Styles.Text writes "+/-" where it has room
		return "+", true
	case '·', '├', '┤', '┼':
		return "|", true
	case '•', '★':
		return "*", true
	case '▸', '▶', '›':
		return ">", true
	case '‹':
		return "<", true
	case '◆':
		return "+", true
	case '↑':
		return "^", true
	case '↓':
		return "v", true
	case '×', '✗':
		return "x", true
	case '█':
		return "#", true
	case '▒':
		return "=", true
	case '░':
		return "-", true
	case '▓':
		return "+", true
	case '\u00a0':
		return " ", true
	}
	return "", false
}

// ASCIIMap is the one ASCII mapping as a value whose Replace is ToASCII,
// for code that holds a strings.Replacer.
type ASCIIMap struct{}

// Replace returns ToASCII(t).
func (ASCIIMap) Replace(t string) string { return ToASCII(t) }
