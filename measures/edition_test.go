package measures

import (
	"testing"

	"github.com/shopspring/decimal"
)

// successor is a test edition: the measures renewed for five more years
// from 2027-10-15, with the first-version developer's cap raised to
// 15,000,000. Adding it is data, nothing else.
func successor() *Edition {
	e := SZ2022()
	e.ID, e.Policy = "test2027", "深府规〔2027〕测试号"
	e.Supplementary.From, e.Supplementary.To = Day{2027, 10, 15}, Day{2032, 10, 14}
	it, _ := e.Item("first-version.developer")
	it.Cap = capAt("15000000")
	return NewEdition(*e)
}

func TestRegistry(t *testing.T) {
	r, err := NewRegistry(SZ2022(), successor())
	if err != nil {
		t.Fatal(err)
	}
	for d, want := range map[Day]string{
		{2022, 10, 15}: "sz2022",   // the first day of the first
		{2027, 10, 14}: "sz2022",   // its last day
		{2027, 10, 15}: "test2027", // the successor's first
		{2040, 1, 1}:   "test2027", // after both: the nearest
		{2020, 1, 1}:   "sz2022",   // before both: the nearest
	} {
		if got := r.ForDate(d).ID; got != want {
			t.Errorf("ForDate(%s) = %s, want %s", d, got, want)
		}
	}
	if e, ok := r.Lookup("test2027"); !ok || !e.InWindow(Day{2030, 1, 1}) {
		t.Error("test2027 not found or not in force in 2030")
	}
	if it, _ := r.editions[1].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("15000000")) {
		t.Errorf("successor cap %s", it.Cap)
	}
	if it, _ := r.editions[0].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("10000000")) {
		t.Errorf("sz2022 cap %s: the successor changed its predecessor", it.Cap)
	}
	// Overlapping windows and repeated ids are refused.
	if _, err := NewRegistry(SZ2022(), SZ2022()); err == nil {
		t.Error("two sz2022 accepted")
	}
}
