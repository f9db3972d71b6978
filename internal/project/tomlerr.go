package project

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"szsoft/calc"
	"szsoft/measures"
)

// What the TOML decoder says, in szsoft's words and in both languages.
//
// The decoder reports in English, and reports a character by the first
// byte of its UTF-8 form (万 shows as U+00E4 'ä'). A clerk who typed
// sales = 5000万 needs neither: tomlError first looks at the line for what
// people paste into a TOML file (an amount with 万, a date with slashes,
// Chinese quotation marks, a full-width equals sign) and says how to write
// it; otherwise it puts the decoder's message into the catalogue's words,
// with the character that is really there.

// The codes of TOML's own errors (the catalogue has their words).
const (
	ErrQuoteUnit    calc.Code = "toml.quote.unit"        // key, value
	ErrQuoteValue   calc.Code = "toml.quote.value"       // key, value
	ErrQuoteText    calc.Code = "toml.quote.text"        // key, value
	ErrQuoteDate    calc.Code = "toml.quote.date"        // key, value, iso
	ErrCurlyQuotes  calc.Code = "toml.curly"             // key
	ErrWideEquals   calc.Code = "toml.wide-equals"       // key
	HintQuote       calc.Code = "toml.quote.hint"        //
	ErrUTF16        calc.Code = "file.utf16"             //
	ErrTableName    calc.Code = "toml.table.chinese"     // name, table
	ErrWideBrackets calc.Code = "toml.table.wide"        //
	ErrWideColon    calc.Code = "toml.wide-colon"        // key, value
	ErrChineseKey   calc.Code = "toml.key.chinese"       // key
	HintChineseKey  calc.Code = "toml.key.chinese.hint"  //
	ErrBOMInside    calc.Code = "toml.bom"               //
	codeEOL         calc.Code = "toml.eol"               // the end of a line, as a character found
	codeEOF         calc.Code = "toml.eof"               // the end of the file, as a character found
	codeTOMLPrefix            = "toml."                  // + one of tomlMessages' codes
	runeArg                   = "char"                   // the character an error is at
	tomlArgPattern            = `(U\+[0-9A-F]+(?: .*)?)` // %#U as the decoder writes it
)

