package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"szsoft/internal/slowtest"
)

// The release of SPEC §7: six archives and SHA256SUMS, the same bytes when
// made twice, each holding the binary with its version, README.md, the
// four completions and every man page. This is also make test's
// cross-compilation of every platform.
func TestArchives(t *testing.T) {
	slowtest.Release(t)
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	c := Config{Root: "../..", Version: "v9.9.9-test", Time: when, Targets: Targets}
	dirs := [2]string{t.TempDir(), t.TempDir()}
	var names [2][]string
	for i, dir := range dirs {
		c.Out = dir
		var err error
		if names[i], err = Build(c); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"szsoft-v9.9.9-test-windows-amd64.zip", "szsoft-v9.9.9-test-windows-arm64.zip",
		"szsoft-v9.9.9-test-darwin-amd64.tar.gz", "szsoft-v9.9.9-test-darwin-arm64.tar.gz",
		"szsoft-v9.9.9-test-linux-amd64.tar.gz", "szsoft-v9.9.9-test-linux-arm64.tar.gz",
		"SHA256SUMS",
	}
	if !slices.Equal(names[0], want) || !slices.Equal(names[1], want) {
		t.Fatalf("made %q and %q, want %q", names[0], names[1], want)
	}
	for _, name := range want {
		if !bytes.Equal(read(t, filepath.Join(dirs[0], name)), read(t, filepath.Join(dirs[1], name))) {
			t.Errorf("%s: made twice, not the same bytes", name)
		}
	}

	// SHA256SUMS: sha256sum -c's lines, one per archive, by name.
	var sums []string
	for _, name := range slices.Sorted(slices.Values(want[:6])) {
		sums = append(sums, fmt.Sprintf("%x  %s", sha256.Sum256(read(t, filepath.Join(dirs[0], name))), name))
	}
	if got := string(read(t, filepath.Join(dirs[0], "SHA256SUMS"))); got != strings.Join(sums, "\n")+"\n" {
		t.Errorf("SHA256SUMS:\n%s\nwant\n%s", got, strings.Join(sums, "\n"))
	}

	// What each archive holds.
	completions, _ := filepath.Glob("../../completions/*")
	man, _ := filepath.Glob("../../docs/man/*.1")
	if len(completions) != 4 || len(man) < 20 {
		t.Fatalf("%d completions and %d man pages in the tree", len(completions), len(man))
	}
	for _, name := range want[:6] {
		top := strings.TrimSuffix(strings.TrimSuffix(name, ".zip"), ".tar.gz")
		bin := "szsoft"
		if strings.Contains(name, "windows") {
			bin = "szsoft.exe"
		}
		entries := list(t, filepath.Join(dirs[0], name))
		wantEntries := []string{top + "/", top + "/completions/", top + "/man/", top + "/" + bin, top + "/README.md"}
		for _, f := range completions {
			wantEntries = append(wantEntries, top+"/completions/"+filepath.Base(f))
		}
		for _, f := range man {
			wantEntries = append(wantEntries, top+"/man/"+filepath.Base(f))
		}
		if bin == "szsoft.exe" {
			// Windows reads no man page and runs no bash, zsh or fish.
			wantEntries = []string{top + "/", top + "/completions/", top + "/" + bin, top + "/README.md", top + "/completions/szsoft.ps1"}
		}
		var got []string
		for _, e := range entries {
			got = append(got, e.name)
			wantMode := os.FileMode(0o644)
			switch {
			case strings.HasSuffix(e.name, "/"):
				wantMode = os.ModeDir | 0o755
			case strings.HasSuffix(e.name, "/"+bin):
				wantMode = 0o755
				// The version is stamped: the linker wrote it into the
				// binary's data.
				if !bytes.Contains(e.data, []byte("v9.9.9-test")) {
					t.Errorf("%s: %s holds no version v9.9.9-test", name, e.name)
				}
			}
			if e.mode != wantMode || !e.time.Equal(when) {
				t.Errorf("%s: %s has mode %v and time %v, want %v and %v", name, e.name, e.mode, e.time, wantMode, when)
			}
		}
		if !slices.Equal(got, wantEntries) {
			t.Errorf("%s holds\n%q\nwant\n%q", name, got, wantEntries)
		}
	}

	// The binary this machine runs says its version.
	host := fmt.Sprintf("szsoft-v9.9.9-test-%s-%s.tar.gz", runtime.GOOS, runtime.GOARCH)
	if !slices.Contains(want, host) {
		t.Logf("no archive for %s/%s: its binary is not run", runtime.GOOS, runtime.GOARCH)
		return
	}
	for _, e := range list(t, filepath.Join(dirs[0], host)) {
		if strings.HasSuffix(e.name, "/szsoft") {
			exe := filepath.Join(t.TempDir(), "szsoft")
			if err := os.WriteFile(exe, e.data, 0o755); err != nil {
				t.Fatal(err)
			}
			for _, flag := range []string{"--version", "version"} {
				out, err := exec.Command(exe, flag).Output()
				if err != nil || !strings.HasPrefix(string(out), "szsoft v9.9.9-test\n") {
					t.Errorf("szsoft %s: %v %q", flag, err, out)
				}
			}
		}
	}
}

// A compiler run from nothing makes the same binary as the build cache's:
// the linux/amd64 archive with a GOCACHE of its own equals the cached one.
func TestArchiveFromAnEmptyCache(t *testing.T) {
	slowtest.Release(t)
	when := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	target := []Target{{"linux", "amd64"}}
	c := Config{Root: "../..", Version: "v9.9.9-test", Time: when, Targets: target, Out: t.TempDir()}
	if _, err := Build(c); err != nil {
		t.Fatal(err)
	}
	fresh := c
	fresh.Out = t.TempDir()
	fresh.Env = []string{"GOCACHE=" + t.TempDir()}
	if _, err := Build(fresh); err != nil {
		t.Fatal(err)
	}
	name := "szsoft-v9.9.9-test-linux-amd64.tar.gz"
	if !bytes.Equal(read(t, filepath.Join(c.Out, name)), read(t, filepath.Join(fresh.Out, name))) {
		t.Errorf("%s: built from an empty cache, not the same bytes", name)
	}
}

func TestVersionRefused(t *testing.T) {
	for _, v := range []string{"", "v1 2", "../v1", `a\b`} {
		if _, err := Build(Config{Root: "../..", Out: t.TempDir(), Version: v}); err == nil {
			t.Errorf("version %q: no error", v)
		}
	}
}

type entry struct {
	name string
	mode os.FileMode
	time time.Time
	data []byte
}

// list reads a .zip or a .tar.gz.
func list(t *testing.T, path string) []entry {
	t.Helper()
	data := read(t, path)
	var out []entry
	if strings.HasSuffix(path, ".zip") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, entry{f.Name, f.Mode(), f.Modified.UTC(), b})
		}
		return out
	}
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("%s: gzip header names %q at %v: want neither", path, gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: %s owned by %d/%d %q/%q", path, h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{h.Name, h.FileInfo().Mode(), h.ModTime.UTC(), b})
	}
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
