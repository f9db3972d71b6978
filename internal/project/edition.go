package project

import (
	"bytes"
	"errors"
	"unicode/utf8"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/roster"
	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// An edition file (docs/contract.md §10) is read as a project file is: it
// may come from a stranger, so the same checks of its bytes and shape
// come first, then every mistake of its syntax, then every problem of its
// content — an unknown key with the key meant, an amount that does not
// read, a quote not in its clause, a rule its kind cannot apply — each at
// its line and column, in the reader's language.

// The codes of an edition file's errors (internal/msg has their words).
const (
	ErrEdition          calc.Code = "edition.problem"       // text: the problem, a measures.Text
	ErrEditionTooLarge  calc.Code = "edition.toolarge"      // max
	ErrEditionBinary    calc.Code = "edition.binary"        //
	ErrEditionLine      calc.Code = "edition.shape.line"    //
	ErrEditionDeep      calc.Code = "edition.shape.deep"    //
	ErrEditionKeys      calc.Code = "edition.shape.keys"    // max, table
	ErrEditionKeysTop   calc.Code = "edition.shape.keystop" // max
	ErrEditionArray     calc.Code = "edition.shape.array"   // max
	HintEditionShape    calc.Code = "edition.shape.hint"    //
	ErrEditionText      calc.Code = "edition.text"          // name
	ErrEditionTextLarge calc.Code = "edition.text.toolarge" // name, max
	ErrEditionTextUTF8  calc.Code = "edition.text.utf8"     // name
	ErrEditionBase      calc.Code = "edition.base"          // id: a layer's base, unknown
)

// editionCodes are the project file's words for a file's bytes and shape,
// and an edition file's.
var editionCodes = map[calc.Code]calc.Code{
	ErrTooLarge: ErrEditionTooLarge, ErrBinary: ErrEditionBinary, ErrLongLine: ErrEditionLine, ErrDeep: ErrEditionDeep,
	ErrTooManyKeys: ErrEditionKeys, ErrTooManyKeysTop: ErrEditionKeysTop, ErrLongArray: ErrEditionArray,
	HintShape: HintEditionShape, HintDeep: HintEditionShape,
}

// asEdition puts a file's errors in an edition file's words.
func asEdition(es Errors) Errors {
	for _, e := range es {
		if c, ok := editionCodes[e.Msg.Code]; ok {
			e.Msg.Code = c
			if c == ErrEditionTooLarge {
				e.Msg.Args = calc.ArgsOf("max", "4 MiB")
			}
		}
		if c, ok := editionCodes[e.Hint.Code]; ok {
			e.Hint.Code = c
		}
	}
	return es
}

// IsEdition reports whether data is an edition file's, as far as its
// lines show: a line that is the header [edition].
func IsEdition(data []byte) bool {
	for line := range bytes.Lines(data) {
		if t := bytes.TrimSpace(line); bytes.Equal(t, []byte("[edition]")) || bytes.HasPrefix(t, []byte("[edition]")) && bytes.Contains(t, []byte("#")) {
			return true
		}
	}
	return false
}

// ParseEdition reads an edition file: path names it in messages, text
// reads the published text its text key names (the caller resolves the
// name beside the file, or a built-in's), base finds the edition a layer
// extends. The edition is returned only when it is valid (a layer: on its
// base), else every problem as Errors.
func ParseEdition(path string, data []byte, text func(name string) ([]byte, error), base func(id string) (*measures.Edition, bool)) (*measures.Edition, error) {
	data, errs := prepare(path, data, edition.MaxSize)
	if errs != nil {
		return nil, asEdition(errs)
	}
	l, _, syntax, errs := readTOML(nil, path, data, edition.Limits)
	if errs != nil {
		return nil, asEdition(errs)
	}
	d := &decoder{f: &File{Path: path, l: l}, errs: syntax}
	if len(syntax) > 0 {
		return nil, d.finish()
	}
	e, ps := edition.Decode(l.Doc, func(name string) (string, error) {
		b, err := text(name)
		if err != nil {
			return "", err
		}
		switch {
		case len(b) > edition.MaxText:
			return "", edition.TextError(calc.Code(ErrEditionTextLarge), "name", name, "max", "1 MiB")
		case !utf8.Valid(b):
			// The bureau's text saved by Chinese Windows' Notepad is GBK:
			// read as such, as a roster is.
			u, ok := roster.FromGB18030(b)
			if !ok {
				return "", edition.TextError(calc.Code(ErrEditionTextUTF8), "name", name)
			}
			b = u
		}
		b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		return string(b), nil
	})
	if e != nil {
		// Every problem at once: the checks of the edition too, but for
		// the keys the decoding already found wrong.
		ps = append(ps, edition.Check(e, l.Doc, ps)...)
		if e.Extends != "" {
			if b, ok := base(e.Extends); ok {
				ps = append(ps, edition.CheckLayer(e, b, l.Doc)...)
			} else {
				off := -1
				if loc, ok := l.Locs[tomlloc.PathKey([]string{"edition", "extends"})]; ok {
					off = loc.ValueOff
				}
				d.errAt(off, note(ErrEditionBase, "id", e.Extends), calc.Note{})
			}
		}
	}
	for _, p := range ps {
		var te *edition.TextErr
		switch {
		case p.Value != nil:
			d.valueErr(p.Off, p.Key, p.Value)
		case errors.As(p.Err, &te):
			d.errAt(p.Off, calc.Note{Code: te.Code, Args: te.Args}, calc.Note{})
		default:
			d.errAt(p.Off, note(ErrEdition, "text", measures.Text{Zh: p.Zh, En: p.En}), calc.Note{})
		}
	}
	if len(d.errs) > 0 {
		return nil, d.finish()
	}
	return e, nil
}
