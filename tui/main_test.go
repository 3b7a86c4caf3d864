package tui

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain fails the package's tests if any goroutine outlives them: every
// model's zone manager must be closed, every warm-up finished.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
