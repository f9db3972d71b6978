package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The tests that print a document as its reader would: with headless
// Chromium (the 测算书), LibreOffice (the workbook) and pdftotext to read
// the pages back. .ci/run installs all three.

var toolMissing = map[string]string{
	"chromium":  "Chromium is not installed (.ci/run installs it): the 测算书 is not printed",
	"soffice":   "LibreOffice is not installed (.ci/run installs it): the workbook is not printed",
	"pdftotext": "poppler-utils is not installed (.ci/run installs it)",
}

// tools finds the programs a printing test needs, by name, skipping the
// test with the reason where one is missing, and under -short.
func tools(t *testing.T, names ...string) map[string]string {
	t.Helper()
	found := map[string]string{}
	for _, name := range names {
		path, err := exec.LookPath(name)
		if err != nil {
			t.Skip(toolMissing[name])
		}
		found[name] = path
	}
	if testing.Short() {
		t.Skip("prints with " + strings.Join(names, ", "))
	}
	return found
}

// printHTML prints doc to pdf with headless Chromium, its profile in
// profile.
func printHTML(t *testing.T, chromium, doc, pdf, profile string) {
	t.Helper()
	cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir="+profile,
		"--print-to-pdf="+pdf, "--no-pdf-header-footer", "file://"+doc)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, b)
	}
}

// printBook converts the workbook book to a PDF in dir with LibreOffice
// and returns its path.
func printBook(t *testing.T, soffice, book, dir string) string {
	t.Helper()
	convert := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, book)
	if b, err := convert.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, b)
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(book), filepath.Ext(book))+".pdf")
}
