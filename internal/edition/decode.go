package edition

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"szsoft/calc"
	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// Problem is one mistake in an edition file: where it is (Off, the byte
// offset in the file, -1 when it has none; Path, the keys that lead to
// it) and what it is, in Chinese and English — or, for an amount or a
// rate that does not read, the key and the error of reading it, whose
// words are the command line's.
type Problem struct {
	Off    int
	Path   []string
	Zh, En string
	Key    string
	Value  error
	// Err is why the published text could not be read, when it is a
	// *TextErr: its words are the catalogue's.
	Err error
}

// TextErr is why an edition's published text cannot be read, as a code
// of the message catalogue and its arguments.
type TextErr struct {
	Code calc.Code
	Args calc.Args
}

func (e *TextErr) Error() string { return string(e.Code) }

// TextError is a TextErr of the code and its arguments (name, value pairs).
func TextError(code calc.Code, kv ...any) error {
	return &TextErr{Code: code, Args: calc.ArgsOf(kv...)}
}

// Limits are the shape of an edition file: as deep as a tier's label
// (measure[0].item[2].tiers[1].label.zh), as many keys and array elements
// as a large policy needs, no more.
var Limits = tomlloc.Limits{Depth: 9, KeyParts: 6, KeyLen: 64, Keys: 256, Elements: 10000, Placed: 10000}

// The largest edition file and published text read, and the most
// clauses and items an edition has: each quote is looked for in the text,
// so that their product bounds the work of checking a stranger's edition
// (深府规〔2022〕5号 is 20 KB of text, 20 clauses and 40 items).
const (
	MaxSize    = 4 << 20
	MaxText    = 1 << 20
	MaxItems   = 1000
	MaxClauses = 1000
)

// Decode turns an edition file into an edition: doc is the file walked
// (valid TOML within Limits: the caller checked both), text reads the
// published text the file's text key names. Every problem found is
// returned; the edition is not validated (Check does that).
func Decode(doc *tomlloc.Doc, text func(name string) (string, error)) (*measures.Edition, []Problem) {
	c := &converter{doc: doc}
	// Unknown keys are found in the walk of the document, each once: the
	// decoder's strict mode reads the whole file again for each one it
	// reports (40 KB of [[x]] took 0.7 s).
	c.unknownKeys()
	var f fileEdition
	if err := toml.NewDecoder(bytes.NewReader(doc.Data)).Decode(&f); err != nil {
		var de *toml.DecodeError
		switch {
		case errors.As(err, &de):
			// A value of the wrong type stops the decoder: it is the
			// one problem said.
			c.mistyped(de)
			return nil, c.ps
		default:
			c.ps = append(c.ps, Problem{Off: -1, Zh: err.Error(), En: err.Error()})
			return nil, c.ps
		}
	}
	// No string of the file, nor its text, may carry what a terminal, a
	// TOML comment or a reader's eye would take for something else.
	c.controls(reflect.ValueOf(f), nil)
	var body string
	switch name := f.Edition.Text; {
	case name == "":
		c.bad([]string{"edition", "text"}, "版本缺少政策原文（text = \"文件名.txt\"，放在本文件旁）",
			"an edition needs its published text (text = \"name.txt\", beside this file)")
	default:
		t, err := text(name)
		if err != nil {
			c.bad([]string{"edition", "text"}, "无法读取政策原文 %q：%v", "cannot read the published text %q: %v", name, err)
			c.ps[len(c.ps)-1].Err = err
		}
		body = t
		if err == nil && strings.TrimSpace(t) == "" {
			c.bad([]string{"edition", "text"}, "政策原文 %q 是空的", "the published text %q is empty", name)
		}
		if line, r, ok := badRune(t, true); ok {
			c.bad([]string{"edition", "text"}, "政策原文 %q 第 %d 行含控制字符 %U：不能用作政策原文", "the published text %[1]q has the control character %[3]U on line %[2]d", name, line, r)
		}
	}
	items := 0
	for _, m := range f.Measure {
		items += len(m.Item)
	}
	if items > MaxItems || len(f.Clause) > MaxClauses {
		c.bad(nil, "条款或事项过多（各最多 %d 个）：不是政策版本文件", "too many clauses or items (at most %d of each): not an edition file", MaxItems)
		return nil, c.ps
	}
	e := c.edition(&f, body)
	return e, c.ps
}

