package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A Chinese clerk meets no English word: every report, catalogue, template,
// error, hint and warning under --lang zh is in Chinese but for the names
// of commands, flags, keys, values and ids, which are typed as they are
// (englishWords says which).
func TestChineseHasNoEnglish(t *testing.T) {
	t.Chdir("../..")
	t.Setenv("LANG", "C")
	fixtures, _ := filepath.Glob("fixtures/*.toml")
	var runs [][]string
	for _, f := range fixtures {
		runs = append(runs, []string{"calc", "--file", f, "--explain"}, []string{"calc", "--file", f, "-o", "markdown", "--explain"})
	}
	runs = append(runs,
		append([]string{"batch"}, fixtures...), append([]string{"batch", "-o", "markdown"}, fixtures...),
		[]string{"measures"}, []string{"init"}, []string{"validate", "fixtures/spec-example.toml"},
		// every error a clerk is likely to meet, and its hint
		[]string{"calc", "first-version", "--sales", "abc"}, []string{"calc", "first-version", "--sales", "-5"},
		[]string{"calc", "first-version", "--sales", "5e7x"}, []string{"calc", "first-version", "--sales", "50,00,000"},
		[]string{"calc", "first-version", "--sale", "5e7"}, []string{"calc", "first-version", "--sales"},
		[]string{"calc", "first-version"}, []string{"calc", "first-version", "--sales", "1", "--purchase", "1"},
		[]string{"calc", "platform", "--operating-cost", "1e7", "--existing-rate", "50%"},
		[]string{"calc", "park", "--recognized", "district"}, []string{"calc", "quality", "--certification", "cmmi-3"},
		[]string{"calc", "listing", "--listed", "--date", "2026-02-30"}, []string{"calc", "listing", "--listed", "--date", "2030-01-01"},
		[]string{"calc", "listing", "--listed", "--national-funding", "1e6"},
		[]string{"calc", "listing", "--listed", "-o", "jsno"}, []string{"calc", "listing", "--listed", "--out", "x.csv", "-o", "json"},
		[]string{"calc", "--file", "no-such.toml"}, []string{"calc"}, []string{"clac"}, []string{"batch"},
		[]string{"calc", "revenue", "--revenue", "6e9"}, []string{"calc", "talent-team", "--top"},
	)
	for _, args := range runs {
		if out, stderr, _ := runCLI(t, "", append(args, "--lang", "en")...); strings.Contains(out+stderr, "[[") {
			t.Errorf("szsoft %s --lang en: a key without words:\n%s%s", strings.Join(args, " "), out, stderr)
		}
		args = append(args, "--lang", "zh")
		out, stderr, _ := runCLI(t, "", args...)
		if strings.Contains(out+stderr, "[[") {
			t.Errorf("szsoft %s: a key without words:\n%s%s", strings.Join(args, " "), out, stderr)
		}
		if w := englishWords(out+stderr, args...); len(w) > 0 {
			t.Errorf("szsoft %s: English words %q\n%s%s", strings.Join(args, " "), w, out, stderr)
		}
	}
}
