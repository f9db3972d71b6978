package edition

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"sync"

	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// BuiltinPrefix names a built-in edition's text in a file's text key:
// text = "builtin:sz2022" is sz2022's published text, so that an edition
// shown by 'szsoft policy show' and read back computes the same.
const BuiltinPrefix = "builtin:"

// Builtin is the registry of the editions szsoft ships, decoded once. They
// are not validated here (Validate searches the text for every quote, a
// tenth of a calc's start-up): TestBuiltinIsValid validates them.
var Builtin = sync.OnceValue(func() *measures.Registry {
	var eds []*measures.Edition
	for _, name := range measures.BuiltinFiles {
		eds = append(eds, mustDecode(name))
	}
	return measures.Assemble(eds...)
})

// SZ2022 is 深府规〔2022〕5号 as shipped, decoded anew: an edition the
// caller may change (tests make successors of it).
func SZ2022() *measures.Edition { return mustDecode("sz2022.toml") }

// BuiltinText is the published text of the built-in edition id.
func BuiltinText(id string) (string, bool) {
	for _, e := range Builtin().Editions() {
		if e.ID == id {
			return e.Text, true
		}
	}
	return "", false
}

// mustDecode decodes a file of measures.Files; a problem in it is a bug
// of szsoft, which the tests catch first.
func mustDecode(name string) *measures.Edition {
	e, ps := decodeFS(measures.Files, name)
	if len(ps) > 0 {
		var b strings.Builder
		for _, p := range ps {
			fmt.Fprintf(&b, "\n  %s: %s", measures.DottedPath(p.Path), p.En)
			if p.Value != nil {
				fmt.Fprintf(&b, "%v", p.Value)
			}
		}
		panic("built-in edition " + name + ":" + b.String())
	}
	return e
}

// decodeFS decodes the edition file name of fsys, its text read beside it.
func decodeFS(fsys fs.FS, name string) (*measures.Edition, []Problem) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, []Problem{{Off: -1, Zh: err.Error(), En: err.Error()}}
	}
	// Not walked for places: a built-in file has no mistakes to place
	// (its test says so), and walking it is half of reading it.
	return Decode(tomlloc.New(data, Limits), func(text string) (string, error) {
		b, err := fs.ReadFile(fsys, path.Join(path.Dir(name), text))
		return string(b), err
	})
}