// Extends is the edition a file's [edition] extends, "" for an edition
// (or a file that does not read): what orders a run's files, editions
// before their layers.
// It walks the file within Limits, as any stranger's file is walked.
func Extends(data []byte) string {
	doc, err := tomlloc.Walk(data, Limits)
	if err != nil || len(doc.Shape) > 0 {
		return ""
	}
	if loc, ok := doc.Locs[tomlloc.PathKey([]string{"edition", "extends"})]; ok {
		return loc.Raw
	}
	return ""
}

// Check validates an edition decoded from doc, each problem at its place;
// a problem at a key that known (Decode's) names already is left out.
func Check(e *measures.Edition, doc *tomlloc.Doc, known []Problem) []Problem {
	err := e.Validate()
	var ps measures.Problems
	if !errors.As(err, &ps) {
		return nil
	}
	c := &converter{doc: doc}
	for _, p := range ps {
		if slices.ContainsFunc(known, func(k Problem) bool { return slices.Equal(k.Path, p.Path) }) {
			continue
		}
		c.ps = append(c.ps, Problem{Off: c.at(p.Path), Path: p.Path, Zh: p.Zh, En: p.Msg})
	}
	return c.ps
}

// CheckLayer validates a layer decoded from doc against the edition it
// extends, each problem at its place.
func CheckLayer(l, base *measures.Edition, doc *tomlloc.Doc) []Problem {
	var ps measures.Problems
	if !errors.As(l.ValidateLayer(base), &ps) {
		return nil
	}
	c := &converter{doc: doc}
	for _, p := range ps {
		c.ps = append(c.ps, Problem{Off: c.at(p.Path), Path: p.Path, Zh: p.Zh, En: p.Msg})
	}
	return c.ps
}

// unknownKeys records every key of the document the file format does not
// have (not those below it), in the order of the file.
func (c *converter) unknownKeys() {
	// The unknown keys found, by PathKey: a path below one is passed over
	// (each of a path's few prefixes looked up, not every key found).
	bad := map[string]bool{}
	below := func(path []string) bool {
		for n := 1; n <= len(path); n++ {
			if bad[tomlloc.PathKey(path[:n])] {
				return true
			}
		}
		return false
	}
	for _, path := range c.doc.Order {
		if below(path) {
			continue
		}
		if n := unknownAt(path); n >= 0 {
			bad[tomlloc.PathKey(path[:n+1])] = true
			loc := c.doc.Locs[tomlloc.PathKey(path[:n+1])]
			c.unknown(path[:n+1], loc.KeyOff)
		}
	}
}

