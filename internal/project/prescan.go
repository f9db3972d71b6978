package project

// prescan looks at the bytes of a document before the TOML parser builds
// anything from them: a line whose keys and values hold more than
// maxStructure dots, brackets, braces and commas (outside strings and
// comments) is no project file's line — the longest, an array of 100
// standards, has about 100 — and parsing it would cost memory in
// proportion (a dotted key of half a million parts is half a million parse
// nodes). It returns the offset of the first such line's excess, or -1.
//
// The scan follows TOML's strings (basic, literal, multi-line) and comments
// closely enough to skip them; anything it misreads the parser reports.
func prescan(data []byte) int {
	const maxStructure = 256
	n := 0
	for i := 0; i < len(data); i++ {
		switch c := data[i]; c {
		case '\n':
			n = 0
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
			n = 0
		case '"', '\'':
			i = skipString(data, i)
		case '.', '[', ']', '{', '}', ',':
			n++
			if n > maxStructure {
				return i
			}
		}
	}
	return -1
}

// skipString returns the offset of the last byte of the string that starts
// at data[i] (a quote), or the end of the data.
func skipString(data []byte, i int) int {
	q := data[i]
	multi := i+2 < len(data) && data[i+1] == q && data[i+2] == q
	if multi {
		i += 3
		for ; i < len(data); i++ {
			if q == '"' && data[i] == '\\' {
				i++
				continue
			}
			if i+2 < len(data) && data[i] == q && data[i+1] == q && data[i+2] == q {
				return i + 2
			}
		}
		return len(data)
	}
	for i++; i < len(data); i++ {
		switch {
		case q == '"' && data[i] == '\\':
			i++
		case data[i] == q, data[i] == '\n':
			return i
		}
	}
	return len(data)
}
