package inputguard

import "time"

// States of the paste scanner.
const (
	stateNormal  = iota // outside a paste
	statePaste          // inside a paste the program has seen start
	stateDiscard        // an over-long paste, already ended for the program
)

// pasteByteCost is the rate cost of one byte of a paste: a paste is one
// message however long, but the parser reads every byte.
const pasteByteCost = 1.0 / 256

// scanner follows the paste markers byte by byte. Every byte is passed on
// as it comes (none is held back waiting for the rest of a marker, so a
// lone Escape key is never delayed); a marker split across reads is still
// recognised, because the partial match carries over.
type scanner struct {
	maxPaste   int
	state      int
	match      int // bytes of the awaited marker matched so far
	inEsc      int // 0: not in an escape sequence; 1: after ESC; 2: in CSI or SS3
	pasteAt    time.Time
	pasteBytes int
	dropped    int
}

func (s *scanner) downstreamInPaste() bool { return s.state == statePaste }

// reset forgets any paste and partial sequence.
func (s *scanner) reset() { s.state, s.match, s.inEsc = stateNormal, 0, 0 }

// endPaste ends the current paste for the program, if it is in one.
func (s *scanner) endPaste(out []byte) []byte {
	if s.state == statePaste {
		out = append(out, pasteEnd...)
	}
	s.state, s.match = stateNormal, 0
	return out
}

// feed appends the bytes of chunk that pass to out and returns the rate
// cost of what it appended.
func (s *scanner) feed(out, chunk []byte, now time.Time) ([]byte, float64) {
	cost := 0.0
	for _, b := range chunk {
		target := pasteEnd
		if s.state == stateNormal {
			target = pasteStart
		}
		switch {
		case b == target[s.match]:
			s.match++
		case b == target[0]:
			s.match = 1
		default:
			s.match = 0
		}
		complete := s.match == len(target)
		if complete {
			s.match = 0
		}
		switch s.state {
		case stateNormal:
			out = append(out, b)
			cost += s.eventCost(b)
			if complete {
				s.state, s.pasteAt, s.pasteBytes = statePaste, now, 0
			}
		case statePaste:
			switch {
			case complete:
				out = append(out, b)
				s.state = stateNormal
			case s.pasteBytes >= s.maxPaste:
				out = append(out, pasteEnd...)
				s.state, s.match = stateDiscard, 0
				s.dropped++
			default:
				out = append(out, b)
				s.pasteBytes++
				cost += pasteByteCost
			}
		case stateDiscard:
			s.dropped++
			if complete {
				s.state = stateNormal
			}
		}
	}
	return out, cost
}

// eventCost counts one event per key: an escape sequence (ESC [ ... final,
// ESC O x, ESC x) costs one, like a plain byte.
func (s *scanner) eventCost(b byte) float64 {
	switch {
	case b == 0x1b:
		s.inEsc = 1
		return 1
	case s.inEsc == 1 && (b == '[' || b == 'O'):
		s.inEsc = 2
		return 0
	case s.inEsc == 1:
		s.inEsc = 0
		return 0
	case s.inEsc == 2:
		if b >= 0x40 && b <= 0x7e {
			s.inEsc = 0
		}
		return 0
	}
	return 1
}
