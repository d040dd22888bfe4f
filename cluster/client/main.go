// vnsql-dqlite: the analyst's database of sql/ on a dqlite cluster whose nodes
// are cluster/vnsql-dqlite-node (the vnsql module on every connection).
//
//	vnsql-dqlite load   -s ADDRESSES [-db analyst] (-dir FOLDER | -jsonl FILE|- -source NAME)
//	                    [-sql DIR] [-batch 100] [-retry-for 60s]
//	vnsql-dqlite query  -s ADDRESSES [-db analyst] [-each-node] [-retry-for 60s] FILE.sql...
//	vnsql-dqlite leader -s ADDRESSES
//
// load runs sql/schema.sql, then sql/ingest.sql (-dir) or sql/ingest_jsonl.sql
// (-jsonl) once per batch of articles, in path order, each batch one
// transaction. The scripts are run as they are; the loader only does what the
// sqlite3 shell does for them: it reads the lines of their .import, or does
// ingest.sql's file-system part (which uses the shell's fsdir()) itself. A batch
// that fails (the leader killed, an election under way) is run again on a new
// connection, which finds the new leader, until -retry-for has passed; the
// scripts skip an article already there with the same sha256, so a rerun or a
// resumed run adds each article once.
//
// query runs the statements of each file and prints one JSON object per
// statement ({"sql", "columns", "rows"}) and per .print; with -each-node it
// makes each voter the leader in turn (dqlite serves SQL from the leader) and
// runs them there, after a {"node", "address"} line.
// leader prints the leader's ID and address.
package main

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/canonical/go-dqlite/client"
	dqlite "github.com/canonical/go-dqlite/driver"
)

const attemptTimeout = 60 * time.Second

func main() {
	if len(os.Args) < 2 {
		fail(fmt.Errorf("usage: vnsql-dqlite load|query|leader -s ADDRESSES ... (see the top of cluster/client/main.go)"))
	}
	flags := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	servers := flags.String("s", "", "comma-separated addresses of nodes of the cluster (any of them)")
	name := flags.String("db", "analyst", "the database's name in the cluster")
	retryFor := flags.Duration("retry-for", time.Minute, "how long a failing step is tried again before giving up")
	dir := flags.String("dir", "", "load: a folder of *.txt articles (sql/ingest.sql)")
	jsonl := flags.String("jsonl", "", "load: a JSON-lines file of articles, - for standard input (sql/ingest_jsonl.sql)")
	source := flags.String("source", "", "load: with -jsonl, the @source of the paths (source#id)")
	sqlDir := flags.String("sql", filepath.Join(filepath.Dir(os.Args[0]), "..", "sql"), "load: the folder of schema.sql and the ingest scripts")
	batch := flags.Int("batch", 100, "load: articles per transaction")
	eachNode := flags.Bool("each-node", false, "query: run the files with each voter as the leader in turn")
	flags.Parse(os.Args[2:])
	if *servers == "" {
		fail(fmt.Errorf("-s ADDRESSES is required (cluster/start.sh prints them)"))
	}
	var nodes []client.NodeInfo
	for _, a := range strings.Split(*servers, ",") {
		nodes = append(nodes, client.NodeInfo{Address: a})
	}
	store := client.NewInmemNodeStore()
	store.Set(context.Background(), nodes)
	// Finding a leader is tried for a few seconds at a time (an election takes
	// one or two), and then again by attempt() until -retry-for has passed.
	drv, err := dqlite.New(store, dqlite.WithConnectionTimeout(5*time.Second))
	if err != nil {
		fail(err)
	}
	connector, _ := drv.OpenConnector(*name)
	db := sql.OpenDB(connector)
	db.SetMaxIdleConns(0) // each step asks for the leader of the moment
	defer db.Close()
	c := cluster{db: db, store: store, retryFor: *retryFor}

	switch os.Args[1] {
	case "load":
		err = c.load(*sqlDir, *dir, *jsonl, *source, *batch)
	case "query":
		err = c.query(flags.Args(), *eachNode)
	case "leader":
		err = c.attempt("leader", func(ctx context.Context) error {
			leader, err := c.leader(ctx)
			if err == nil {
				fmt.Println(leader.ID, leader.Address)
			}
			return err
		})
	default:
		err = fmt.Errorf("unknown command %q: load, query or leader", os.Args[1])
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "vnsql-dqlite:", err)
	os.Exit(1)
}

type cluster struct {
	db       *sql.DB
	store    client.NodeStore
	retryFor time.Duration
}

