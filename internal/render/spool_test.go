package render

import (
	"slices"
	"testing"
)

// Records come back in order, field by field, empty ones and multi-byte
// text included, from memory as from a scratch the face gives.
func TestSpool(t *testing.T) {
	for _, o := range []Options{{}, {Scratch: func() (Scratch, error) { return &memScratch{}, nil }}} {
		s := newSpool(o)
		in := [][]string{{"a", "", "首版次"}, {}, {"x\x00y", "1,000.00"}}
		for _, r := range in {
			if err := s.add(r...); err != nil {
				t.Fatal(err)
			}
		}
		var out [][]string
		if err := s.each(func(r []string) error { out = append(out, slices.Clone(r)); return nil }); err != nil {
			t.Fatal(err)
		}
		if len(out) != len(in) {
			t.Fatalf("%d records back, want %d", len(out), len(in))
		}
		for i := range in {
			if !slices.Equal(out[i], in[i]) && !(len(out[i]) == 0 && len(in[i]) == 0) {
				t.Errorf("record %d: %q, want %q", i, out[i], in[i])
			}
		}
		s.close()
	}
}
