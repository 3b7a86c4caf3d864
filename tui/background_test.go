package tui

import "testing"

func TestParseColorFGBG(t *testing.T) {
	tests := []struct {
		in       string
		dark, ok bool
	}{
		{"15;0", true, true},
		{"0;15", false, true},
		{"12;8", true, true},
		{"0;7", false, true},
		{"default;default", false, false},
		{"", false, false},
		{"15;-1", false, false},
	}
	for _, tt := range tests {
		dark, ok := parseColorFGBG(tt.in)
		if dark != tt.dark || ok != tt.ok {
			t.Errorf("parseColorFGBG(%q) = %v, %v; want %v, %v", tt.in, dark, ok, tt.dark, tt.ok)
		}
	}
}

func TestParseBackgroundReply(t *testing.T) {
	tests := []struct {
		in       string
		dark, ok bool
	}{
		{"\x1b]11;rgb:0000/0000/0000\a", true, true},
		{"\x1b]11;rgb:ffff/ffff/ffff\x1b\\", false, true},
		{"\x1b]11;rgb:ff/ff/ff\a", false, true},
		{"\x1b]11;rgba:2020/2020/2020/ffff\a", true, true},
		{"\x1b[1;1R", false, false},
		{"garbage", false, false},
	}
	for _, tt := range tests {
		dark, ok := parseBackgroundReply(tt.in)
		if dark != tt.dark || ok != tt.ok {
			t.Errorf("parseBackgroundReply(%q) = %v, %v; want %v, %v", tt.in, dark, ok, tt.dark, tt.ok)
		}
	}
}
