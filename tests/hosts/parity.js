'use strict';
// The Node side of tests/hosts/test_parity.py: node parity.js DB QUERIES.sql
// prints {"rows": [rows of each query], "load_ms": [first load, then 20 more connections]}
// using the npm package in bindings/node and better-sqlite3 12.
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const node = path.join(__dirname, '..', '..', 'bindings', 'node');
const Database = require(require.resolve('better-sqlite3', { paths: [node] }));
const vnsql = require(node);

const [db, file] = process.argv.slice(2);
const loadMs = [];
for (let i = 0; i < 21; i++) {
  const con = new Database(':memory:');
  const start = performance.now();
  vnsql.load(con);
  loadMs.push(performance.now() - start);
  con.close();
}
const con = vnsql.load(new Database(db, { readonly: true }));
const queries = fs.readFileSync(file, 'utf8').replace(/^--.*\n/gm, '').split(/;\s*\n/).map((q) => q.trim()).filter(Boolean);
const rows = queries.map((q) => con.prepare(q).raw().all());
console.log(JSON.stringify({ rows, load_ms: loadMs }));
