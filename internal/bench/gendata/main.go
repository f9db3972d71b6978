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
	"strings"

	"szsoft/internal/hostile"
	szproject "szsoft/internal/project"
)

func main() {
	n := flag.Int("n", 20000, "number of project files")
	dir := flag.String("dir", "bench-data", "where to write them")
	seed := flag.Uint64("seed", 1015, "random seed (the same seed writes the same files)")
	hostileDir := flag.String("hostile", "", "write instead each hostile shape of project file at 1 MiB into this directory")
	flag.Parse()
	if *hostileDir != "" {
		writeHostile(*hostileDir)
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
