package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/shopspring/decimal"

	"szsoft/internal/edition"
	"szsoft/internal/render"
	"szsoft/measures"
)

// A second edition is data: a successor of 深府规〔2022〕5号 in force from
// 2027-10-15, whose first-version developer cap is 15,000,000 instead of
// 10,000,000, added to a registry. The command line and the engine are the
// same code; the date picks the edition, --policy and the TOML key policy
// name one.
func TestASecondEdition(t *testing.T) {
	next := edition.SZ2022()
	next.ID, next.Policy = "test2027", "深府规〔2027〕测试号"
	next.Supplementary.From, next.Supplementary.To = measures.Day{Year: 2027, Month: 10, Day: 15}, measures.Day{Year: 2032, Month: 10, Day: 14}
	it, _ := next.Item("first-version.developer")
	cap := decimal.RequireFromString("15000000")
	it.Cap = &cap
	next = measures.NewEdition(*next)
	reg, err := measures.NewRegistry(edition.SZ2022(), next)
	if err != nil {
		t.Fatal(err)
	}
	cli := func(stdin string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := runWith(reg, args, strings.NewReader(stdin), &out, &errb)
		return out.String(), errb.String(), code
	}
	// 2028: the successor is in force; 60,000,000 × 30% = 18,000,000 → its
	// cap, 15,000,000.
	out, stderr, code := cli("", "calc", "first-version", "--sales", "6e7", "--date", "2028-01-01", "-o", "json")
	if code != 0 || !strings.Contains(out, `"policy": "深府规〔2027〕测试号"`) || !strings.Contains(out, `"max": "15000000.00"`) {
		t.Errorf("2028: exit %d %s\n%s", code, stderr, out)
	}
	// 2026: the first edition, cap 10,000,000.
	out, _, _ = cli("", "calc", "first-version", "--sales", "6e7", "--date", "2026-01-01", "-o", "total")
	if out != "10000000.00\n" {
		t.Errorf("2026: %q", out)
	}
	// --policy names an edition: sz2022 in 2028 is outside its window, 0.
	out, _, _ = cli("", "calc", "first-version", "--sales", "6e7", "--date", "2028-01-01", "--policy", "sz2022", "-o", "total")
	if out != "0.00\n" {
		t.Errorf("--policy sz2022 in 2028: %q", out)
	}
	// The TOML key policy does the same; an unknown edition is an invalid
	// value listing the known ones.
	out, _, _ = cli("policy = \"test2027\"\ndate = 2030-06-01\n[first-version]\nsales = 6e7\n", "calc", "--file", "-", "-o", "total")
	if out != "15000000.00\n" {
		t.Errorf("policy key: %q", out)
	}
	_, stderr, code = cli("policy = \"sz2099\"\n[relocation]\n", "calc", "--file", "-", "--lang", "en")
	if code != 1 || !strings.Contains(stderr, `policy: "sz2099" is not a policy edition szsoft knows`) || !strings.Contains(stderr, "editions: sz2022, test2027") {
		t.Errorf("unknown policy: exit %d %s", code, stderr)
	}
	// Both editions are listed by version, and measures --policy shows one.
	out, _, _ = cli("", "version")
	if strings.Count(out, "policy ") != 1+1 {
		t.Errorf("version: %s", out)
	}
	out, _, _ = cli("", "measures", "--policy", "test2027", "--lang", "en")
	if !strings.Contains(out, "15,000,000.00") {
		t.Errorf("measures --policy test2027 lacks the new cap:\n%s", out)
	}
}

// An edition given as a file reaches every word of every form, in both
// languages: the document it is (测试区〔2026〕1号) and its items' names,
// never sz2022's document, and no rule of the 附则 it lacks. The files are
// those of testdata/script/edition.txtar.
func TestAFileEditionInEveryForm(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/script/edition.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if f.Name == "demo.toml" || f.Name == "demo.txt" || f.Name == "project.toml" {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	// project.toml: （一） 500万 × 20% = 100万; （二） 甲级 50万: 150万 in all.
	// Items by their Chinese names; in English by id, but in the documents
	// for a client (xlsx, html) by their titles; the JSON and CSV by id.
	names := map[string]string{"zh": "研发投入资助", "en": "rd.grant"}
	docNames := map[string]string{"zh": "人才团队奖励", "en": "Talent team award"}
	lacks := map[string][]string{"zh": {"累计资助上限", "区级配套", "深府规"}, "en": {"cumulative cap", "district match", "深府规"}}
	for _, lang := range []string{"zh", "en"} {
		for _, form := range render.Forms {
			out := filepath.Join(dir, "out-"+lang+"."+map[string]string{"table": "txt", "markdown": "md", "total": "txt"}[form])
			if ext := filepath.Ext(out); ext == "." {
				out += form
			}
			_, stderr, code := runCLI(t, "", "calc", "--policy", filepath.Join(dir, "demo.toml"), "--file", filepath.Join(dir, "project.toml"),
				"-o", form, "--out", out, "--lang", lang)
			if code != 0 {
				t.Fatalf("%s %s: exit %d %s", lang, form, code, stderr)
			}
			text := readAll(t, out, form == "xlsx")
			if form == "total" {
				if text != "1500000.00\n" {
					t.Errorf("%s total: %q", lang, text)
				}
				continue
			}
			want := []string{"测试区〔2026〕1号", names[lang]}
			switch form {
			case "csv":
				want = []string{"rd.grant"} // ids and figures
			case "json", "jsonl":
				want = []string{"测试区〔2026〕1号", "rd.grant"}
			case "xlsx", "html":
				want = []string{"测试区〔2026〕1号", docNames[lang]}
			}
			for _, want := range want {
				if !strings.Contains(text, want) {
					t.Errorf("%s %s lacks %q", lang, form, want)
				}
			}
			for _, not := range lacks[lang] {
				if strings.Contains(text, not) {
					t.Errorf("%s %s says %q, which the edition has not", lang, form, not)
				}
			}
		}
	}
}

// readAll is a file's text; a workbook's is the text of all its parts.
func readAll(t *testing.T, name string, workbook bool) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !workbook {
		return string(data)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		b.Write(part)
	}
	return b.String()
}

// A layer whose base is an edition file is checked on that base when both
// are named: 'policy check base.toml layer.toml', as --policy stacks them;
// alone, its base is no edition of the run, and that is said.
func TestCheckALayerOnAFile(t *testing.T) {
	dir := t.TempDir()
	ar, err := txtar.ParseFile("testdata/script/edition.txtar")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range ar.Files {
		if f.Name == "demo.toml" || f.Name == "demo.txt" {
			if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	layer, err := os.ReadFile("../../fixtures/editions/test-district.toml")
	if err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile("../../fixtures/editions/test-district.txt")
	layer = bytes.Replace(layer, []byte(`extends = "sz2022"`), []byte(`extends = "demo2026"`), 1)
	os.WriteFile(filepath.Join(dir, "layer.toml"), layer, 0o644)
	os.WriteFile(filepath.Join(dir, "test-district.txt"), text, 0o644)
	t.Chdir(dir)
	out, stderr, code := runCLI(t, "", "policy", "check", "demo.toml", "layer.toml")
	if code != 0 || !strings.Contains(out, "layer.toml: ok (test-district") {
		t.Errorf("exit %d, %q %q; want the layer ok on demo.toml", code, out, stderr)
	}
	if _, stderr, code := runCLI(t, "", "policy", "check", "layer.toml"); code != 1 || !strings.Contains(stderr, "extends demo2026: no such edition") {
		t.Errorf("alone: exit %d, %q", code, stderr)
	}
}