// tomlMessages are the decoder's messages (go-toml v2's parser), as
// patterns, and the codes of their words. A message not listed keeps the
// decoder's English, under ErrTOML.
var tomlMessages = []struct {
	pattern, code string
}{
	{"expected newline but got %#U", "newline"},
	{"unexpected character %#U at start of value", "value.start"},
	{"expected value but got %#U", "value.start"},
	{"expected value, not end of input", "value.end"},
	{"invalid character at start of key: %#U", "key.start"},
	{"expected key but reached end of input", "key.end"},
	{"expected '=' after key", "equals"},
	{"expected ']' to close table name", "table.close"},
	{"expected ']]' to close array table name", "arraytable.close"},
	{"expected ',' or ']' after array value", "array.comma"},
	{"array is incomplete", "array.open"},
	{"expected ',' or '}' after inline table key-value", "inline.comma"},
	{"unexpected comma in inline table", "inline.comma.extra"},
	{"inline table is incomplete", "inline.open"},
	{"arrays and inline tables are nested more than the maximum of %d levels deep", "nested"},
	{"unterminated basic string", "string.open"},
	{"unterminated literal string", "string.open"},
	{"multiline literal string not terminated by '''", "string.open"},
	{"basic strings cannot have new lines", "string.newline"},
	{"literal strings cannot have new lines", "string.newline"},
	{"basic strings cannot have control characters", "string.control"},
	{"literal strings cannot have control characters", "string.control"},
	{"multiline basic strings cannot have control characters", "string.control"},
	{"multiline literal strings cannot have control characters", "string.control"},
	{"too many quotes at the end of a multiline basic string", "string.quotes"},
	{"too many quotes at the end of a multiline literal string", "string.quotes"},
	{"invalid escape character %#U", "escape"},
	{"unicode escape sequence is too short", "escape.unicode"},
	{"invalid hexadecimal digit in unicode escape sequence", "escape.unicode"},
	{"escape sequence is not a valid unicode code point", "escape.unicode"},
	{"invalid UTF-8 character in basic string", "utf8"},
	{"invalid UTF-8 character in literal string", "utf8"},
	{"invalid UTF-8 character in multiline basic string", "utf8"},
	{"invalid UTF-8 character in multiline literal string", "utf8"},
	{"invalid UTF-8 character in comment", "utf8"},
	{"control characters are not allowed in comments", "comment.control"},
	{"carriage returns are not allowed in comments", "comment.control"},
	{"carriage returns must be followed by a newline character", "cr"},
	{"strings must be quoted", "string.bare"},
	{"expected keyword %q", "keyword"},
	{"expected %q", "expected"},
	{"integers cannot have leading zeroes", "number.zeroes"},
	{"number must have at least one digit between underscores", "number.underscores"},
	{"decimal point must be followed by a digit", "number.point"},
	{"need at least one digit after fraction point", "number.point"},
	{"exponent must contain at least one digit", "number.exponent"},
	{"expected number after sign", "number.sign"},
	{"expected digit but got %#U", "number.digit"},
	{"expected digit (0-9)", "number.digit.any"},
	{"sign is not allowed on numbers with a radix prefix", "number.radix"},
	{"radix prefix must be followed by at least one digit", "number.radix"},
	{"decimal number is too large to fit in a 64-bit signed integer", "number.large"},
	{"hexadecimal number is too large to fit in a 64-bit signed integer", "number.large"},
	{"octal number is too large to fit in a 64-bit signed integer", "number.large"},
	{"binary number is too large to fit in a 64-bit signed integer", "number.large"},
	{"unable to parse float: %s", "number.float"},
	{"dates are expected to have the format YYYY-MM-DD", "date.format"},
	{"impossible date", "date.impossible"},
	{"local datetimes are expected to have the format YYYY-MM-DDTHH:MM[:SS[.NNNNNNNNN]]", "datetime.format"},
	{"datetime separator is expected to be T or a space", "datetime.format"},
	{"extra characters at the end of a local date time", "datetime.format"},
	{"extra characters at the end of a local time", "time.format"},
	{"times are expected to have the format HH:MM[:SS[.NNNNNN]]", "time.format"},
	{"expecting colon between hours and minutes", "time.format"},
	{"expected a : separator", "time.format"},
	{"incomplete seconds", "time.format"},
	{"hour cannot be greater 23", "time.range"},
	{"minutes cannot be greater 59", "time.range"},
	{"seconds cannot be greater than 59", "time.range"},
	{"date-time is missing timezone", "time.zone"},
	{"invalid date-time timezone", "time.zone"},
	{"invalid timezone offset character", "time.zone"},
	{"invalid timezone offset hours", "time.zone"},
	{"invalid timezone offset minutes", "time.zone"},
	{"extra bytes at the end of the timezone", "time.zone"},
}

// tomlPatterns are tomlMessages compiled: the placeholders of fmt become
// groups. Compiled when a file first fails to decode, not at start-up
// (77 expressions cost 1.3 ms that 'szsoft calc' would pay every time).
var tomlPatterns = sync.OnceValue(func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(tomlMessages))
	for i, m := range tomlMessages {
		p := regexp.QuoteMeta(m.pattern)
		p = strings.ReplaceAll(p, "%#U", tomlArgPattern)
		p = strings.ReplaceAll(p, "%q", `(".*")`)
		p = strings.ReplaceAll(p, "%d", `(\d+)`)
		p = strings.ReplaceAll(p, "%s", `(.*)`)
		res[i] = regexp.MustCompile("^" + p + "$")
	}
	return res
})

