package main

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Reading the PDFs that LibreOffice and Chromium print, with poppler's
// tools (poppler-utils, which .ci/run installs).

// pdfText is the text of a PDF.
func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	b, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(b)
}

// pdfPages is the number of pages of a PDF.
func pdfPages(t *testing.T, pdf string) int {
	t.Helper()
	b, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", pdf, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count", pdf)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// checkWithinPages checks that no word of a PDF runs off its page: every
// word's box lies within the page's width and height.
func checkWithinPages(t *testing.T, pdf string) {
	t.Helper()
	b, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", pdf, err)
	}
	page := regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	word := regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`)
	var w, h float64
	n, bad := 0, 0
	for _, line := range strings.Split(string(b), "\n") {
		if m := page.FindStringSubmatch(line); m != nil {
			w, _ = strconv.ParseFloat(m[1], 64)
			h, _ = strconv.ParseFloat(m[2], 64)
			n++
			continue
		}
		if m := word.FindStringSubmatch(line); m != nil {
			var v [4]float64
			for i := range v {
				v[i], _ = strconv.ParseFloat(m[i+1], 64)
			}
			if v[0] < 0 || v[1] < 0 || v[2] > w+0.5 || v[3] > h+0.5 {
				if bad++; bad <= 5 {
					t.Errorf("page %d: %q at x %.0f–%.0f, y %.0f–%.0f runs off the page (%.0f × %.0f)", n, m[5], v[0], v[2], v[1], v[3], w, h)
				}
			}
		}
	}
	if n == 0 {
		t.Errorf("%s: no pages", pdf)
	}
}
