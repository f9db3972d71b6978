// Package arch holds the test of szsoft's layering (docs/design.md): the
// policy as data under the engine, the engine under the face, and nothing
// reaching up.
package arch

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// allowed lists, for each package, the packages of this module it may
// import; anything of the module not listed is a layering error. Packages
// outside the module are free, but for calc and measures, which take only
// the standard library and decimal.
var allowed = map[string][]string{
	"measures":                {},
	"calc":                    {"szsoft/measures"},
	"internal/msg":            {"szsoft/calc", "szsoft/measures"},
	"internal/edition":        {"szsoft/calc", "szsoft/measures", "szsoft/internal/tomlloc"},
	"internal/project":        {"szsoft/calc", "szsoft/measures", "szsoft/internal/edition", "szsoft/internal/roster", "szsoft/internal/tomlloc"},
	"internal/tomlloc":        {},
	"internal/roster":         {"szsoft/calc"},
	"internal/render":         {"szsoft/calc", "szsoft/measures", "szsoft/internal/msg", "szsoft/internal/roster"},
	"internal/outfile":        {},
	"internal/hostile":        {},
	"internal/bench/gendata":  {"szsoft/internal/hostile", "szsoft/internal/project", "szsoft/internal/roster"},
	"internal/bench/peakrss":  {},
	"internal/bench/baseline": {},
	"internal/dist":           {},
	"internal/slowtest":       {},
	"internal/testsum":        {},
	"cmd/szsoft": {"szsoft/calc", "szsoft/measures", "szsoft/internal/edition", "szsoft/internal/msg", "szsoft/internal/project",
		"szsoft/internal/render", "szsoft/internal/outfile", "szsoft/internal/roster"},
}

// pure packages take nothing outside the standard library but decimal.
var pure = []string{"measures", "calc"}

func TestLayering(t *testing.T) {
	root := "../.."
	seen := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		rel = filepath.ToSlash(rel)
		ok, known := allowed[rel]
		if !known {
			t.Errorf("%s: a package the layering test does not know; add it to allowed", rel)
			return nil
		}
		seen++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			p := strings.Trim(imp.Path.Value, `"`)
			switch {
			case strings.HasPrefix(p, "szsoft/") && !slices.Contains(ok, p):
				t.Errorf("%s imports %s", path, p)
			case slices.Contains(pure, rel) && strings.Contains(p, ".") && p != "github.com/shopspring/decimal":
				t.Errorf("%s imports %s: the policy and the engine take only the standard library and decimal", path, p)
			case slices.Contains(pure, rel) && (p == "os" || p == "io" || p == "time" && rel == "measures"):
				t.Errorf("%s imports %s: no I/O in the policy or the engine", path, p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 20 {
		t.Fatalf("only %d files seen", seen)
	}
}