// TOMLCodes returns the code of every message of the decoder szsoft has
// words for, for the catalogue's test.
func TOMLCodes() []calc.Code {
	codes := []calc.Code{ErrQuoteUnit, ErrQuoteValue, ErrQuoteText, ErrQuoteDate, ErrCurlyQuotes, ErrWideEquals, HintQuote, ErrUTF16, codeEOL, codeEOF,
		ErrTableName, ErrWideBrackets, ErrWideColon, ErrChineseKey, HintChineseKey, ErrBOMInside}
	for _, m := range tomlMessages {
		codes = append(codes, calc.Code(codeTOMLPrefix+m.code))
	}
	return codes
}

// tomlError turns the decoder's message m, at byte offset off of data, into
// an error and a hint, and the offset to show it at: a value pasted is shown
// where it starts.
func tomlError(reg *measures.Registry, data []byte, off int, m string) (msg, hint calc.Note, at int) {
	if msg, hint, v, ok := chineseLine(reg, data, off); ok {
		return msg, hint, v
	}
	if msg, hint, v, ok := pasted(data, off); ok {
		return msg, hint, v
	}
	m = strings.TrimSuffix(strings.TrimPrefix(m, "toml: "), ".")
	for i, re := range tomlPatterns() {
		sub := re.FindStringSubmatch(m)
		if sub == nil {
			continue
		}
		n := note(calc.Code(codeTOMLPrefix + tomlMessages[i].code))
		if len(sub) > 1 {
			n.Args.Set(runeArg, sub[1])
			if strings.HasPrefix(sub[1], "U+") {
				n.Args.Set(runeArg, charAt(data, off))
			}
		}
		return n, calc.Note{}, off
	}
	return note(ErrTOML, "detail", m), calc.Note{}, off
}

// charAt shows the character at byte offset off: the whole character, not
// the first byte of it, quoted; a control character by its escape; the end
// of a line or of the file in words.
func charAt(data []byte, off int) any {
	if off < 0 || off >= len(data) {
		return note(codeEOF)
	}
	r, _ := utf8.DecodeRune(data[off:])
	if r == '\n' {
		return note(codeEOL)
	}
	return strconv.QuoteRune(r)
}

// pasted recognises a line key = value whose value was pasted from a
// document rather than written in TOML: an amount with 万 or 亿, with
// separators, a currency sign or full-width digits; a rate with %; a date
// with slashes or 年月日; a word without quotes; Chinese quotation marks;
// a full-width equals sign. It returns the error that says how to write
// it.
func pasted(data []byte, off int) (msg, hint calc.Note, at int, ok bool) {
	line, start, found := lineAt(data, off)
	if !found {
		return calc.Note{}, calc.Note{}, 0, false
	}
	key, value, eq := strings.Cut(line, "=")
	wide := false
	if k, v, ok := strings.Cut(line, "＝"); ok && (!eq || len(k) < len(key)) {
		key, value, eq, wide = k, v, true, true
	}
	key = strings.TrimSpace(key)
	if !eq || key == "" || strings.ContainsAny(key, "[]#\"'") {
		return calc.Note{}, calc.Note{}, 0, false
	}
	if wide {
		return note(ErrWideEquals, "key", key), note(HintQuote), start + len(line) - len(value) - len("＝"), true
	}
	at = start + len(line) - len(strings.TrimLeft(value, " \t"))
	value = strings.TrimSpace(value)
	if i := strings.Index(value, " #"); i >= 0 {
		value = strings.TrimSpace(value[:i])
	}
	if value == "" {
		return calc.Note{}, calc.Note{}, 0, false
	}
	switch first, _ := utf8.DecodeRuneInString(value); first {
	case '“', '”', '‘', '’', '「', '『', '＂':
		return note(ErrCurlyQuotes, "key", key), note(HintQuote), at, true
	case '"', '\'', '[', '{':
		return calc.Note{}, calc.Note{}, 0, false
	}
	if d, err := calc.ParseDate(value); err == nil {
		return note(ErrQuoteDate, "key", key, "value", value, "iso", d.String()), calc.Note{}, at, true
	}
	if _, err := calc.ParseAmount(value); err == nil {
		if strings.ContainsAny(value, "万亿元") {
			return note(ErrQuoteUnit, "key", key, "value", value), calc.Note{}, at, true
		}
		return note(ErrQuoteValue, "key", key, "value", value), calc.Note{}, at, true
	}
	if _, err := calc.ParseRate(value); err == nil {
		return note(ErrQuoteValue, "key", key, "value", value), calc.Note{}, at, true
	}
	if bareWord(value) {
		return note(ErrQuoteText, "key", key, "value", value), calc.Note{}, at, true
	}
	return calc.Note{}, calc.Note{}, 0, false
}

