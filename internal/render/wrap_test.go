package render

import (
	"strings"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "首版次": 6, "（十九）": 8, "·": 1, "“": 1, "5,000万": 7, "": 0, "ＡＢ": 4} {
		if got := DisplayWidth(s); got != want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want []string
	}{
		// English breaks at spaces.
		{"the quick brown fox", 10, []string{"the quick", "brown fox"}},
		// Chinese between characters, 2 columns each.
		{"深圳市软件产业扶持测算", 10, []string{"深圳市软件", "产业扶持测", "算"}},
		{"资金配套", 4, []string{"资金配套"}},
		// never inside a number, nor between a number and its unit
		{"市级合计为 10,000,000.00 元", 12, []string{"市级合计为", "10,000,000.00", "元"}},
		{"合计5000万元整", 8, []string{"合计", "5000万元", "整"}},
		{"按30%计算", 4, []string{"按", "30%", "计算"}},
		// no closing mark at the start of a line, no opening mark at the end
		{"按其上一年度审定运营费用，给予资助", 12, []string{"按其上一年度", "审定运营费", "用，给予资助"}},
		{"上限（附则）为零", 10, []string{"上限", "（附则）", "为零"}},
		{"ab（附则）", 4, []string{"ab", "（附则）"}},
		// short Chinese words stay whole; prose breaks anywhere
		{"软件开发商，用户单位", 10, []string{"软件开发商，", "用户单位"}},
		// a number wider than the line overflows, whole
		{"10,000,000.00", 5, []string{"10,000,000.00"}},
		// a long word wider than the line is cut; a short one overflows
		{"projects/shenzhen/clients/a.toml", 10, []string{"projects/s", "henzhen/cl", "ients/a.to", "ml"}},
		{"abcdefghij", 4, []string{"abcdefghij"}},
		// line breaks are kept; no wrapping at width 0
		{"a b\nc d", 0, []string{"a b", "c d"}},
		{"a b\nc d", 1, []string{"a", "b", "c", "d"}},
	} {
		got := Wrap(c.s, c.w)
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
		if c.w > 0 {
			for _, l := range got {
				if DisplayWidth(l) > max(c.w, maxWhole) {
					t.Errorf("Wrap(%q, %d): line %q is wider than %d", c.s, c.w, l, c.w)
				}
			}
		}
	}
}

// Wrapping loses nothing: the lines joined are the text without the spaces
// at the breaks.
func TestWrapKeepsEveryCharacter(t *testing.T) {
	text := "（十九） first-version.developer: 对首版次软件的开发商，按一定时期内审定销售额的30%，给予最高不超过1000万元奖励 50,000,000.00 × 30% = 15,000,000.00"
	for w := 1; w < 60; w++ {
		got := strings.Join(Wrap(text, w), "")
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(text, " ", "") {
			t.Fatalf("width %d: %q", w, got)
		}
	}
}

// A Chinese item name breaks only after its dot; an id only after its
// dots and hyphens; a number, a date and a level never.
func TestWrapKeepsNames(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want []string
	}{
		{"只计 公共服务平台·新建，不计 公共服务平台·已建", 20, []string{"只计 公共服务平台·", "新建，不计", "公共服务平台·已建"}},
		{"首版次软件·软件开发商", 12, []string{"首版次软件·", "软件开发商"}},
		{"首版次软件·软件开发商", 8, []string{"首版次软件·", "软件开发商"}},
		{"first-version.developer", 16, []string{"first-version.", "developer"}},
		{"first-version.developer", 8, []string{"first-version.", "developer"}},
		{"national-match first-version", 8, []string{"national-match", "first-version"}},
		{"2026-03-01 cmmi-5", 6, []string{"2026-03-01", "cmmi-5"}},
	} {
		if got := Wrap(c.s, c.w); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
}

func TestWrapKeepsFlags(t *testing.T) {
	if got := Wrap("输入 --operating-cost", 12); strings.Join(got, "|") != "输入|--operating-cost" {
		t.Errorf("got %q", got)
	}
}

func TestWrapKeepsGlobs(t *testing.T) {
	if got := Wrap("every *.toml file", 8); strings.Join(got, "|") != "every|*.toml|file" {
		t.Errorf("got %q", got)
	}
}

// A flag and its value stay together.
func TestWrapKeepsFlagWithValue(t *testing.T) {
	got := Wrap("输入：first-version --premium 200,000.00；--audited-investment 80,000,000.00", 40)
	want := []string{"输入：first-version", "--premium 200,000.00；--audited-investment", "80,000,000.00"}
	for _, l := range got {
		if strings.HasSuffix(l, "--premium") || strings.HasSuffix(l, "--audited-investment") {
			t.Errorf("a flag without its value at the end of %q (all: %q, e.g. %q)", l, got, want)
		}
	}
}

// A family emoji, a flag and a letter with its accent stay whole; the
// document number keeps its 号.
func TestWrapKeepsClusters(t *testing.T) {
	for _, c := range []struct {
		s    string
		w    int
		want string
	}{
		{"ab 👨\u200d👩\u200d👧\u200d👦 cd", 6, "ab|👨\u200d👩\u200d👧\u200d👦|cd"},
		{"x 🏳\ufe0f\u200d🌈 y", 3, "x|🏳\ufe0f\u200d🌈|y"},
		{"深府规〔2022〕5号", 14, "深府规〔2022〕|5号"},
	} {
		if got := strings.Join(Wrap(c.s, c.w), "|"); got != c.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", c.s, c.w, got, c.want)
		}
	}
	if w := DisplayWidth("e\u0301"); w != 1 {
		t.Errorf("e + combining acute: %d columns, want 1", w)
	}
}
