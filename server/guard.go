package server

import (
	"fmt"
	"reflect"
	"runtime/debug"
	"sync"
	"sync/atomic"

	tea "charm.land/bubbletea/v2"
)

// guard wraps a session's model so that a panic in Init, Update, View or in
// a command (returned directly or inside tea.Batch or tea.Sequence, at any
// depth) is recovered here, recorded, and ends only this session. Bubble Tea
// would also recover it, but it prints the stack to the server's stdout;
// this way the server's logger gets it.
type guard struct {
	m tea.Model

	failed   atomic.Bool
	once     sync.Once
	panicked chan struct{} // closed on the first panic
	where    string
	value    any
	stack    []byte
}

func newGuard() *guard { return &guard{panicked: make(chan struct{})} }

// fail records the first panic. It must be called from a deferred function
// that recovered r, so that the stack is the panicking one.
func (g *guard) fail(where string, r any) {
	g.failed.Store(true)
	g.once.Do(func() {
		g.where, g.value, g.stack = where, r, debug.Stack()
		close(g.panicked)
	})
}

// panicInfo returns a description of the recorded panic and its stack, or
// "" if there was none. Only call it after the program has finished.
func (g *guard) panicInfo() (string, string) {
	if !g.failed.Load() {
		return "", ""
	}
	return fmt.Sprintf("%s: %v", g.where, g.value), string(g.stack)
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.fail("Init", r)
			cmd = tea.Quit
		}
	}()
	return g.wrap(g.m.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	if g.failed.Load() {
		return g, tea.Quit
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail("Update", r)
			m, cmd = g, tea.Quit
		}
	}()
	next, c := g.m.Update(msg)
	g.m = next
	return g, g.wrap(c)
}

func (g *guard) View() (v tea.View) {
	if g.failed.Load() {
		return tea.View{}
	}
	defer func() {
		if r := recover(); r != nil {
			g.fail("View", r)
			v = tea.View{}
		}
	}()
	return g.m.View()
}

func (g *guard) wrap(c tea.Cmd) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.fail("command", r)
				msg = nil
			}
		}()
		return g.wrapMsg(c())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapMsg wraps the commands inside a message that is a slice of commands:
// tea.BatchMsg, and the unexported message of tea.Sequence, which can only
// be rebuilt through reflection (a new slice of the same type).
func (g *guard) wrapMsg(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(g.wrap(c)))
	}
	return out.Interface()
}