// lineAt returns the line of data that holds byte offset off, without its
// line break, and where it starts.
func lineAt(data []byte, off int) (line string, start int, ok bool) {
	start, end := off, off
	if start > len(data) || start < 0 {
		return "", 0, false
	}
	for start > 0 && data[start-1] != '\n' {
		start--
	}
	for end < len(data) && data[end] != '\n' {
		end++
	}
	return strings.TrimRight(string(data[start:end]), "\r"), start, true
}

// findIn finds the measure name names in reg, which is nil for a file
// that names no measures (an edition file).
func findIn(reg *measures.Registry, name string) (*measures.Measure, bool) {
	if reg == nil {
		return nil, false
	}
	return reg.Find(name)
}

// chineseLine recognises a line written the way a Chinese document would
// have it: a measure's table by its Chinese name ([首版次]), in Chinese
// brackets (【first-version】), a key in Chinese (销售额 = …), a full-width
// colon for the equals sign (sales：5e7).
func chineseLine(reg *measures.Registry, data []byte, off int) (msg, hint calc.Note, at int, ok bool) {
	line, start, found := lineAt(data, off)
	if !found {
		return calc.Note{}, calc.Note{}, 0, false
	}
	trimmed := strings.TrimSpace(line)
	at = start + len(line) - len(strings.TrimLeft(line, " \t"))
	if i := strings.Index(line, "\ufeff"); i >= 0 {
		// A byte-order mark inside the file: one file pasted into another.
		return note(ErrBOMInside), calc.Note{}, start + i, true
	}
	if open, _ := utf8.DecodeRuneInString(trimmed); open == '[' || open == '【' || open == '［' {
		name := strings.Trim(trimmed, "[]【】［］ \"'")
		if m, ok := findIn(reg, name); ok && name != m.Name {
			return note(ErrTableName, "name", name, "table", "["+m.Name+"]"), calc.Note{}, at, true
		}
		if open != '[' {
			return note(ErrWideBrackets), calc.Note{}, at, true
		}
		return calc.Note{}, calc.Note{}, 0, false
	}
	key, value, eq := strings.Cut(trimmed, "=")
	if k, v, wide := strings.Cut(trimmed, "："); wide && (!eq || len(k) < len(key)) {
		return note(ErrWideColon, "key", strings.TrimSpace(k), "value", strings.TrimSpace(v)), note(HintQuote), at, true
	}
	key = strings.TrimSpace(key)
	if eq && key != "" && !strings.ContainsAny(key, "\"'") && !isASCII(key) {
		_ = value
		return note(ErrChineseKey, "key", key), note(HintChineseKey), at, true
	}
	return calc.Note{}, calc.Note{}, 0, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// bareWord reports whether v is a word or a few, letters and digits, that
// TOML would take only in quotes (national, 国家级, cmmi-5) and not one of
// TOML's own words.
func bareWord(v string) bool {
	switch v {
	case "true", "false", "inf", "nan":
		return false
	}
	letter := false
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= 0x3400:
			letter = true
		default:
			return false
		}
	}
	return letter
}
