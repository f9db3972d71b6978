package render

import (
	"strings"
	"testing"
)

// A name from a file is text in Markdown: no image, no link (issue 22).
func TestMarkdownEscapesLinks(t *testing.T) {
	got := md("![t](http://evil.example/x.png) [c](http://evil.example/p)")
	for _, bad := range []string{"![", "](", "://"} {
		if strings.Contains(got, bad) {
			t.Errorf("md kept %q: %s", bad, got)
		}
	}
	// A note's reference stays as written.
	if md("cap [1]") != "cap [1]" {
		t.Errorf("md(cap [1]) = %q", md("cap [1]"))
	}
}

// Clip cuts to a width in display columns, a Chinese character two, and
// ends a cut text in …; a text that fits is untouched.
func TestClip(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{
		{"short", 10, "short"},
		{strings.Repeat("x", 32767), 10, "xxxxxxxxx…"},
		{"前海数科信息技术", 9, "前海数科…"},
	} {
		if got := Clip(c.s, c.w); got != c.want {
			t.Errorf("Clip(%.20q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}

// The batch table of 2,000 rows, one with a name of 32,767 characters,
// is not padded to that name: each line stays short.
func TestBatchTableLongName(t *testing.T) {
	var b strings.Builder
	tb := &table{w: &b, o: Options{Many: true}}
	tb.Fail(Failure{File: "long.csv:2", Name: strings.Repeat("名", 32767), Message: "x"})
	for range 2000 {
		tb.Fail(Failure{File: "a.toml", Message: "y"})
	}
	if err := tb.End(); err != nil {
		t.Fatal(err)
	}
	if b.Len() > 2001*400 {
		t.Errorf("%d bytes for 2,001 rows", b.Len())
	}
}
