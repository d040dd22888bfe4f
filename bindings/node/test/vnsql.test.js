'use strict';
// node --test: the package in better-sqlite3 12 and node:sqlite, and the
// tarball `npm pack` makes, installed into an app of its own.
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const Database = require('better-sqlite3');
const vnsql = require('..');
const pkg = require('../package.json');

// What every host must answer the same: the version, a function, the tokenizer
// (accentless and accented queries), a table-valued function, an SQL error.
function checkModule(db) {
  const one = (sql, ...args) => Object.values(db.prepare(sql).get(...args))[0];
  assert.strictEqual(one('SELECT vnsql_version()'), pkg.version);
  assert.strictEqual(one('SELECT vn_unaccent(?)', 'Đồng chí Trương Thị Mai'), 'Dong chi Truong Thi Mai');
  db.exec("CREATE VIRTUAL TABLE news USING fts5(body, tokenize='vietnamese');" +
          "INSERT INTO news VALUES ('Đảng bộ tỉnh'), ('Hội nghị đang họp'), ('dáng đứng');");
  assert.strictEqual(one("SELECT count(*) FROM news WHERE news MATCH 'dang'"), 3);
  assert.strictEqual(one("SELECT count(*) FROM news WHERE news MATCH 'đảng'"), 1);
  const ids = db.prepare('SELECT id FROM resolutions(?) ORDER BY start').all('Nghị quyết số 18, 19 của Ban Chấp hành Trung ương khóa XII');
  assert.deepStrictEqual(ids.map((r) => r.id), ['18-NQ/TW', '19-NQ/TW']);
  assert.throws(() => one('SELECT vn_unaccent(1, 2)'), /vn_unaccent: expected 1 argument, got 2/);
}

test('getLoadablePath() is the module inside the package', () => {
  assert.strictEqual(vnsql.getLoadablePath(), path.resolve(__dirname, '..', 'vnsql.so'));
  assert.strictEqual(vnsql.version, pkg.version);
});

test('better-sqlite3 12: load(db)', () => {
  assert.match(require('better-sqlite3/package.json').version, /^12\./);
  const db = new Database(':memory:');
  assert.strictEqual(vnsql.load(db), db);
  checkModule(db);
  db.close();
});

let nodeSqlite = null;
try {
  nodeSqlite = require('node:sqlite');
} catch {
  // Node 22.5 and later have it; extension loading since 22.13 / 23.5.
}
test('node:sqlite: load(db)', {
  skip: nodeSqlite ? false : `node:sqlite is not in Node ${process.version} (it came in 22.5): not tested here`,
}, () => {
  const db = new nodeSqlite.DatabaseSync(':memory:', { allowExtension: true });
  vnsql.load(db);
  checkModule(db);
  db.close();
});

test('npm pack ships the module; an app that installs the tarball loads it', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vnsql-node-'));
  try {
    const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // prepare (build.sh) already ran when this folder was installed; pack what is here.
    const [packed] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], path.join(__dirname, '..')));
    assert.deepStrictEqual(packed.files.map((f) => f.path).sort(), ['index.d.ts', 'index.js', 'package.json', 'vnsql.so']);
    const app = path.join(tmp, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
    npm(['install', '--offline', '--no-audit', '--no-fund', path.join(tmp, packed.filename)], app);
    // better-sqlite3 from this package's devDependencies: the app needs only the tarball.
    const script = `const v = require('vnsql'); const db = new (require(${JSON.stringify(require.resolve('better-sqlite3'))}))(':memory:');
      v.load(db); console.log(JSON.stringify([v.getLoadablePath(), db.prepare("SELECT vn_normalize('Uỷ ban tỉnh Hoà Bình') AS t").get().t]));`;
    const [where, normalized] = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: app, encoding: 'utf8' }));
    assert.strictEqual(where, path.join(fs.realpathSync(app), 'node_modules', 'vnsql', 'vnsql.so'));
    assert.strictEqual(normalized, 'Ủy ban tỉnh Hòa Bình');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
