package measures

// Suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a likely misspelling.
func Suggest(s string, candidates []string) string {
	// Nothing of more than 64 bytes is a misspelling of a name: a hostile
	// cell of 131,000 characters is not turned into runes once per
	// candidate (that cost minutes).
	if len(s) > maxSuggest {
		return ""
	}
	best, bestD := "", 0
	for _, c := range candidates {
		d := EditDistance(s, c)
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	n := len([]rune(s))
	limit := 1
	switch {
	case n > 8:
		limit = 3
	case n > 4:
		limit = 2
	}
	if best == "" || bestD > limit {
		return ""
	}
	return best
}

// maxSuggest is the longest text, in characters, compared with names.
const maxSuggest = 64

// EditDistance is the Damerau–Levenshtein distance (with adjacent
// transpositions, so "versoin" is one step from "version").
func EditDistance(a, b string) int {
	if len(a) > 4*maxSuggest || len(b) > 4*maxSuggest {
		return max(len(a), len(b)) // in bytes: far beyond any limit
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxSuggest || len(rb) > maxSuggest {
		return max(len(ra), len(rb))
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
