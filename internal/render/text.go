package render

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Names, applicants, keys and file names come from files a user did not
// write. Shown to a person, their control characters are escaped — never
// sent raw to a terminal, where ESC clears the screen and CR overwrites the
// line — and so are the Unicode controls that reorder text on the screen.

// Safe escapes the control characters of s: \n, \r, \t, \x1b, \u202e.
func Safe(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0:
			fmt.Fprintf(&b, `\x%02x`, r)
		case isBidi(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == utf8.RuneError && n == 1 || isBidi(r) {
			return true
		}
		i += n
	}
	return false
}

// isBidi reports the characters that reorder the text around them
// (embeddings, overrides, isolates), and the invisible ones that hide in
// it (zero-width space, word joiner, byte-order mark); joiners that shape
// text (ZWJ in emoji, ZWNJ) are left alone.
func isBidi(r rune) bool {
	return r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f ||
		r == 0x200b || r == 0x2060 || r == 0xfeff ||
		// and the other invisible ones a name could hide behind: zero-
		// width (non-)joiners, a soft hyphen, Arabic's letter mark.
		r == 0x200c || r == 0x200d || r == 0xad || r == 0x61c || r >= 0x2061 && r <= 0x2064
}

// mdEscape keeps a cell's text from breaking a Markdown table or turning
// into HTML: a pipe, a line break, <, > and & are written so that they
// show as themselves.
//
// A link's and an image's syntax is broken too, so that a name from a
// file (![t](http://evil.example/x.png) [c](http://evil.example/p)) stays
// text: "](" and "![" get a backslash, and "://" loses the autolink of a
// bare address; a note's [1] stays as it is.
var mdEscape = strings.NewReplacer("|", `\|`, "<", "&lt;", ">", "&gt;", "&", "&amp;", "\n", `\n`, "\r", `\r`,
	`\`, `\\`, "](", `]\(`, "![", `!\[`, "]:", `]\:`, "://", `:\/\/`)

// md is a Markdown cell or line: escaped, then its controls shown.
func md(s string) string { return Safe(mdEscape.Replace(s)) }

// Clip cuts s to at most width display columns, ending in … when cut: a
// name of 32,767 characters in a table of 20,000 rows would pad every
// row to it.
func Clip(s string, width int) string {
	if len(s) <= width {
		return s
	}
	w := 0
	for i, r := range s {
		rw := runeWidth(r)
		if w+rw > width-1 {
			return s[:i] + "…"
		}
		w += rw
	}
	return s
}

// csvText is a CSV text cell (file, name, applicant, error): a cell that
// would start with =, +, -, @, a tab or a CR is a formula to Excel, and gets
// a leading ' (the convention OWASP names); controls are escaped.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		s = "'" + s
	}
	return Safe(s)
}
