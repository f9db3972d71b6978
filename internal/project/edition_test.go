package project

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"szsoft/internal/edition"
	"szsoft/measures"
)

// An edition file is read as a stranger's project file is: its bytes and
// shape checked first, in an edition file's words, then every mistake of
// its syntax, each at its line and column, then its content.
func TestParseEditionErrors(t *testing.T) {
	noText := func(string) ([]byte, error) { return nil, errors.New("no text") }
	for _, c := range []struct {
		name string
		data string
		want []string // codes and places, "line:col code"
	}{
		{"binary", "id = 1\x00", []string{"1:7 edition.binary"}},
		{"too large", strings.Repeat("#", edition.MaxSize+1), []string{"0:0 edition.toolarge"}},
		{"two syntax errors", "[edition]\nid = \n\n[[clause]\nid = \"x\"\n", []string{"2:6 toml.value.start", "4:9 toml.arraytable.close"}},
		{"too deep", "a.b.c.d.e.f.g = 1\n", []string{"1:13 edition.shape.deep"}},
		// idd: and the [edition] without its id, document, title, text and window
		{"unknown key", "[edition]\nidd = \"x\"\n", []string{"1:2 edition.problem", "2:1 edition.problem"}},
	} {
		_, err := ParseEdition("e.toml", []byte(c.data), noText, edition.Builtin().Lookup)
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, e := range es {
			got = append(got, strings.Join([]string{strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Col), string(e.Msg.Code)}, " "))
		}
		if !inOrder(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// inOrder reports whether want are among got, in order.
func inOrder(got, want []string) bool {
	for _, g := range got {
		if len(want) > 0 && g == want[0] {
			want = want[1:]
		}
	}
	return len(want) == 0
}

// The bureau's text as Chinese Windows' Notepad saves it, GBK, is read as
// a roster is; bytes that are neither UTF-8 nor GBK are refused.
func TestEditionTextInGBK(t *testing.T) {
	data, err := measures.Files.ReadFile("sz2022.toml")
	if err != nil {
		t.Fatal(err)
	}
	utf, _ := measures.Files.ReadFile("sz2022.txt")
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(utf)
	if err != nil {
		t.Fatal(err)
	}
	e, err := ParseEdition("sz2022.toml", data, func(string) ([]byte, error) { return gbk, nil }, edition.Builtin().Lookup)
	if err != nil {
		t.Fatalf("GBK text: %v", err)
	}
	if !strings.Contains(e.Text, "深圳市推动软件产业高质量发展的若干措施") {
		t.Errorf("GBK text not read as Chinese: %.40q", e.Text)
	}
	_, err = ParseEdition("sz2022.toml", data, func(string) ([]byte, error) { return []byte("\xff\xfe\x00"), nil }, edition.Builtin().Lookup)
	if err == nil || !strings.Contains(err.Error(), "edition.text.utf8") && !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("bytes neither UTF-8 nor GBK: %v", err)
	}
}
