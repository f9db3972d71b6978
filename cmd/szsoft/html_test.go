package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/internal/msg"
)

// The 测算书 is one self-contained file: no external resource, no script,
// and what a file brought escaped.
func TestHTMLSelfContained(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	hostile := filepath.Join(dir, "hostile.toml")
	src := "name = \"<script>alert(1)</script>\"\napplicant = \"A & B <img src=x onerror=alert(1)>\"\n[listing]\nlisted = true\n"
	if err := os.WriteFile(hostile, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", batchFixtures(t, hostile, "-o", "html", "--lang", "zh")...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, banned := range []string{"<script", "<img", "<link", "<iframe", "http://", "https://", "@import", "url("} {
		if strings.Contains(out, banned) {
			t.Errorf("the document holds %q", banned)
		}
	}
	if m := regexp.MustCompile(`<[a-z]+[^>]*\s(src|href)=`).FindString(out); m != "" {
		t.Errorf("the document refers to a resource: %s", m)
	}
	if strings.Contains(out, "[[") {
		t.Error("a key without words in the document")
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "A &amp; B &lt;img src=x onerror=alert(1)&gt;", `<html lang="zh-CN">`} {
		if !strings.Contains(out, want) {
			t.Errorf("the document lacks %q", want)
		}
	}
	// a summary first, then a section per project
	files, _ := filepath.Glob("fixtures/*.toml")
	if n := strings.Count(out, `<section class="project">`); n != len(files)+1 {
		t.Errorf("%d project sections for %d files", n, len(files)+1)
	}
	if i, j := strings.Index(out, `<section class="summary">`), strings.Index(out, `<section class="project">`); i < 0 || i > j {
		t.Errorf("the summary does not come first (%d, %d)", i, j)
	}
}

// Headless Chromium, where it is installed (.ci/run installs it), prints
// the 测算书 to A4: a page for the summary, every project starting a page,
// every figure of the JSON of the same run in the text, nothing off the
// page; and renders it to a PNG, to be looked at.
func TestHTMLInChromium(t *testing.T) {
	chromium := tools(t, "chromium", "pdftotext")["chromium"]
	t.Chdir("../..")
	dir := t.TempDir()
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			doc := filepath.Join(dir, "测算书-"+lang+".html")
			if _, _, code := runCLI(t, "", batchFixtures(t, "missing.toml", "--out", doc, "--lang", lang)...); code != 1 {
				t.Fatalf("exit %d, want 1 (one file missing)", code)
			}
			pdf := filepath.Join(dir, lang+".pdf")
			png := filepath.Join(dir, lang+".png")
			for _, args := range [][]string{
				{"--print-to-pdf=" + pdf, "--no-pdf-header-footer"},
				{"--screenshot=" + png, "--window-size=1240,1754"},
			} {
				cmd := exec.Command(chromium, append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + filepath.Join(dir, "profile")},
					append(args, "file://"+doc)...)...)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("chromium %s: %v\n%s", args[0], err, b)
				}
			}
			if st, err := os.Stat(png); err != nil || st.Size() < 10000 {
				t.Errorf("the screenshot: %v, %v", st, err)
			}

			// Every project starts a page: its name is the first line of a
			// page's text (after the running header).
			files, _ := filepath.Glob("fixtures/*.toml")
			pages := pdfPages(t, pdf)
			names := projectNames(t)
			starts := 0
			for n := 1; n <= pages; n++ {
				var lines []string
				for _, l := range strings.Split(pageText(t, pdf, n), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						lines = append(lines, l)
					}
				}
				if len(lines) > 1 && names[lines[1]] {
					starts++
				}
			}
			if starts != len(files) || pages < len(files)+1 {
				t.Errorf("%d pages, %d of them starting a project, for %d projects and a summary", pages, starts, len(files))
			}

			// Every figure of the JSON, as the 测算书 writes it.
			text := pdfText(t, pdf)
			jsonOut, _, _ := runCLI(t, "", batchFixtures(t, "-o", "json")...)
			for _, figure := range jsonFigures(t, jsonOut) {
				if !strings.Contains(text, figure) {
					t.Errorf("the printed 测算书 lacks %s", figure)
				}
			}
			checkWithinPages(t, pdf)
		})
	}
}

// pageText is the text of page n of a PDF.
func pageText(t *testing.T, pdf string, n int) string {
	t.Helper()
	b, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", itoa(n), "-l", itoa(n), pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(b)
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// projectNames are the names of the fixtures' projects.
func projectNames(t *testing.T) map[string]bool {
	names := map[string]bool{}
	files, _ := filepath.Glob("fixtures/*.toml")
	re := regexp.MustCompile(`(?m)^name = "(.*)"$`)
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if m := re.FindSubmatch(b); m != nil {
			names[string(m[1])] = true
		}
	}
	return names
}

