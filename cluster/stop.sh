#!/usr/bin/env bash
# Stops the nodes that cluster/start.sh started in DATA_DIR (default build/cluster),
# by the pids it wrote: SIGTERM, then SIGKILL after 10 s. Their data stays.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$root/build/cluster}
pids=()
for pidfile in "$dir"/node-*.pid; do
  [ -f "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  # Only a node program: a pid of a node that died long ago may be someone else's now.
  if grep -qa vnsql-dqlite-node "/proc/$pid/cmdline" 2>/dev/null; then
    kill -TERM "$pid" && pids+=("$pid")
  fi
  rm -f "$pidfile"
done
for ((t = 0; t < 100; t++)); do
  alive=()
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
  [ ${#alive[@]} -eq 0 ] && exit 0
  sleep 0.1
done
kill -KILL "${alive[@]}" 2>/dev/null
echo "stop.sh: killed ${alive[*]} after 10 s" >&2
