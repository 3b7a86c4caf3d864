package tui

import (
	"regexp"
	"strconv"
	"strings"
)

// parseColorFGBG reads COLORFGBG ("15;0": foreground;background as ANSI
// colour numbers); backgrounds 0-6 and 8 are dark.
func parseColorFGBG(v string) (dark, ok bool) {
	i := strings.LastIndex(v, ";")
	if i < 0 {
		return false, false
	}
	n, err := strconv.Atoi(v[i+1:])
	if err != nil || n < 0 {
		return false, false
	}
	return n <= 6 || n == 8, true
}

var oscRGB = regexp.MustCompile(`\]11;rgba?:([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})/([0-9a-fA-F]{1,4})`)

// parseBackgroundReply reads a terminal's answer to OSC 11 and says whether
// the colour is dark (relative luminance under one half).
func parseBackgroundReply(reply string) (dark, ok bool) {
	m := oscRGB.FindStringSubmatch(reply)
	if m == nil {
		return false, false
	}
	var rgb [3]float64
	for i := range rgb {
		v, err := strconv.ParseUint(m[i+1], 16, 32)
		if err != nil {
			return false, false
		}
		maxV := float64(uint64(1)<<(4*len(m[i+1])) - 1)
		rgb[i] = float64(v) / maxV
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	return lum < 0.5, true
}
