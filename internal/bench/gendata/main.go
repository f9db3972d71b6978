// Command gendata writes realistic project files for the batch benchmarks:
// 2–3 measures each, amounts in every syntax of docs/contract.md §3, spread over
// subdirectories of 100 files.
//
//	go run ./bench/gendata -n 20000 -dir /tmp/szsoft-bench/20000
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"szsoft/internal/hostile"
	szproject "szsoft/internal/project"
	"szsoft/internal/roster"
)

func main() {
	n := flag.Int("n", 20000, "number of project files")
	dir := flag.String("dir", "bench-data", "where to write them")
	seed := flag.Uint64("seed", 1015, "random seed (the same seed writes the same files)")
	hostileDir := flag.String("hostile", "", "write instead each hostile shape of project file at 1 MiB into this directory")
	asRoster := flag.Bool("roster", false, "write instead -n projects as DIR/roster.csv, DIR/roster.xlsx and the same as DIR/files/*.toml")
	flag.Parse()
	if *hostileDir != "" {
		writeHostile(*hostileDir)
		return
	}
	if *asRoster {
		if err := writeRoster(*n, *dir, *seed); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	r := rand.New(rand.NewPCG(*seed, 2022))
	for i := 0; i < *n; i++ {
		sub := filepath.Join(*dir, fmt.Sprintf("%03d", i/100))
		if i%100 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		path := filepath.Join(sub, fmt.Sprintf("project-%05d.toml", i))
		if err := os.WriteFile(path, []byte(project(r, i)), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// amount writes yuan in one of the syntaxes a consultant uses.
func amount(r *rand.Rand, yuan int64) string {
	switch r.IntN(7) {
	case 0:
		return fmt.Sprint(yuan)
	case 1:
		return fmt.Sprintf("%d.%02d", yuan, r.IntN(100))
	case 2:
		return fmt.Sprintf(`"%d万"`, yuan/10000)
	case 3:
		return fmt.Sprintf(`"%s万元"`, trim(fmt.Sprintf("%.4f", float64(yuan)/1e4)))
	case 4:
		return fmt.Sprintf(`"%s"`, commas(yuan))
	case 5:
		return fmt.Sprintf("%de%d", yuan/1_000_000, 6)
	}
	return fmt.Sprintf(`"%s亿"`, trim(fmt.Sprintf("%.6f", float64(yuan)/1e8)))
}

func trim(s string) string { return strings.TrimRight(strings.TrimRight(s, "0"), ".") }

func commas(n int64) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

var tables = []func(r *rand.Rand) string{
	func(r *rand.Rand) string {
		return fmt.Sprintf("[first-version]\nsales = %s\npremium = %s\n", amount(r, 1e6+r.Int64N(8e7)), amount(r, 1e5+r.Int64N(2e6)))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("[ai]\ninvestment = %s\nrate = \"%d%%\"\n", amount(r, 1e6+r.Int64N(6e7)), 10+r.IntN(21))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("[platform]\noperating_cost = %s\n", amount(r, 1e6+r.Int64N(3e7)))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("[industrial-software]\npilot_investment = %s\ncloud_purchase = %s\ncloud_rate = \"%d%%\"\n",
			amount(r, 1e6+r.Int64N(2e7)), amount(r, 1e6+r.Int64N(8e7)), 3+r.IntN(8))
	},
	func(r *rand.Rand) string {
		levels := []string{"national", "provincial", "municipal"}
		return fmt.Sprintf("[park]\nrecognized = %q\nexcellent = %q\n", levels[r.IntN(3)], levels[r.IntN(3)])
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("[quality]\ncertification = \"cmmi-%d\"\nstandard = [\"national\", \"group\"]\n", 4+r.IntN(2))
	},
	func(r *rand.Rand) string {
		return fmt.Sprintf("[revenue]\nrevenue = %s\nprior_peak = %s\n", amount(r, 5e8+r.Int64N(1e10)), amount(r, r.Int64N(2e9)))
	},
	func(r *rand.Rand) string { return "[listing]\nlisted = true\n" },
	func(r *rand.Rand) string {
		return fmt.Sprintf("[open-source]\nsales = %s\nterminal = true\n", amount(r, 1e6+r.Int64N(5e7)))
	},
}

func project(r *rand.Rand, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# generated project %d\nname = \"项目 %05d\"\napplicant = \"深圳市示例%d软件有限公司\"\ndate = 2026-%02d-%02d\n",
		i, i, i%97, 1+r.IntN(12), 1+r.IntN(28))
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "audited_investment = %s\nnational_funding = %s\ndistrict_ratio = 0.%d\n",
			amount(r, 2e7+r.Int64N(1e8)), amount(r, 1e6+r.Int64N(1e7)), r.IntN(10))
	}
	picked := r.Perm(len(tables))[:2+r.IntN(2)]
	for _, t := range picked {
		b.WriteString("\n")
		b.WriteString(tables[t](r))
	}
	return b.String()
}

// writeHostile writes each hostile shape at the largest size read, 1 MiB.
func writeHostile(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for name, shape := range hostile.Shapes {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".toml")
		if err := os.WriteFile(path, shape(szproject.MaxSize-64), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// The roster benchmark (issue 16): the same projects as a roster and as
// TOML files, so that reading a roster can be held to the files' time.

// cell is a roster column and its value: text, or a number.
type cell struct {
	col, text string
	number    bool
}

// rosterColumns are the columns of the generated roster, in order.
var rosterColumns = []string{"name", "applicant", "date", "audited_investment", "national_funding", "district_ratio",
	"first-version.sales", "first-version.premium", "ai.investment", "ai.rate", "platform.operating_cost",
	"industrial-software.pilot_investment", "industrial-software.cloud_purchase", "industrial-software.cloud_rate",
	"park.recognized", "park.excellent", "quality.certification", "quality.standard", "revenue.revenue", "revenue.prior_peak",
	"listing.listed", "open-source.sales", "open-source.terminal"}

// rosterProject is project i as cells: 2–3 measures, amounts as numbers
// and in the syntaxes a consultant types.
func rosterProject(r *rand.Rand, i int) []cell {
	num := func(col string, yuan int64) cell {
		if r.IntN(3) == 0 {
			return cell{col: col, text: strings.Trim(amount(r, yuan), `"`)}
		}
		return cell{col: col, text: fmt.Sprint(yuan), number: true}
	}
	cells := []cell{
		{col: "name", text: fmt.Sprintf("项目 %05d", i)},
		{col: "applicant", text: fmt.Sprintf("深圳市示例%d软件有限公司", i%97)},
		{col: "date", text: fmt.Sprintf("2026-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))},
	}
	if r.IntN(3) == 0 {
		cells = append(cells, num("audited_investment", 2e7+r.Int64N(1e8)), num("national_funding", 1e6+r.Int64N(1e7)),
			cell{col: "district_ratio", text: fmt.Sprintf("0.%d", r.IntN(10))})
	}
	groups := []func() []cell{
		func() []cell {
			return []cell{num("first-version.sales", 1e6+r.Int64N(8e7)), num("first-version.premium", 1e5+r.Int64N(2e6))}
		},
		func() []cell {
			return []cell{num("ai.investment", 1e6+r.Int64N(6e7)), {col: "ai.rate", text: fmt.Sprintf("%d%%", 10+r.IntN(21))}}
		},
		func() []cell { return []cell{num("platform.operating_cost", 1e6+r.Int64N(3e7))} },
		func() []cell {
			return []cell{num("industrial-software.pilot_investment", 1e6+r.Int64N(2e7)), num("industrial-software.cloud_purchase", 1e6+r.Int64N(8e7)),
				{col: "industrial-software.cloud_rate", text: fmt.Sprintf("%d%%", 3+r.IntN(8))}}
		},
		func() []cell {
			levels := []string{"国家级", "省级", "市级"}
			return []cell{{col: "park.recognized", text: levels[r.IntN(3)]}, {col: "park.excellent", text: levels[r.IntN(3)]}}
		},
		func() []cell {
			return []cell{{col: "quality.certification", text: fmt.Sprintf("cmmi-%d", 4+r.IntN(2))}, {col: "quality.standard", text: "国家标准、团体标准"}}
		},
		func() []cell {
			return []cell{num("revenue.revenue", 5e8+r.Int64N(1e10)), num("revenue.prior_peak", r.Int64N(2e9))}
		},
		func() []cell { return []cell{{col: "listing.listed", text: "是"}} },
		func() []cell {
			return []cell{num("open-source.sales", 1e6+r.Int64N(5e7)), {col: "open-source.terminal", text: "是"}}
		},
	}
	for _, g := range r.Perm(len(groups))[:2+r.IntN(2)] {
		cells = append(cells, groups[g]()...)
	}
	return cells
}

// tomlOf is the project file of a roster row.
func tomlOf(cells []cell) string {
	var top, body strings.Builder
	tables := map[string]*strings.Builder{}
	var order []string
	for _, c := range cells {
		value := fmt.Sprintf("%q", c.text)
		if c.number {
			value = c.text
		}
		m, key, dotted := strings.Cut(c.col, ".")
		if !dotted {
			fmt.Fprintf(&top, "%s = %s\n", c.col, value)
			continue
		}
		if c.text == "是" {
			value = "true"
		}
		if key == "standard" {
			value = `["国家标准", "团体标准"]`
		}
		t, ok := tables[m]
		if !ok {
			t = &strings.Builder{}
			tables[m] = t
			order = append(order, m)
		}
		fmt.Fprintf(t, "%s = %s\n", key, value)
	}
	body.WriteString(top.String())
	for _, m := range order {
		fmt.Fprintf(&body, "\n[%s]\n%s", m, tables[m].String())
	}
	return body.String()
}

// writeRoster writes n projects as dir/roster.csv, dir/roster.xlsx and
// dir/files/*.toml.
func writeRoster(n int, dir string, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, 2022))
	if err := os.MkdirAll(filepath.Join(dir, "files"), 0o755); err != nil {
		return err
	}
	header := make([]roster.Value, len(rosterColumns))
	for i, c := range rosterColumns {
		header[i] = roster.Value{Text: c}
	}
	rows := [][]roster.Value{header}
	for i := range n {
		cells := rosterProject(r, i)
		row := make([]roster.Value, len(rosterColumns))
		for _, c := range cells {
			k := roster.Text
			if c.number {
				k = roster.Number
			}
			row[slices.Index(rosterColumns, c.col)] = roster.Value{Text: c.text, Kind: k}
		}
		rows = append(rows, row)
		path := filepath.Join(dir, "files", fmt.Sprintf("project-%05d.toml", i))
		if err := os.WriteFile(path, []byte(tomlOf(cells)), 0o644); err != nil {
			return err
		}
	}
	for _, form := range []string{"csv", "xlsx"} {
		f, err := os.Create(filepath.Join(dir, "roster."+form))
		if err != nil {
			return err
		}
		if form == "csv" {
			err = roster.WriteCSV(f, rows, true)
		} else {
			err = roster.WriteXLSX(f, "Sheet1", rows)
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
