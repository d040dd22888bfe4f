package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// readFolder does the file-system part of sql/ingest.sql as its statements do
// in the sqlite3 shell, and splits the entries into batches in path order (the
// script's ORDER BY path, so the ids come out as in one run of the shell).
func readFolder(dir string, batch int) ([]staged, error) {
	canon, err := canonicalFolder(dir)
	if err != nil {
		return nil, err
	}
	files, err := folderEntries(canon)
	if err != nil {
		return nil, err
	}
	// published.csv (the dates of the files) goes with every batch: the
	// script reads the lines of the batch's own files from it.
	var dates [][]any
	articles := files[:0:0]
	for _, row := range files {
		if row[0].(string) == canon+"/published.csv" {
			dates = append(dates, row)
		} else {
			articles = append(articles, row)
		}
	}
	var out []staged
	for _, b := range inBatches(articles, batch, func(row []any) string { return row[0].(string) }) {
		out = append(out, staged{dir: canon, files: append(b, dates...)})
	}
	return out, nil
}

// canonicalFolder is the script's temp.ingest_dir: dir taken from the current
// folder, then every symbolic link resolved where it stands, as realpath(3)
// and the script's walk do. A '..' after a link leads to the parent of the
// link's target: EvalSymlinks walks the components that way, while
// filepath.Abs would first drop "link/.." as text, so it is not used. Left
// different: the script gives up after 40 links, EvalSymlinks after 255.
func canonicalFolder(dir string) (string, error) {
	path := dir
	if !filepath.IsAbs(dir) {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		path = wd + "/" + dir
	}
	canon, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", fmt.Errorf("-dir %s: %w", dir, err)
	}
	if info, err := os.Stat(canon); err != nil || !info.IsDir() {
		return "", fmt.Errorf("-dir %s: not a folder", dir)
	}
	return canon, nil
}

// folderEntries gives the rows of the script's temp.ingest_files(path, type,
// raw), sorted by path. As the script's fsdir() query: every entry under the
// folder (links not followed) whose path ends in .txt, in any case as LIKE
// compares, and is not a folder, and every symbolic link; type is the S_IFMT
// bits of lstat(2); raw the content of a regular file (NULL where it cannot be
// read), a link's target, and NULL for anything else (a FIFO is never opened).
func folderEntries(canon string) ([][]any, error) {
	var rows [][]any
	err := filepath.WalkDir(canon, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == canon {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		typ := info.Sys().(*syscall.Stat_t).Mode & syscall.S_IFMT
		txt := len(p) >= 4 && strings.EqualFold(p[len(p)-4:], ".txt")
		if !(txt && typ != syscall.S_IFDIR || typ == syscall.S_IFLNK || p == canon+"/published.csv") {
			return nil
		}
		var raw any
		switch typ {
		case syscall.S_IFREG:
			if data, err := os.ReadFile(p); err == nil {
				raw = data
			}
		case syscall.S_IFLNK:
			raw, err = os.Readlink(p)
		}
		rel, _ := filepath.Rel(canon, p)
		rows = append(rows, []any{canon + "/" + filepath.ToSlash(rel), int64(typ), raw})
		return err
	})
	sort.Slice(rows, func(i, j int) bool { return rows[i][0].(string) < rows[j][0].(string) })
	return rows, err
}
