package project

import (
	"os"
	"path/filepath"
	"testing"

	"szsoft/internal/hostile"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// seeds adds the example project files and some hostile ones to f.
func seeds(f *testing.F) {
	files, _ := filepath.Glob("../fixtures/*.toml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"", "[listing]\n", "a = [[[[1]]]]", "x = \"\"\"\n\"\"\"\"\"", "a.b.c = 1\n[a]\n",
		"[first-version]\nsales = 1e999999999\n", "k = {a = {b = [1, {c = 2}]}}",
		"s = '''\nx'''''\n", "d = 1979-05-27 07:32:00Z # c\n", "\"\\u00e9\" = 1",
		// issue 20 and 22: many syntax errors in one file, a broken
		// header with keys under it, Chinese table names, a year 0
		"name = 项目A\ndate = 2026-13-01\n[first-version]\nsales = 5000万\n[qualty\ncertification = 1\nprior = \"8亿\n",
		"[首版次]\nsales = 5e7\n[ 人工智能 ]\n[首版次]\n", "【first-version】\nsales = 1\n[\n[[\n", "date = 0000-01-01\n[listing]\nlisted = true\n",
		"[\xca\xd7\xb0\xe6\xb4\xce]\nsales = \"5000\xcd\xf2\"\n",
	} {
		f.Add([]byte(s))
	}
	// The hostile shapes at 40 KB, the size that once took gigabytes.
	for _, shape := range hostile.Shapes {
		f.Add(shape(40 << 10))
	}
}

// FuzzParse: any bytes give a file or errors, never a panic; every error
// has a message.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		pf, err := Parse(reg, "fuzz.toml", data)
		if err == nil {
			if pf == nil {
				t.Fatal("no file and no error")
			}
			return
		}
		es, ok := err.(Errors)
		if !ok || len(es) == 0 {
			t.Fatalf("error of type %T: %v", err, err)
		}
		for _, e := range es {
			if e.Msg.Code == "" || !msg.Has(string(e.Msg.Code)) || e.Line < 0 || e.Col < 0 {
				t.Fatalf("bad error %+v", e)
			}
		}
		if len(es) > MaxErrors+1 || len(es) == MaxErrors+1 && es[MaxErrors].More == 0 {
			t.Fatalf("%d errors: at most %d, then \"and N more\"", len(es), MaxErrors)
		}
	})
}

// FuzzLocate: in every document the TOML parser accepts, the locator finds
// every key.
func FuzzLocate(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		checkLocator(t, string(data))
	})
}

// FuzzParseEdition: any bytes give an edition or errors, never a panic;
// every error has words. The seeds are sz2022's file, pieces of it, and
// the hostile shapes.
func FuzzParseEdition(f *testing.F) {
	sz, err := measures.Files.ReadFile("sz2022.toml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sz)
	f.Add(sz[:len(sz)/2])
	f.Add(sz[len(sz)/3:])
	for _, s := range []string{"", "[edition]\n", "[[measure]]\n[[measure.item]]\ntiers = [{amount = 1}]\n", "[[measure.item]]\nrate = [1]\n",
		"[[annex]]\nceiling = {a = 1}\n", "[[measure]]\n[[measure.inputs]]\n[measure.inputs.aliases]\na = 1\n"} {
		f.Add([]byte(s))
	}
	for _, shape := range hostile.Shapes {
		f.Add(shape(40 << 10))
	}
	text := func(name string) ([]byte, error) {
		t, _ := measures.Files.ReadFile("sz2022.txt")
		return t, nil
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEdition("fuzz.toml", data, text, reg.Lookup)
		if err == nil {
			if e == nil {
				t.Fatal("no edition and no error")
			}
			return
		}
		es, ok := err.(Errors)
		if !ok || len(es) == 0 {
			t.Fatalf("error of type %T: %v", err, err)
		}
		for _, e := range es {
			if e.Msg.Code == "" || !msg.Has(string(e.Msg.Code)) || e.Line < 0 || e.Col < 0 {
				t.Fatalf("bad error %+v", e)
			}
		}
	})
}
