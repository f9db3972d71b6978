package render

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Text for a terminal is wrapped at its width the way Chinese and English
// are set: English breaks at spaces, Chinese between any two characters,
// but never inside a number (50,000,000.00, 30%, 5000万, 2026-03-01), never
// before a closing mark (，。、）」%) and never after an opening one (（「“).
// A number, or a word of up to 16 columns, wider than the line stays whole
// and overflows; a longer word (a path) is cut.

// DisplayWidth is the width of s in terminal columns: East Asian wide and
// full-width characters take two, others one (ambiguous ones, such as · and
// “, one: what current terminals and tmux show). The same on every machine,
// whatever its locale.
func DisplayWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += runeWidth(r)
		i += size
	}
	return n
}

func runeWidth(r rune) int {
	if r < utf8.RuneSelf {
		return 1
	}
	// The common Chinese of names and notes (CJK unified ideographs, the
	// full-width forms), without the tables' search.
	if r >= 0x4e00 && r <= 0x9fff || r >= 0xff01 && r <= 0xff60 {
		return 2
	}
	if zeroWidth(r) {
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// zeroWidth reports the characters that take no column of their own: they
// mark or join the character before them.
func zeroWidth(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me) || r == 0x200d || r == 0x200c ||
		r >= 0xfe00 && r <= 0xfe0f || r >= 0x1f3fb && r <= 0x1f3ff || r >= 0xe0100 && r <= 0xe01ef
}

// atom is a piece of text a line never breaks inside: a word, a number with
// what sticks to it, one Chinese character, or a run of spaces.
type atom struct {
	text    string
	width   int
	space   bool
	glue    bool // a space no line may break at: between a flag and its value
	noBreak bool // no line break may come before it
	number  bool // never cut, even when wider than a line
}

// maxWhole is the widest word that is never cut, whatever the width.
const maxWhole = 16

// maxSet is the longest paragraph set word by word (64 KiB); a longer one
// (a name of a hostile file) is cut at the width, so that no text costs
// more than a few bytes of memory per byte.
const maxSet = 1 << 16

// Closing marks never start a line; opening marks never end one.
const (
	noStart = "，。、；：？！）】」』》〉〕”’…%％,.;:!?)]}·万亿元号年月日"
	noEnd   = "（【「『《〈〔“‘([{¥￥"
)

// atoms splits one paragraph (no line breaks) into atoms.
func atoms(s string) []atom {
	var out []atom
	prevEnd := true // the previous atom may end a line
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		j := i + n
		a := atom{}
		switch {
		case r == ' ':
			for j < len(s) && s[j] == ' ' {
				j++
			}
			a.space = true
		case runeWidth(r) == 2 || strings.ContainsRune(noStart+noEnd, r):
			// One character: Chinese, or a mark that binds to its
			// neighbour.
		default:
			// A word: up to a space, a wide character or a mark that
			// breaks (an ASCII closing mark stays in the word: "1,000,").
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 == ' ' || runeWidth(r2) == 2 || r2 >= utf8.RuneSelf && strings.ContainsRune(noStart+noEnd, r2) {
					break
				}
				j += n2
				if r2 == 0x200d && j < len(s) { // a joiner takes the next one along
					_, n3 := utf8.DecodeRuneInString(s[j:])
					j += n3
				}
			}
		}
		// What joins a character to the one before it goes with it: combining
		// marks, variation selectors, emoji modifiers; after a zero-width
		// joiner, the character it joins too (👨‍👩‍👧 is one).
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !zeroWidth(r2) {
				break
			}
			j += n2
			if r2 == 0x200d && j < len(s) {
				_, n3 := utf8.DecodeRuneInString(s[j:])
				j += n3
			}
		}
		a.text = s[i:j]
		a.width = DisplayWidth(a.text)
		first, _ := utf8.DecodeRuneInString(a.text)
		a.noBreak = !a.space && (!prevEnd || strings.ContainsRune(noStart, first))
		a.number = strings.ContainsAny(a.text, "0123456789")
		last, _ := utf8.DecodeLastRuneInString(a.text)
		prevEnd = !strings.ContainsRune(noEnd, last)
		if !a.space && a.width > 1 && !strings.ContainsAny(a.text, "/\\") {
			out = append(out, splitID(a)...)
		} else {
			out = append(out, a)
		}
		i = j
	}
	out = joinNames(out)
	// A flag and the number after it stay on one line: --sales 50,000,000.00.
	for i := 2; i < len(out); i++ {
		if out[i-1].space && out[i].number && strings.HasPrefix(out[i-2].text, "--") {
			out[i-1].glue, out[i].noBreak = true, true
		}
	}
	return out
}

// joinNames keeps short Chinese words and the parts of a name whole: a run
// of at most maxWord Chinese characters between spaces, marks or Latin
// letters (软件开发商, 最低为) is one atom, and a name with a middle dot
// (首版次软件·软件开发商) breaks only after the dot. Longer runs are prose,
// which Chinese breaks between any two characters.
func joinNames(as []atom) []atom {
	isChar := func(a atom) bool {
		r, _ := utf8.DecodeRuneInString(a.text)
		return !a.space && a.width == 2 && !strings.ContainsRune(noStart+noEnd, r)
	}
	join := func(run []atom) atom {
		a := run[0]
		for _, b := range run[1:] {
			a.text += b.text
			a.width += b.width
		}
		return a
	}
	var out []atom
	for i := 0; i < len(as); {
		if !isChar(as[i]) {
			out = append(out, as[i])
			i++
			continue
		}
		j := i + 1
		for j < len(as) && (isChar(as[j]) || as[j].text == "·" && j+1 < len(as) && isChar(as[j+1])) {
			j++
		}
		// The run's parts, split after each dot.
		start := i
		for k := i; k < j; k++ {
			if as[k].text != "·" && k+1 < j {
				continue
			}
			part := as[start : k+1]
			if len(part) <= maxWord || j-i > len(part) {
				out = append(out, join(part))
			} else {
				out = append(out, part...)
			}
			start = k + 1
		}
		i = j
	}
	return out
}

