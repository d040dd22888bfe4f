#!/usr/bin/env bash
# Starts a dqlite cluster of N vnsql nodes on loopback and prints how to use it.
#
#   cluster/start.sh N [DATA_DIR] [FIRST_PORT]     (defaults: build/cluster, 9001)
#
# Node i listens on 127.0.0.1:FIRST_PORT+i-1 and keeps its Raft log and
# snapshots in DATA_DIR/node-i (its output in node-i.log, its pid in
# node-i.pid). Node 1 starts the cluster; each later one joins through the
# ones before it. A node already running is left alone, so the same command
# brings back the nodes that were stopped or killed, which then catch up.
# The node program is $VNSQL_NODE, else build/vnsql-dqlite-node.
# cluster/stop.sh DATA_DIR ends them.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=${1:?usage: cluster/start.sh N [DATA_DIR] [FIRST_PORT]}
dir=${2:-$root/build/cluster}
port=${3:-9001}
node=${VNSQL_NODE:-$root/build/vnsql-dqlite-node}
[ -x "$node" ] || { echo "start.sh: no node program at $node (cmake --build build, with libdqlite-dev installed)" >&2; exit 1; }
mkdir -p "$dir"

addresses=()
for ((i = 1; i <= n; i++)); do addresses+=("127.0.0.1:$((port + i - 1))"); done
all=$(IFS=,; echo "${addresses[*]}")

for ((i = 1; i <= n; i++)); do
  pidfile=$dir/node-$i.pid log=$dir/node-$i.log
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then continue; fi
  join=$(IFS=,; echo "${addresses[*]:0:i-1}")
  # Emptied here, not by the background job's own redirection, which may come
  # after the first look for "ready" below and leave it the last run's line.
  : >"$log"
  "$node" "$i" "${addresses[i-1]}" "$dir/node-$i" $join </dev/null >>"$log" 2>&1 &
  echo $! >"$pidfile"
  for ((t = 0; t < 600; t++)); do  # up to 60 s to start and join
    grep -q ' ready at ' "$log" 2>/dev/null && break
    kill -0 "$(cat "$pidfile")" 2>/dev/null || { cat "$log" >&2; echo "start.sh: node $i did not start" >&2; exit 1; }
    sleep 0.1
  done
  grep -q ' ready at ' "$log" || { echo "start.sh: node $i not ready after 60 s (see $log)" >&2; exit 1; }
done

cat <<MSG
dqlite cluster of $n vnsql nodes: $all (data and logs in $dir)
  dqlite -s $all analyst                                 (the dqlite shell, Debian package go-dqlite)
  build/vnsql-dqlite load -s $all -dir examples/corpus    (ingest; again: only what is new)
  build/vnsql-dqlite query -s $all examples/queries.sql   (answers as JSON lines)
  cluster/stop.sh $dir
MSG
