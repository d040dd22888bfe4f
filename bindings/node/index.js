'use strict';
// vnsql for Node: load(db) loads the module into a better-sqlite3 (version 12)
// Database, or a node:sqlite DatabaseSync opened with { allowExtension: true };
// getLoadablePath() gives the path of the module this package ships.
const fs = require('node:fs');
const path = require('node:path');

function getLoadablePath() {
  const file = path.join(__dirname, 'vnsql.so');
  if (!fs.existsSync(file)) {
    throw new Error(`vnsql: ${file} is missing: \`npm install\` or \`npm pack\` in bindings/node builds it with CMake`);
  }
  return file;
}

function load(db) {
  const file = getLoadablePath();
  if (typeof db.enableLoadExtension === 'function') {
    // node:sqlite: extension loading is switched on around the one load.
    db.enableLoadExtension(true);
    try {
      db.loadExtension(file);
    } finally {
      db.enableLoadExtension(false);
    }
  } else {
    db.loadExtension(file);
  }
  return db;
}

module.exports = { load, getLoadablePath, version: require('./package.json').version };