// maxWord is the longest run of Chinese characters kept whole.
const maxWord = 6

// splitID lets an item id break after its dot (first-version.developer →
// first-version. developer); a measure's name, a flag and a word with a
// digit in it (a number, a date, a level) stay whole, to be copied whole.
func splitID(a atom) []atom {
	if a.number || a.width < 2 || a.text[0] == '-' || !strings.Contains(a.text[:len(a.text)-1], ".") {
		return []atom{a} // a number, or a flag (--operating-cost)
	}
	var out []atom
	start := 0
	for i := 0; i < len(a.text)-1; i++ {
		if a.text[i] == '.' && isLetter(a.text[i+1]) && i > start+1 && isLetter(a.text[i-1]) && isLetter(a.text[start]) {
			out = append(out, atom{text: a.text[start : i+1], width: i + 1 - start})
			start = i + 1
		}
	}
	out = append(out, atom{text: a.text[start:], width: DisplayWidth(a.text[start:])})
	out[0].noBreak = a.noBreak
	return out
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// Wrap breaks s into lines of at most w columns (w <= 0: no wrapping). Line
// breaks in s are kept.
func Wrap(s string, w int) []string { return wrapAt(s, w, w) }

// wrapAt breaks s into lines, the first of at most first columns, the others
// of at most rest. The work is linear in the length of s, whatever s holds.
func wrapAt(s string, first, rest int) []string {
	var lines []string
	for i, para := range strings.Split(s, "\n") {
		w := rest
		if i == 0 {
			w = first
		}
		lines = append(lines, wrapPara(para, w, rest)...)
	}
	return lines
}

// canBreakBefore reports whether a line may break before a.
func (a atom) canBreakBefore() bool { return a.space && !a.glue || !a.space && !a.noBreak }

func wrapPara(s string, first, rest int) []string {
	if first <= 0 || DisplayWidth(s) <= first {
		return []string{s}
	}
	if len(s) > maxSet {
		// Not text a person wrote: cut it at the width, cheaply.
		return cut(s, rest)
	}
	as := atoms(s)
	w := first
	var lines []string
	var line []atom
	lineW := 0
	brk := 0 // the last index of line a break may come before (0: none)
	push := func(a atom) {
		if len(line) > 0 && a.canBreakBefore() {
			brk = len(line)
		}
		line = append(line, a)
		lineW += a.width
	}
	flush := func(upto int) {
		// upto atoms of line make the line; the rest start the next one.
		out := line[:upto]
		for len(out) > 0 && out[len(out)-1].space {
			out = out[:len(out)-1]
		}
		var b strings.Builder
		for _, a := range out {
			b.WriteString(a.text)
		}
		lines = append(lines, b.String())
		tail := line[upto:]
		for len(tail) > 0 && tail[0].space {
			tail = tail[1:]
		}
		tail = append([]atom(nil), tail...)
		line, lineW, brk, w = line[:0], 0, 0, rest
		for _, a := range tail {
			push(a)
		}
	}
	for _, a := range as {
		if a.space && len(line) == 0 {
			continue
		}
		if lineW+a.width <= w || a.space {
			push(a)
			continue
		}
		// a does not fit: break before it, or at the last place the line
		// may break.
		at := len(line)
		if !a.canBreakBefore() {
			at = brk
		}
		if at > 0 {
			flush(at)
		}
		if !a.number && a.width > w && a.width > maxWhole && len(line) == 0 {
			// A long word wider than any line (a path): cut it. A short
			// one (a name, developer) overflows rather than lose a letter
			// to the next line.
			for _, piece := range cut(a.text, w) {
				push(atom{text: piece, width: DisplayWidth(piece)})
				if lineW >= w {
					flush(len(line))
				}
			}
			continue
		}
		push(a)
	}
	if len(line) > 0 {
		flush(len(line))
	}
	return lines
}

// cut splits a word into pieces of at most w columns.
func cut(s string, w int) []string {
	var out []string
	start, n := 0, 0
	for i, r := range s {
		rw := runeWidth(r)
		if n+rw > w && i > start {
			out = append(out, s[start:i])
			start, n = i, 0
		}
		n += rw
	}
	return append(out, s[start:])
}

// MinWidth is the narrowest a column holding s can be without cutting a
// number or a word: the widest of its atoms.
func MinWidth(s string) int {
	if len(s) > maxSet {
		return maxWhole
	}
	m := 0
	for _, para := range strings.Split(s, "\n") {
		for _, a := range atoms(para) {
			if !a.space {
				m = max(m, a.width)
			}
		}
	}
	return m
}

// Indent wraps s at w columns and indents it: the first line by first, the
// others by rest (a hanging indent). It ends with a line break.
func Indent(s string, w int, first, rest string) string {
	var b strings.Builder
	inner, innerFirst := 0, 0
	if w > 0 {
		inner = max(w-DisplayWidth(rest), 1)
		innerFirst = max(w-DisplayWidth(first), 1)
	}
	for i, l := range wrapAt(s, innerFirst, inner) {
		if i == 0 {
			b.WriteString(first)
		} else {
			b.WriteString(rest)
		}
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return b.String()
}
