/** A better-sqlite3 Database or a node:sqlite DatabaseSync (opened with allowExtension: true). */
export interface LoadableDatabase {
  loadExtension(path: string): unknown;
}
export function load<T extends LoadableDatabase>(db: T): T;
export function getLoadablePath(): string;
export const version: string;
