package explore

import (
	"testing"
	"time"
)

var exportTime = time.Date(2026, 11, 21, 10, 30, 5, 0, time.UTC)

func TestExportBase(t *testing.T) {
	tests := []struct{ view, want string }{
		{"platforms", "docsurvey-platforms-20261121-103005"},
		{"Sources / measure", "docsurvey-sources-measure-20261121-103005"},
		{"../../etc", "docsurvey-etc-20261121-103005"},
		{"", "docsurvey-view-20261121-103005"},
	}
	for _, tt := range tests {
		if got := ExportBase(tt.view, exportTime); got != tt.want {
			t.Errorf("ExportBase(%q) = %q, want %q", tt.view, got, tt.want)
		}
	}
}
