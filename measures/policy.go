package measures

import (
	_ "embed"
	"strings"
)

// PolicyText is the policy as published, byte for byte (policy.txt is a copy
// of shared/policy/shenzhen-software-measures-2022.txt).
//
//go:embed policy.txt
var PolicyText string

// ClauseText returns the body of the clause numbered n (e.g. "（十九）") as the
// policy has it, without the heading line; "附则" gives the supplementary
// rules. It returns "" for an unknown clause.
func ClauseText(n string) string {
	lines := strings.Split(PolicyText, "\n")
	heading := func(l string) bool {
		l = strings.TrimLeft(l, "　 ")
		return strings.HasPrefix(l, "（") || strings.Contains(l, "、") && len([]rune(l)) < 24
	}
	for i, l := range lines {
		t := strings.TrimLeft(l, "　 ")
		var match bool
		if n == "附则" {
			match = strings.HasSuffix(t, "、附则")
		} else {
			match = strings.HasPrefix(t, n)
		}
		if !match {
			continue
		}
		var body []string
		for _, b := range lines[i+1:] {
			if heading(b) {
				break
			}
			if s := strings.TrimSpace(strings.TrimLeft(b, "　")); s != "" {
				body = append(body, s)
			}
		}
		return strings.Join(body, "\n")
	}
	return ""
}