// attempt runs f until it succeeds, again after any error (a leader killed or
// stepping down, an election under way, a majority lost) until retryFor has
// passed since its first failure; then it gives up with the last error.
func (c cluster) attempt(what string, f func(ctx context.Context) error) error {
	var first time.Time
	for n := 1; ; n++ {
		ctx, cancel := context.WithTimeout(context.Background(), attemptTimeout)
		err := f(ctx)
		cancel()
		if err == nil {
			return nil
		}
		if first.IsZero() {
			first = time.Now()
		}
		if time.Since(first) > c.retryFor {
			return fmt.Errorf("%s: gave up after %d attempts in %s (writes need a leader, and a leader needs a majority of the nodes up): %w",
				what, n, time.Since(first).Round(time.Second), err)
		}
		fmt.Fprintf(os.Stderr, "vnsql-dqlite: %s: %v; trying again\n", what, err)
		pause := time.Duration(n) * 250 * time.Millisecond
		if pause > 2*time.Second {
			pause = 2 * time.Second
		}
		time.Sleep(pause)
	}
}

// withConn runs f on a connection of its own (to the leader); after an error
// the connection is dropped, and dqlite rolls back its open transaction.
func (c cluster) withConn(ctx context.Context, f func(conn *sql.Conn) error) error {
	conn, err := c.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err = f(conn); err != nil {
		conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	return err
}

func (c cluster) leader(ctx context.Context) (*client.NodeInfo, error) {
	cli, err := client.FindLeader(ctx, c.store)
	if err != nil {
		return nil, err
	}
	defer cli.Close()
	return cli.Leader(ctx)
}

// result is what a script step gives: a statement's rows, or a .print's text.
type result struct {
	SQL     string   `json:"sql,omitempty"`
	Columns []string `json:"columns,omitempty"`
	Rows    [][]any  `json:"rows,omitempty"`
	Print   *string  `json:"print,omitempty"`
}

// staged is what the shell itself would read for a script: the lines of its
// .import, or the rows of ingest.sql's file-system part.
type staged struct {
	lines [][]any // number, text
	dir   string  // the folder's canonical path
	files [][]any // path, type, raw
}

// run executes a script's steps on conn: each statement with the values of its
// parameters, .print, .import and the file-system part from in; the shell's
// other dot-commands (.mode, .bail, .timeout, ...) only shape its output or
// how it waits, and are passed over.
func run(ctx context.Context, conn *sql.Conn, items []item, params map[string]any, in staged, emit func(result)) error {
	for _, it := range items {
		if it.files {
			if err := insertRows(ctx, conn, "temp.ingest_dir(path)", [][]any{{in.dir}}); err != nil {
				return err
			}
			if err := insertRows(ctx, conn, "temp.ingest_files(path, type, raw)", in.files); err != nil {
				return err
			}
			continue
		}
		if it.dot != nil {
			switch it.dot[0] {
			case ".print":
				text := strings.Trim(strings.Join(it.dot[1:], " "), "'\"")
				emit(result{Print: &text})
			case ".import":
				// Into the table's one column, with the line's number as the rowid,
				// as the shell numbers the lines of one run.
				target := importTarget(it.dot[1:])
				r, err := queryRows(ctx, conn, "SELECT * FROM "+target+" LIMIT 0", nil)
				if err != nil {
					return err
				}
				if err := insertRows(ctx, conn, target+`(rowid, "`+r.Columns[0]+`")`, in.lines); err != nil {
					return err
				}
			}
			continue
		}
		var args []any
		for _, p := range it.params {
			v, ok := params[p]
			if !ok {
				return fmt.Errorf("no value for %s in %q", p, it.sql)
			}
			args = append(args, v)
		}
		if !reads(it.sql) {
			if _, err := conn.ExecContext(ctx, it.sql, args...); err != nil {
				return fmt.Errorf("%w, in: %.200s", err, it.sql)
			}
			emit(result{SQL: it.sql})
			continue
		}
		r, err := queryRows(ctx, conn, it.sql, args)
		if err != nil {
			return fmt.Errorf("%w, in: %.200s", err, it.sql)
		}
		emit(r)
	}
	return nil
}

func queryRows(ctx context.Context, conn *sql.Conn, query string, args []any) (result, error) {
	rows, err := conn.QueryContext(ctx, query, args...)
	if err != nil {
		return result{}, err
	}
	defer rows.Close()
	r := result{SQL: query, Rows: [][]any{}}
	if r.Columns, err = rows.Columns(); err != nil {
		return r, err
	}
	for rows.Next() {
		row := make([]any, len(r.Columns))
		ptrs := make([]any, len(row))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return r, err
		}
		for i, v := range row {
			if b, ok := v.([]byte); ok {
				row[i] = map[string]string{"blob": hex.EncodeToString(b)}
			}
		}
		r.Rows = append(r.Rows, row)
	}
	return r, rows.Err()
}

