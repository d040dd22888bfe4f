package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The loader's file-system part (readFolder) against the same part of
// sql/ingest.sql run by the sqlite3 shell: the same canonical folder and the
// same rows of temp.ingest_files for each spelling of a folder (relative,
// through links, '..' after a link), the same entries kept (links, a FIFO, a
// socket, an unreadable file, an upper-case .TXT, a folder named *.txt), and
// both refusing what is not a folder.
func TestFolderAsTheShell(t *testing.T) {
	const shell = "/usr/bin/sqlite3"
	if _, err := os.Stat(shell); err != nil {
		t.Skip("no sqlite3 shell: ", err)
	}
	script, err := os.ReadFile(filepath.Join("..", "..", "sql", "ingest.sql"))
	if err != nil {
		t.Fatal(err)
	}
	end := strings.Index(string(script), fileSystemEnd)
	if end < 0 {
		t.Fatalf("sql/ingest.sql has no line %q", strings.TrimSpace(fileSystemEnd))
	}
	part := string(script[:end+len(fileSystemEnd)])

	tmp := t.TempDir()
	corpus := filepath.Join(tmp, "real", "corpus")
	for name, text := range map[string]string{"a.txt": "alpha", "B.TXT": "beta", "notes.md": "-", "empty.txt": "",
		"sub/c.txt": "gamma", "sub/dir.txt/d.txt": "delta", "unreadable.txt": "secret", "../../file.txt": "-"} {
		p := filepath.Join(corpus, name)
		must(t, os.MkdirAll(filepath.Dir(p), 0o755))
		must(t, os.WriteFile(p, []byte(text), 0o644))
	}
	must(t, os.Chmod(filepath.Join(corpus, "unreadable.txt"), 0)) // root reads it all the same, in both
	must(t, os.MkdirAll(filepath.Join(tmp, "real", "x", "inner"), 0o755))
	for link, target := range map[string]string{"real/corpus/link.txt": "a.txt", "real/corpus/dangling.txt": "nowhere.txt",
		"real/corpus/up": "..", "alias": "real/corpus", "abs": filepath.Join(tmp, "real"), "chain": "alias",
		"jump": "real/x/inner", "loop1": "loop2", "loop2": "loop1"} {
		must(t, os.Symlink(target, filepath.Join(tmp, link)))
	}
	must(t, syscall.Mkfifo(filepath.Join(corpus, "fifo.txt"), 0o644))
	if l, err := net.Listen("unix", filepath.Join(corpus, "sock.txt")); err == nil {
		defer l.Close()
	}

	wd, _ := os.Getwd()
	must(t, os.Chdir(tmp))
	defer os.Chdir(wd)
	for _, dir := range []string{"real/corpus", "real/corpus/", "./real//corpus/.", "alias", "alias/sub/..", "chain/",
		"abs/corpus", "jump/../../corpus", "real/corpus/up/corpus", filepath.Join(tmp, "alias"),
		"missing", "file.txt", "real/corpus/link.txt", "loop1"} {
		cmd := exec.Command(shell, ":memory:")
		cmd.Dir = tmp
		cmd.Stdin = strings.NewReader(fmt.Sprintf(".parameter set @dir \"'%s'\"\n%s.mode list\n"+
			"SELECT path FROM temp.ingest_dir;\nSELECT path, type, quote(raw) FROM temp.ingest_files ORDER BY path;\n", dir, part))
		out, shellErr := cmd.CombinedOutput()

		batches, err := readFolder(dir, 3)
		if (err != nil) != (shellErr != nil) {
			t.Errorf("@dir %q: the loader: %v; the shell: %v %s", dir, err, shellErr, out)
			continue
		} else if err != nil {
			continue
		}
		got := batches[0].dir + "\n"
		for _, b := range batches {
			for _, row := range b.files {
				got += fmt.Sprintf("%s|%d|%s\n", row[0], row[1], quote(row[2]))
			}
		}
		if got != string(out) {
			t.Errorf("@dir %q:\nthe loader:\n%sthe shell:\n%s", dir, got, out)
		}
		if !strings.Contains(got, "/real/corpus/sub/c.txt|") {
			t.Errorf("@dir %q: no sub/c.txt in\n%s", dir, got)
		}
	}
}

// quote is SQLite's quote() of a value the loader binds.
func quote(v any) string {
	switch v := v.(type) {
	case nil:
		return "NULL"
	case string:
		return "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return fmt.Sprintf("X'%X'", v.([]byte))
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
