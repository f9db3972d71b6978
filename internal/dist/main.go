// Command dist writes szsoft's release archives (make dist): for each
// platform an archive holding the binary, README.md, the shell completions
// and the man pages — .zip for Windows, with the binary, README.md and the
// PowerShell completion only; .tar.gz elsewhere — and SHA256SUMS.
//
//	go run ./internal/dist -version v1.2.0 -out dist
//
// The same commit gives the same bytes: binaries built with -trimpath,
// without VCS stamps or build ids, the version given by the linker; archive
// entries in a fixed order with fixed owners, modes and times (the commit's
// time, or SOURCE_DATE_EPOCH), gzip without a name or a time.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Targets are the platforms released, in the order of SHA256SUMS' files.
var Targets = []Target{
	{"windows", "amd64"}, {"windows", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"linux", "amd64"}, {"linux", "arm64"},
}

// Target is a platform: GOOS and GOARCH.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// Config is what one run of dist makes.
type Config struct {
	Root    string    // the module's root
	Out     string    // where the archives go
	Version string    // stamped into the binaries and named in the archives
	Time    time.Time // every file's time in the archives
	Targets []Target
	Env     []string // extra environment for go build (a GOCACHE of its own)
}

func main() {
	var c Config
	flag.StringVar(&c.Out, "out", "dist", "the folder the archives are written to")
	flag.StringVar(&c.Version, "version", "", "the version stamped (default: git describe --tags --always --dirty)")
	only := flag.String("targets", "", "comma-separated GOOS/GOARCH (default: every platform released)")
	flag.Parse()
	c.Root = "."
	if c.Version == "" {
		c.Version = gitOr(c.Root, "dev", "describe", "--tags", "--always", "--dirty")
	}
	c.Time = sourceTime(c.Root)
	c.Targets = Targets
	if *only != "" {
		c.Targets = nil
		for _, s := range strings.Split(*only, ",") {
			goos, goarch, ok := strings.Cut(s, "/")
			if !ok {
				fmt.Fprintf(flag.CommandLine.Output(), "dist: -targets %q: want GOOS/GOARCH\n", s)
				os.Exit(2)
			}
			c.Targets = append(c.Targets, Target{goos, goarch})
		}
	}
	names, err := Build(c)
	if err != nil {
		fmt.Fprintln(flag.CommandLine.Output(), "dist:", err)
		os.Exit(1)
	}
	for _, n := range names {
		fmt.Println(filepath.Join(c.Out, n))
	}
}

// sourceTime is SOURCE_DATE_EPOCH, else the time of the commit checked
// out, else 1980-01-01 (the earliest a zip can hold).
func sourceTime(root string) time.Time {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		s = gitOr(root, "", "log", "-1", "--format=%ct")
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0).UTC()
	}
	return time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
}

func gitOr(root, fallback string, args ...string) string {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	if s := strings.TrimSpace(string(out)); err == nil && s != "" {
		return s
	}
	return fallback
}

// file is an entry of an archive: its name inside the archive's folder,
// its content, whether it is executable.
type file struct {
	name string
	data []byte
	exec bool
}

// Build writes the archives of c and SHA256SUMS, and returns their names.
func Build(c Config) ([]string, error) {
	if strings.ContainsAny(c.Version, "/\\ ") || c.Version == "" {
		return nil, fmt.Errorf("version %q: want a word such as v1.2.0 or a commit", c.Version)
	}
	docs, err := documents(c.Root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(c.Out, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "szsoft-dist")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var names []string
	sums := map[string][32]byte{}
	for _, t := range c.Targets {
		bin := "szsoft"
		if t.OS == "windows" {
			bin += ".exe"
		}
		exe := filepath.Join(tmp, t.OS+"-"+t.Arch, bin)
		if err := build(c, t, exe); err != nil {
			return nil, err
		}
		data, err := os.ReadFile(exe)
		if err != nil {
			return nil, err
		}
		files := append([]file{{name: bin, data: data, exec: true}}, forOS(docs, t.OS)...)
		base := "szsoft-" + c.Version + "-" + t.OS + "-" + t.Arch
		var archive []byte
		if t.OS == "windows" {
			base += ".zip"
			archive, err = zipOf(base[:len(base)-len(".zip")], files, c.Time)
		} else {
			base += ".tar.gz"
			archive, err = tarGzOf(base[:len(base)-len(".tar.gz")], files, c.Time)
		}
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(c.Out, base), archive, 0o644); err != nil {
			return nil, err
		}
		sums[base] = sha256.Sum256(archive)
		names = append(names, base)
	}
	var b strings.Builder
	for _, n := range slices.Sorted(maps.Keys(sums)) {
		fmt.Fprintf(&b, "%x  %s\n", sums[n], n)
	}
	if err := os.WriteFile(filepath.Join(c.Out, "SHA256SUMS"), []byte(b.String()), 0o644); err != nil {
		return nil, err
	}
	return append(names, "SHA256SUMS"), nil
}