// jsonFigures are the amounts of a batch's JSON — every line's figures
// (what was received and the base for the cap among them),
// every total — as a document shows them (10,000,000.00).
func jsonFigures(t *testing.T, out string) []string {
	t.Helper()
	var projects []map[string]any
	if err := json.Unmarshal([]byte(out), &projects); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	seen := map[string]bool{}
	var figures []string
	add := func(v any) {
		s, ok := v.(string)
		if !ok {
			return
		}
		f := msg.FormatYuan(decimal.RequireFromString(s))
		if !seen[f] {
			seen[f] = true
			figures = append(figures, f)
		}
	}
	for _, p := range projects {
		for _, k := range []string{"total", "cumulative_cap", "district_match_limit", "district_match", "grand_total"} {
			add(p[k])
		}
		for _, l := range p["lines"].([]any) {
			line := l.(map[string]any)
			for _, k := range []string{"base", "computed", "cap", "min", "max", "received", "base_for_cap"} {
				add(line[k])
			}
		}
		for _, a := range p["adjustments"].([]any) {
			add(a.(map[string]any)["amount"])
		}
	}
	if len(figures) < 50 {
		t.Fatalf("only %d figures in the JSON", len(figures))
	}
	return figures
}

// What it takes, drawn: a rate line below its cap gets a chart, its kink
// and the project's point where the policy's words put them.
func TestHTMLChart(t *testing.T) {
	file := filepath.Join(t.TempDir(), "p.toml")
	src := "date = 2026-11-26\n[first-version]\nsales = 5e6\n[platform]\noperating_cost = 5e6\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := runCLI(t, "", "calc", "--file", file, "-o", "html", "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// 「按一定时期内审定销售额的30%，给予软件开发商最高不超过1000万元资助」:
	// the cap of 10,000,000 is reached at 10,000,000 ÷ 30% =
	// 33,333,333.33… → 33,333,333.34 (up to the fen). The base axis runs
	// to 1.6 × 33,333,333.34 = 53,333,333.344 over x 18…548 (530 units),
	// the subsidy axis to 1.18 × 10,000,000 = 11,800,000 over y 172…32
	// (140 units). The kink: x = 18 + 530 ÷ 1.6 = 349.25 → 349.3 (half up),
	// y = 32 + 140 × 1,800,000 ÷ 11,800,000 = 53.36 → 53.4. The project,
	// sales 5,000,000 → 1,500,000: x = 18 + 530 × 5,000,000 ÷
	// 53,333,333.344 = 67.69 → 67.7, y = 32 + 140 × 10,300,000 ÷
	// 11,800,000 = 154.20 → 154.2.
	// 「按其上一年度审定运营费用的20%－40%，给予最高不超过500万元资助」:
	// 5,000,000 ÷ 40% = 12,500,000; the dashed 20% line would reach the cap
	// at 25,000,000, past the axis' end (1.6 × 12,500,000 = 20,000,000),
	// where it stands at 20% × 20,000,000 = 4,000,000: y = 32 + 140 ×
	// (5,900,000 − 4,000,000) ÷ 5,900,000 = 77.08 → 77.1.
	for _, want := range []string{
		`<circle class="kink" cx="349.3" cy="53.4"`,
		`<circle class="here" cx="67.7" cy="154.2"`,
		`>33,333,333.34</text>`,
		`>（十九）上限 10,000,000.00</text>`,
		`>本项目：5,000,000.00 → 1,500,000.00</text>`,
		`<path class="min" d="M18 172 H18 L548 77.1"/>`,
		`>虚线：最低 20%</text>`,
		`>12,500,000.00</text>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the chart lacks %s", want)
		}
	}
	if n := strings.Count(out, "<svg"); n != 2 {
		t.Errorf("%d charts, want 2", n)
	}
	// After the ledger: 100万 of the platform's 500万 received. 40% of an
	// operating cost of 500万 is 200万 for the project in all, 100万 left;
	// the cap left, 400万, is reached at (400万 + 100万) ÷ 40% = 1250万. The
	// axis runs to 1.6 × 1250万 = 2000万: nothing is paid until 40% of the
	// cost passes the 100万 received, at 250万: x = 18 + 530 × 250 ÷ 2000 =
	// 84.25 → 84.3; the kink at 18 + 530 ÷ 1.6 = 349.3, y = 32 + 140 ×
	// 0.18 ÷ 1.18 = 53.4, labelled as what is left of the cap.
	out, stderr, code = runCLI(t, "", "calc", "platform", "--operating-cost", "500万", "--received", "platform.existing=100万",
		"--date", "2026-11-26", "-o", "html", "--lang", "zh")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{`<path class="max" d="M18 172 H84.3 L349.3 53.4 H548"/>`, `>（四）上限尚余 4,000,000.00</text>`, `>12,500,000.00</text>`} {
		if !strings.Contains(out, want) {
			t.Errorf("the chart after the ledger lacks %s", want)
		}
	}

	// A line at its cap has nothing to draw.
	out, _, _ = runCLI(t, "", "calc", "first-version", "--sales", "5e7", "--date", "2026-11-26", "-o", "html")
	if strings.Contains(out, "<svg") {
		t.Error("a chart for a line at its cap")
	}
}

// The 测算书 of a stacked run, printed: one project computed under sz2022,
// the example guide and the test district (fixtures/editions), the city's
// and the district's money side by side, each labelled by its document.
// CSMM level 4: 300,000 by the guide; the district's R&D grant:
// 20,000,000 × 10% = 2,000,000; the grand total 2,300,000.
func TestStackedHTMLInChromium(t *testing.T) {
	chromium := tools(t, "chromium", "pdftotext")["chromium"]
	t.Chdir("../..")
	dir := t.TempDir()
	project := filepath.Join(dir, "stacked.toml")
	if err := os.WriteFile(project, []byte("name = \"认证与研发\"\ndate = 2026-06-01\n\n[quality]\ncertification = \"csmm-4\"\n\n[district-rd]\nrd_investment = \"2000万\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(dir, "测算书.html")
	if _, stderr, code := runCLI(t, "", "calc", "--policy", "fixtures/editions/sz2023-rules.toml", "--policy", "fixtures/editions/test-district.toml",
		"--file", project, "--out", doc, "--lang", "zh"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pdf := filepath.Join(dir, "doc.pdf")
	printHTML(t, chromium, doc, pdf, filepath.Join(dir, "profile"))
	text := strings.Join(strings.Fields(pdfText(t, pdf)), "")
	for _, want := range []string{"深工信规〔2023〕9号（示例）", "测试区工信〔2026〕2号（一）", "区研发项目资助", "300,000.00", "2,000,000.00",
		"测试区工信〔2026〕2号各项（最高）", "2,300,000.00", "深府规〔2022〕5号区级配套", "认证证书及评估报告",
		"通过软件能力成熟度评估（CSMM）四级的，奖励30万元", "区级资金预算不足时，按比例核减"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed 测算书 lacks %s", want)
		}
	}
	checkWithinPages(t, pdf)
}

// A client's year as the client receives it: `batch fixtures/clients
// --out 测算.xlsx` and `--out 测算书.html`, without --by applicant (the
// workbook's sheet and the 测算书's pages are there always), printed by
// LibreOffice and Chromium. 前海数科's total is worked in
// fixtures/clients/qianhai-c.toml: 3150万, where its files add to 3300万;
// 南山云图's 75万.
func TestClientYearPrinted(t *testing.T) {
	found := tools(t, "chromium", "soffice", "pdftotext")
	t.Chdir("../..")
	dir := t.TempDir()
	book, doc := filepath.Join(dir, "测算.xlsx"), filepath.Join(dir, "测算书.html")
	for _, out := range []string{book, doc} {
		if _, stderr, code := runCLI(t, "", "batch", "fixtures/clients", "--out", out, "--lang", "zh"); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	printed := printBook(t, found["soffice"], book, dir)
	pdf := filepath.Join(dir, "doc.pdf")
	printHTML(t, found["chromium"], doc, pdf, filepath.Join(dir, "chrome"))
	for name, path := range map[string]string{"workbook": printed, "测算书": pdf} {
		text := strings.Join(strings.Fields(pdfText(t, path)), "")
		for _, want := range []string{"按申请单位", "前海数科（深圳）信息技术有限公司", "91440300MA5FUQ1B0N", "31,500,000.00", "750,000.00",
			"营业收入·首次达标（50亿元）", "qianhai-b.toml"} {
			if name == "测算书" && want == "按申请单位" {
				want = "申请单位：前海数科"
			}
			if !strings.Contains(text, want) {
				t.Errorf("the printed %s lacks %s", name, want)
			}
		}
		checkWithinPages(t, path)
	}
}