// unknownAt is the index of the first part of path the file format does
// not have, or -1.
func unknownAt(path []string) int {
	t := reflect.TypeOf(fileEdition{})
	for i, part := range path {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if strings.HasPrefix(part, "[") {
			if t.Kind() == reflect.Slice {
				t = t.Elem()
			}
			continue
		}
		switch t.Kind() {
		case reflect.Struct:
			f, ok := fieldByTag(t, part)
			if !ok {
				return i
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		default:
			return -1 // an any, or a value a mistyped key holds: the decoder says
		}
	}
	return -1
}

// unknown records a key the file format does not have, with the key
// nearest it, if one is near.
func (c *converter) unknown(path []string, off int) {
	var key []string
	for _, p := range path {
		if !strings.HasPrefix(p, "[") {
			key = append(key, p)
		}
	}
	p := Problem{Off: off, Path: path}
	name := key[len(key)-1]
	where := strings.Join(key[:len(key)-1], ".")
	if where == "" {
		where = "（顶层）"
	}
	name = calc.Shorten(name)
	p.Zh = fmt.Sprintf("未知的键 %q（在 %s 中）", name, where)
	p.En = fmt.Sprintf("unknown key %q (in %s)", name, strings.Replace(where, "（顶层）", "the top level", 1))
	if s := measures.Suggest(name, knownKeys(key[:len(key)-1])); s != "" {
		p.Zh += fmt.Sprintf("；是否要写 %s？", s)
		p.En += fmt.Sprintf("; did you mean %s?", s)
	} else if ks := knownKeys(key[:len(key)-1]); len(ks) > 0 {
		p.Zh += "；可用的键：" + strings.Join(ks, "、")
		p.En += "; the keys here are " + strings.Join(ks, ", ")
	}
	c.add(p)
}

// mistyped records a value of the wrong type: what the key takes.
func (c *converter) mistyped(e *toml.DecodeError) {
	key := []string(e.Key())
	line, col := e.Position()
	p := Problem{Off: tomlloc.OffsetAt(c.doc.Data, line, col), Path: key}
	zh, en := "类型不对", "of the wrong type"
	if t, ok := keyType(key); ok {
		zh, en = typeWords(t)
	}
	p.Zh = fmt.Sprintf("%s 应为%s", strings.Join(key, "."), zh)
	p.En = fmt.Sprintf("%s takes %s", strings.Join(key, "."), en)
	c.ps = append(c.ps, p)
}

// typeWords says what a value of the type is written as.
func typeWords(t reflect.Type) (zh, en string) {
	switch {
	case t == reflect.TypeOf(toml.LocalDate{}):
		return "日期（如 2022-10-15，不加引号）", "a date (2022-10-15, unquoted)"
	case t.Kind() == reflect.String:
		return "加引号的文字（如 \"30%\"）", "a quoted text (\"30%\")"
	case t.Kind() == reflect.Int:
		return "整数（如 3）", "a whole number (3)"
	case t.Kind() == reflect.Bool:
		return "true 或 false", "true or false"
	case t.Kind() == reflect.Slice:
		return "数组（如 [\"a\", \"b\"]）", "an array ([\"a\", \"b\"])"
	case t.Kind() == reflect.Struct, t.Kind() == reflect.Map, t.Kind() == reflect.Pointer:
		return "表（如 { zh = \"…\", en = \"…\" }）", "a table ({ zh = \"…\", en = \"…\" })"
	}
	return "金额、比例或文字", "an amount, a rate or a text"
}

// keyType is the type the file format gives the key (array indexes not
// counted).
func keyType(key []string) (reflect.Type, bool) {
	t := reflect.TypeOf(fileEdition{})
	for _, k := range key {
		for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Struct:
			f, ok := fieldByTag(t, k)
			if !ok {
				return nil, false
			}
			t = f.Type
		case reflect.Map:
			t = t.Elem()
		default:
			return nil, false
		}
	}
	return t, true
}

// knownKeys are the keys the file format has at the table the key names.
func knownKeys(table []string) []string {
	t, ok := keyType(table)
	if !ok {
		return nil
	}
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for f := range t.Fields() {
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if f.Tag.Get("toml") == tag {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// controls records each string of the decoded file (a value or a key of a
// table) that holds a control character, a bidirectional override or a
// line break where one line is meant: what would reorder a terminal's
// line, end a TOML comment that 'policy show' writes, or hide a word.
func (c *converter) controls(v reflect.Value, path []string) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			c.controls(v.Elem(), path)
		}
	case reflect.String:
		if _, r, ok := badRune(v.String(), false); ok {
			c.bad(path, "含控制字符 %U（或换行）：不能用在此处", "holds the control character %U (or a line break): not allowed here", r)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			c.controls(v.Index(i), append(slices.Clone(path), "["+strconv.Itoa(i)+"]"))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			p := append(slices.Clone(path), k.String())
			if _, r, ok := badRune(k.String(), false); ok {
				c.bad(p, "键含控制字符 %U", "a key holds the control character %U", r)
			}
			c.controls(v.MapIndex(k), p)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			tag, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
			if tag == "" || tag == "-" || !t.Field(i).IsExported() {
				continue
			}
			c.controls(v.Field(i), append(slices.Clone(path), tag))
		}
	}
}

// badRune finds the first rune of s that is a control character (C0 but a
// tab, and with lines, a line feed or a carriage return; DEL; C1), a
// bidirectional control, an invisible one (zero-width space and joiners,
// word joiner, soft hyphen, Arabic letter mark) or a line or paragraph
// separator, with its line (counting from 1).
func badRune(s string, lines bool) (line int, r rune, ok bool) {
	line = 1
	for i, r := range s {
		switch {
		case r == '\n' && lines:
			line++
		case r == '\r' && lines, r == '\t':
		case r < 0x20, r >= 0x7f && r < 0xa0, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e, r >= 0x2060 && r <= 0x2069,
			r == 0xad, r == 0x61c, r == 0x180e, r == 0xfeff && i > 0:
			return line, r, true
		}
	}
	return 0, 0, false
}