// build cross-compiles szsoft for t into exe: static (no cgo), without the
// build's paths, VCS stamp or build id, stripped, the version stamped.
func build(c Config, t Target, exe string) error {
	cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X main.version="+c.Version, "-o", exe, "./cmd/szsoft")
	cmd.Dir = c.Root
	cmd.Env = append(append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.OS, "GOARCH="+t.Arch, "GOFLAGS="), c.Env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build for %s: %v\n%s", t, err, out)
	}
	return nil
}

// documents are what every archive holds besides the binary: README.md,
// completions/ and docs/man/*.1 (as man/), in the order of their names.
func documents(root string) ([]file, error) {
	var files []file
	add := func(name, path string) error {
		data, err := os.ReadFile(filepath.Join(root, path))
		if err != nil {
			return err
		}
		files = append(files, file{name: name, data: data})
		return nil
	}
	if err := add("README.md", "README.md"); err != nil {
		return nil, err
	}
	for _, dir := range []struct{ from, to, pattern string }{
		{"completions", "completions", "*"},
		{filepath.Join("docs", "man"), "man", "*.1"},
	} {
		matches, err := filepath.Glob(filepath.Join(root, dir.from, dir.pattern))
		if err != nil {
			return nil, err
		}
		if len(matches) == 0 {
			return nil, fmt.Errorf("%s: no %s", dir.from, dir.pattern)
		}
		slices.Sort(matches)
		for _, m := range matches {
			rel, _ := filepath.Rel(root, m)
			if err := add(dir.to+"/"+filepath.Base(m), rel); err != nil {
				return nil, err
			}
		}
	}
	return files, nil
}

// forOS are the documents an archive for the system holds: Windows has no
// man and its shell is PowerShell, so its archive holds README.md and
// completions/szsoft.ps1 alone.
func forOS(docs []file, goos string) []file {
	if goos != "windows" {
		return docs
	}
	var out []file
	for _, f := range docs {
		if f.name == "README.md" || f.name == "completions/szsoft.ps1" {
			out = append(out, f)
		}
	}
	return out
}

// folders are the folders of files' names, each once, in order.
func folders(files []file) []string {
	var dirs []string
	for _, f := range files {
		if d, _, ok := strings.Cut(f.name, "/"); ok && !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	return dirs
}

// tarGzOf is a .tar.gz of files under the folder top: owner 0, modes 0755
// and 0644, every time t; gzip with neither a name nor a time.
func tarGzOf(top string, files []file, t time.Time) ([]byte, error) {
	var buf bytes.Buffer
	gz, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	tw := tar.NewWriter(gz)
	dir := func(name string) error {
		return tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: 0o755, ModTime: t, Format: tar.FormatUSTAR})
	}
	if err := dir(top); err != nil {
		return nil, err
	}
	for _, d := range folders(files) {
		if err := dir(top + "/" + d); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		mode := int64(0o644)
		if f.exec {
			mode = 0o755
		}
		h := &tar.Header{Typeflag: tar.TypeReg, Name: top + "/" + f.name, Mode: mode, Size: int64(len(f.data)), ModTime: t, Format: tar.FormatUSTAR}
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if _, err := tw.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipOf is a .zip of files under the folder top, deflated, every time t.
func zipOf(top string, files []file, t time.Time) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(w, flate.BestCompression)
	})
	entry := func(name string, mode fs.FileMode, method uint16) (io.Writer, error) {
		h := &zip.FileHeader{Name: name, Method: method, Modified: t}
		h.SetMode(mode)
		return zw.CreateHeader(h)
	}
	if _, err := entry(top+"/", fs.ModeDir|0o755, zip.Store); err != nil {
		return nil, err
	}
	for _, d := range folders(files) {
		if _, err := entry(top+"/"+d+"/", fs.ModeDir|0o755, zip.Store); err != nil {
			return nil, err
		}
	}
	for _, f := range files {
		mode := fs.FileMode(0o644)
		if f.exec {
			mode = 0o755
		}
		w, err := entry(top+"/"+f.name, mode, zip.Deflate)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(f.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
