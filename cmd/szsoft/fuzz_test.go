package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/project"
	"szsoft/measures"
)

// FuzzCompute: arbitrary bytes as a project file give a result or an error —
// never a panic, never output and an error together — and a result always
// satisfies the invariants of calc.Result.Check and is the same byte for byte
// when computed again.
func FuzzCompute(f *testing.F) {
	files, _ := filepath.Glob("../../fixtures/*.toml")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{
		"[listing]\nlisted = true\n", "[first-version]\nsales = 33333333.33\n", "national_funding = 1\naudited_investment = 0\n[talent-team]\n",
		"date = 2027-10-14\nsame_kind = true\n[park]\nrent = 1e15\nrecognized = \"national\"\n",
		"[quality]\nstandard = [\"national\", \"national\", \"group\"]\ncertification = \"dcmm-1\"\n",
		"[revenue]\nrevenue = 1e15\nprior_peak = 0\nhighest_only = true\n", "[ai]\ninvestment = 1e999999999\n",
		// issues 20–22: Chinese tables, linked alternatives with a ledger,
		// an annual receipt, rent's years, a commissioned event
		"[首版次]\nsales = 5e7\n", "[key-tech]\n[strategic]\ninvestment = 1e7\n[[received]]\nitem = \"key-tech\"\namount = 1\n",
		"date = 2026-01-01\n[platform]\noperating_cost = 1e7\n[[received]]\nitem = \"platform.existing\"\namount = 3e6\ndate = 2025-01-01\n",
		"[park]\nrent = 1e6\n[[received]]\nitem = \"park.rent\"\namount = 1\npayer = \"district\"\ndate = 2023-01-01\n",
		"[event]\ninvestment = 1e7\ncommissioned = true\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		args := []string{"calc", "--file", "-", "-o", "json", "--date", "2026-11-26"}
		out, stderr, code := runCLI(t, string(data), args...)
		switch code {
		case 0:
			if out == "" {
				t.Fatalf("exit 0 with no output, stderr %q", stderr)
			}
			for _, l := range strings.SplitAfter(stderr, "\n") {
				if l != "" && !strings.HasPrefix(l, "szsoft: warning: ") {
					t.Fatalf("exit 0 with stderr line %q", l)
				}
			}
		case 1:
			if out != "" || !strings.HasPrefix(stderr, "szsoft: error: -") {
				t.Fatalf("exit 1 with stdout %q, stderr %q", out, stderr)
			}
			return
		default:
			t.Fatalf("exit %d: %s", code, stderr)
		}
		again, _, _ := runCLI(t, string(data), args...)
		if again != out {
			t.Fatal("the same input gave different output")
		}
		reg := edition.Builtin()
		pf, err := project.Parse(reg, "-", data)
		if err != nil {
			t.Fatalf("the CLI computed what the loader refuses: %v", err)
		}
		p := pf.Project
		p.Annex.Dates[measures.InDate] = calc.Date{Year: 2026, Month: 11, Day: 26}
		r, err := calc.Compute(reg.ForDate(p.Date()), &p)
		if err != nil {
			t.Fatalf("the CLI computed what calc refuses: %v", err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
	})
}