// importTarget reads ".import [--schema S] [--other-option...] FILE TABLE".
func importTarget(args []string) string {
	schema, rest := "", []string{}
	for i := 0; i < len(args); i++ {
		if args[i] == "--schema" && i+1 < len(args) {
			schema, i = args[i+1]+".", i+1
		} else if !strings.HasPrefix(args[i], "--") {
			rest = append(rest, args[i])
		}
	}
	return schema + rest[len(rest)-1]
}

// insertRows inserts rows into table, as many to a statement as dqlite's 255
// parameters allow.
func insertRows(ctx context.Context, conn *sql.Conn, table string, rows [][]any) error {
	for len(rows) > 0 {
		n := 255 / len(rows[0])
		if n > len(rows) {
			n = len(rows)
		}
		one := "(" + strings.TrimSuffix(strings.Repeat("?,", len(rows[0])), ",") + ")"
		var args []any
		for _, row := range rows[:n] {
			args = append(args, row...)
		}
		if _, err := conn.ExecContext(ctx, "INSERT INTO "+table+" VALUES "+strings.TrimSuffix(strings.Repeat(one+",", n), ","), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

func readScript(path string) ([]item, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	items, err := parseScriptFiles(string(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return items, nil
}

// load ingests a folder (-dir) or a JSON-lines file (-jsonl) in batches.
func (c cluster) load(sqlDir, dir, jsonl, source string, batch int) error {
	if (dir == "") == (jsonl == "") || (jsonl != "" && source == "") || batch < 1 {
		return fmt.Errorf("load takes -dir FOLDER, or -jsonl FILE with -source NAME (and -batch of 1 or more)")
	}
	schema, err := readScript(filepath.Join(sqlDir, "schema.sql"))
	if err != nil {
		return err
	}
	script, params, inputs := "ingest.sql", map[string]any{"@dir": dir}, []staged{}
	if dir != "" {
		inputs, err = readFolder(dir, batch)
	} else {
		script, params = "ingest_jsonl.sql", map[string]any{"@source": source}
		inputs, err = readLines(jsonl, source, batch)
	}
	if err != nil {
		return err
	}
	ingest, err := readScript(filepath.Join(sqlDir, script))
	if err != nil {
		return err
	}
	if dir != "" && !hasFileSystemPart(ingest) {
		return fmt.Errorf("%s: no file-system part (its lines %q and %q): the loader cannot read the folder for it",
			script, strings.TrimSpace(fileSystemBegin), strings.TrimSpace(fileSystemEnd))
	}

	// Each batch checks only itself for an article (ingest.sql's "no .txt
	// article", ingest_jsonl.sql's "no article in the input"), so with several
	// batches the scripts leave that check to the end of the run, below.
	params["@batches"] = int64(len(inputs))
	start := time.Now()
	quiet := func(result) {}
	if err := c.attempt("sql/schema.sql", func(ctx context.Context) error {
		return c.withConn(ctx, func(conn *sql.Conn) error { return run(ctx, conn, schema, nil, staged{}, quiet) })
	}); err != nil {
		return err
	}
	for k, in := range inputs {
		what := fmt.Sprintf("batch %d of %d", k+1, len(inputs))
		var said []string
		err := c.attempt(what, func(ctx context.Context) error {
			said = nil
			return c.withConn(ctx, func(conn *sql.Conn) error {
				return run(ctx, conn, ingest, params, in, func(r result) {
					for _, row := range r.Rows {
						said = append(said, strings.Trim(fmt.Sprint(row), "[]"))
					}
				})
			})
		})
		if err != nil {
			return fmt.Errorf("%w\nthe batches before this one are in the cluster; this one may be there or not, whole (a write that"+
				" reached a minority is kept if one of those nodes leads again); the same command again, once a majority"+
				" of the nodes is up, adds what is missing, each article once", err)
		}
		fmt.Printf("%s: %s\n", what, strings.Join(said, "; "))
	}
	// The input's articles are in the cluster under its paths (DIR/..., SOURCE#id):
	// none means it held no article, which the shell says and stops on.
	prefix, says := inputs[0].dir+"/", "ingest.sql: no .txt article to read in "+inputs[0].dir
	if dir == "" {
		prefix, says = source+"#", "ingest_jsonl.sql: no article in the input of "+source
	}
	var n, mine int
	if err := c.attempt("count", func(ctx context.Context) error {
		return c.db.QueryRowContext(ctx, "SELECT count(*), count(*) FILTER (WHERE substr(path, 1, length(?1)) = ?1) FROM documents",
			prefix).Scan(&n, &mine)
	}); err != nil {
		return err
	}
	if len(inputs) > 1 && mine == 0 {
		return fmt.Errorf("%s; nothing was stored", says)
	}
	fmt.Printf("%d documents in the cluster; this run took %.2f s\n", n, time.Since(start).Seconds())
	return nil
}

// readLines reads a JSON-lines file in batches, in the order of the paths the
// script gives them (source#id, as the script's ORDER BY path). Each line keeps
// its number among the lines that are not empty (the shell's .import skips
// those), which the script reports and compares; lines with the same id go in
// the same batch, where the script keeps the last one and names the others.
func readLines(file, source string, batch int) ([]staged, error) {
	var r io.Reader = os.Stdin
	if file != "-" {
		f, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	type line struct {
		path string
		row  []any // number, text
	}
	var lines []line
	in := bufio.NewReader(r)
	for {
		text, err := in.ReadString('\n')
		if text = strings.TrimSuffix(text, "\n"); text != "" {
			var v struct{ ID json.RawMessage }
			json.Unmarshal([]byte(text), &v)
			var id string
			if json.Unmarshal(v.ID, &id) != nil {
				id = string(v.ID)
			}
			lines = append(lines, line{source + "#" + id, []any{int64(len(lines) + 1), text}})
		}
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].path < lines[j].path })
	var out []staged
	for _, b := range inBatches(lines, batch, func(l line) string { return l.path }) {
		var st staged
		for _, l := range b {
			st.lines = append(st.lines, l.row)
		}
		out = append(out, st)
	}
	return out, nil
}

// inBatches cuts rows, sorted by path, into batches of size rows, longer where
// the rows of one path would be split. There is always a batch, so that the
// script prints its counts even for nothing.
func inBatches[T any](rows []T, size int, path func(T) string) [][]T {
	out := [][]T{nil}
	for i, row := range rows {
		if len(out[len(out)-1]) >= size && path(row) != path(rows[i-1]) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], row)
	}
	return out
}

// query runs each file, on the leader or (eachNode) on every voter as leader.
func (c cluster) query(files []string, eachNode bool) error {
	var scripts [][]item
	for _, f := range files {
		items, err := readScript(f)
		if err != nil {
			return err
		}
		scripts = append(scripts, items)
	}
	out := json.NewEncoder(os.Stdout)
	out.SetEscapeHTML(false)
	runAll := func(ctx context.Context, emit func(result)) error {
		return c.withConn(ctx, func(conn *sql.Conn) error {
			for _, items := range scripts {
				if err := run(ctx, conn, items, nil, staged{}, emit); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if !eachNode {
		var results []result
		err := c.attempt("query", func(ctx context.Context) error {
			results = nil
			return runAll(ctx, func(r result) { results = append(results, r) })
		})
		for _, r := range results {
			out.Encode(r)
		}
		return err
	}

	var voters []client.NodeInfo
	if err := c.attempt("cluster", func(ctx context.Context) error {
		cli, err := client.FindLeader(ctx, c.store)
		if err != nil {
			return err
		}
		defer cli.Close()
		all, err := cli.Cluster(ctx)
		voters = nil
		for _, n := range all {
			if n.Role == client.Voter {
				voters = append(voters, n)
			}
		}
		return err
	}); err != nil {
		return err
	}
	sort.Slice(voters, func(i, j int) bool { return voters[i].ID < voters[j].ID })
	for _, node := range voters {
		var results []result
		err := c.attempt(fmt.Sprintf("node %d", node.ID), func(ctx context.Context) error {
			results = nil
			if err := c.transfer(ctx, node.ID); err != nil {
				return err
			}
			if err := runAll(ctx, func(r result) { results = append(results, r) }); err != nil {
				return err
			}
			// The answers are node's only if it led all along.
			if leader, err := c.leader(ctx); err != nil || leader.ID != node.ID {
				return fmt.Errorf("node %d lost the lead while the queries ran (%v)", node.ID, err)
			}
			return nil
		})
		if err != nil {
			return err
		}
		out.Encode(map[string]any{"node": node.ID, "address": node.Address})
		for _, r := range results {
			out.Encode(r)
		}
	}
	return nil
}

// transfer makes node id the leader (dqlite first brings its log up to date).
func (c cluster) transfer(ctx context.Context, id uint64) error {
	for ctx.Err() == nil {
		cli, err := client.FindLeader(ctx, c.store)
		if err != nil {
			return err
		}
		leader, err := cli.Leader(ctx)
		if err == nil && leader.ID != id {
			err = cli.Transfer(ctx, id)
		}
		cli.Close()
		if err != nil {
			return fmt.Errorf("leadership to node %d: %w", id, err)
		}
		if leader.ID == id {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return ctx.Err()
}
