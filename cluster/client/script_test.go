package main

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// The statements parseScript gives for small scripts, as the sqlite3 shell cuts them.
func TestParseScript(t *testing.T) {
	for _, c := range []struct {
		script string
		want   []string // each statement's SQL, or a dot-command's words joined by " "
	}{
		{"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END; SELECT 3;",
			[]string{"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; SELECT 2; END;", "SELECT 3;"}},
		{"CREATE TEMP TRIGGER t BEFORE INSERT ON x BEGIN\n  SELECT RAISE(ABORT, 'a; b');\nEND;\nSELECT 1;",
			[]string{"CREATE TEMP TRIGGER t BEFORE INSERT ON x BEGIN\n  SELECT RAISE(ABORT, 'a; b');\nEND;", "SELECT 1;"}},
		{"create temporary trigger t after delete on x begin delete from y; end;",
			[]string{"create temporary trigger t after delete on x begin delete from y; end;"}},
		// END of a CASE inside the body does not end the trigger.
		{"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END;",
			[]string{"CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT CASE WHEN 1 THEN 2 END; END;"}},
		// TEMP alone is no trigger.
		{"CREATE TEMP TABLE t(a); CREATE TEMP VIEW v AS SELECT 1;",
			[]string{"CREATE TEMP TABLE t(a);", "CREATE TEMP VIEW v AS SELECT 1;"}},
		// ';' in quotes, identifiers and comments; comments between statements dropped.
		{"-- a; b\nSELECT 'x;''y', \"c;\", [d;], `e;` /* f; */ -- g;\n FROM t;\n.mode list\nSELECT 2",
			[]string{"SELECT 'x;''y', \"c;\", [d;], `e;` /* f; */ -- g;\n FROM t;", ".mode list", "SELECT 2"}},
	} {
		var got []string
		for _, it := range parseScript(c.script) {
			if it.dot != nil {
				got = append(got, strings.Join(it.dot, " "))
			} else {
				got = append(got, it.sql)
			}
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseScript(%q)\n got  %q\n want %q", c.script, got, c.want)
		}
	}
}

func TestParams(t *testing.T) {
	got := parseScript("SELECT @dir, :a, '@no', @dir || $b;")[0].params
	if want := []string{"@dir", ":a", "$b"}; !reflect.DeepEqual(got, want) {
		t.Errorf("params %q, want %q", got, want)
	}
}

var (
	statementStart = regexp.MustCompile(`^(?i)(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|BEGIN|COMMIT|WITH|PRAGMA)\b`)
	triggerStart   = regexp.MustCompile(`(?im)^CREATE\s+(TEMP\s+|TEMPORARY\s+)?TRIGGER\b`)
)

// The project's scripts cut into whole statements: each begins with a
// statement's first word (a trigger cut at its first ';' would leave one that
// begins with the next body statement or END) and every trigger ends in END;.
func TestProjectScripts(t *testing.T) {
	for _, name := range []string{"schema.sql", "ingest.sql", "ingest_jsonl.sql"} {
		text, err := os.ReadFile(filepath.Join("..", "..", "sql", name))
		if err != nil {
			t.Fatal(err)
		}
		triggers := 0
		for _, it := range parseScript(string(text)) {
			if it.dot != nil {
				continue
			}
			if !statementStart.MatchString(it.sql) || !strings.HasSuffix(it.sql, ";") {
				t.Errorf("%s: not a whole statement: %.100q", name, it.sql)
			}
			if triggerStart.MatchString(it.sql) {
				triggers++
				if !strings.HasSuffix(it.sql, "END;") {
					t.Errorf("%s: a trigger cut short: %.200q", name, it.sql)
				}
			}
		}
		if want := len(triggerStart.FindAllString(string(text), -1)); triggers != want || want == 0 {
			t.Errorf("%s: %d triggers, want %d", name, triggers, want)
		}
	}
}
