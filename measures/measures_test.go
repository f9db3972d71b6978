package measures

import (
	"strings"
	"testing"
)

// Suggest gives up at once on a text no name is near: 131,000 characters
// against a list of names (a hostile header) cost minutes before.
func TestSuggestLongText(t *testing.T) {
	long := strings.Repeat("名", 131000)
	if got := Suggest(long, []string{"name", "first-version.sales"}); got != "" {
		t.Errorf("Suggest = %q", got)
	}
	if d := EditDistance(long, "name"); d < 131000 {
		t.Errorf("EditDistance = %d", d)
	}
}
