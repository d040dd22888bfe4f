package main

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// item is one step of an sqlite3-shell script: an SQL statement (with the
// @names of its parameters, in the order SQLite numbers them), a dot-command,
// or the file-system part of sql/ingest.sql.
type item struct {
	sql    string
	params []string
	dot    []string // a dot-command's words: ".import", "--schema", "temp", ...
	files  bool     // fills temp.ingest_dir and temp.ingest_files as the part cut out would
}

// The lines around the part of sql/ingest.sql that reads the folder with the
// shell's fsdir(), which dqlite does not have (the loader does that part).
const fileSystemBegin, fileSystemEnd = "\n-- file system part: begin\n", "\n-- file system part: end\n"

// parseScriptFiles is parseScript, with the file-system part, where the script
// has one, as a single step.
func parseScriptFiles(text string) ([]item, error) {
	begin, end := strings.Index(text, fileSystemBegin), strings.Index(text, fileSystemEnd)
	if begin < 0 && end < 0 {
		return parseScript(text), nil
	}
	if begin < 0 || end < begin {
		return nil, fmt.Errorf("the lines %q and %q do not enclose a part", strings.TrimSpace(fileSystemBegin), strings.TrimSpace(fileSystemEnd))
	}
	items := append(parseScript(text[:begin+1]), item{files: true})
	return append(items, parseScript(text[end+len(fileSystemEnd):])...), nil
}

// parseScript splits a script the way the sqlite3 shell reads it: a line that
// starts with '.' between statements is a dot-command; a statement ends at a
// ';' outside quotes and comments, except inside CREATE TRIGGER, which ends
// at "; END;". Comments between statements are dropped.
func parseScript(text string) []item {
	var items []item
	for i := 0; i < len(text); {
		switch {
		case unicode.IsSpace(rune(text[i])) || text[i] == ';':
			i++
		case strings.HasPrefix(text[i:], "--"):
			i = lineEnd(text, i)
		case text[i] == '.':
			end := lineEnd(text, i)
			items = append(items, item{dot: strings.Fields(text[i:end])})
			i = end
		default:
			end, params := statementEnd(text, i)
			items = append(items, item{sql: strings.TrimSpace(text[i:end]), params: params})
			i = end
		}
	}
	return items
}

// statementEnd returns where the statement that starts at i ends (after its
// ';') and the names of its parameters in order of first appearance.
func statementEnd(text string, i int) (int, []string) {
	var params, words []string // words: outside quotes and comments, upper case
	word := func(j int) int {
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		return j
	}
	for i < len(text) {
		c := text[i]
		switch {
		case c == '\'' || c == '"' || c == '`' || c == '[':
			closing := c
			if c == '[' {
				closing = ']'
			}
			for i++; i < len(text); i++ {
				if text[i] == closing {
					if closing == ']' || i+1 == len(text) || text[i+1] != closing {
						break
					}
					i++ // a doubled quote stands for itself
				}
			}
			i++
		case strings.HasPrefix(text[i:], "--"):
			i = lineEnd(text, i)
		case strings.HasPrefix(text[i:], "/*"):
			if n := strings.Index(text[i+2:], "*/"); n >= 0 {
				i += n + 4
			} else {
				i = len(text)
			}
		case c == '@' || c == ':' || c == '$':
			j := word(i + 1)
			if j == i+1 {
				i++
				break
			}
			if !contains(params, text[i:j]) {
				params = append(params, text[i:j])
			}
			i = j
		case c == ';':
			i++
			n := len(words)
			if !isTrigger(words) || (n >= 2 && words[n-2] == ";" && words[n-1] == "END") {
				return i, params
			}
			words = append(words, ";")
		case isWordByte(c) && !(c >= '0' && c <= '9'):
			j := word(i)
			words = append(words, strings.ToUpper(text[i:j]))
			i = j
		default:
			i++
		}
	}
	return len(text), params
}

func lineEnd(text string, i int) int {
	if n := strings.IndexByte(text[i:], '\n'); n >= 0 {
		return i + n + 1
	}
	return len(text)
}

// A byte of a word: ASCII letters, digits and '_', and every byte of a non-ASCII character.
func isWordByte(b byte) bool {
	return b == '_' || b >= 0x80 || (b|0x20 >= 'a' && b|0x20 <= 'z') || (b >= '0' && b <= '9')
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// CREATE [TEMP|TEMPORARY] TRIGGER: its body holds statements of its own.
func isTrigger(words []string) bool {
	if len(words) < 2 || words[0] != "CREATE" {
		return false
	}
	if len(words) > 2 && (words[1] == "TEMP" || words[1] == "TEMPORARY") {
		return words[2] == "TRIGGER"
	}
	return words[1] == "TRIGGER"
}

var writes = regexp.MustCompile(`(?i)\b(INSERT|UPDATE|DELETE|REPLACE)\b`)

// reads tells the statements that only read: dqlite runs those as queries and
// everything else as an exec, which replicates what it writes.
func reads(sql string) bool {
	first := strings.ToUpper(strings.FieldsFunc(sql, func(r rune) bool { return !unicode.IsLetter(r) })[0])
	switch first {
	case "SELECT", "VALUES", "EXPLAIN":
		return true
	case "WITH":
		return !writes.MatchString(sql)
	case "PRAGMA":
		return !strings.Contains(sql, "=")
	}
	return false
}

func hasFileSystemPart(items []item) bool {
	for _, it := range items {
		if it.files {
			return true
		}
	}
	return false
}
