package cli

import (
	"os"
	"strconv"
)

// minShowWidth is the narrowest text show draws (--width checks it too).
const minShowWidth = 20

// columnsFromEnv is the width the COLUMNS variable asks for, as shells set
// it and as "COLUMNS=120 docsurvey show … | less" does, for output that is
// not a terminal. ok is false when COLUMNS is unset or not a positive
// number. Values below minShowWidth are raised to it; very wide ones are
// left to the renderer, which clamps them.
func columnsFromEnv() (width int, ok bool) {
	n, err := strconv.Atoi(os.Getenv("COLUMNS"))
	if err != nil || n <= 0 {
		return 0, false
	}
	return max(n, minShowWidth), true
}
