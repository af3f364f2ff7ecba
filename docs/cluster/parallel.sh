#!/usr/bin/env bash
# Runs an experiment's shards with GNU parallel — on this machine, or on several over ssh — and
# merges the parts into one results file, byte-identical to an unsharded run.
#
#   docs/cluster/parallel.sh experiment.json SHARDS results.csv [SSHLOGINS]
#
# SSHLOGINS is GNU parallel's --sshlogin list, e.g. "1/alice@node1,1/alice@node2" (default ":",
# this machine). Every host needs this repository at the same path, with `npm ci` done there.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 experiment.json SHARDS results.csv [SSHLOGINS]" >&2
  exit 2
fi
experiment=$(realpath "$1")
shards=$2
out=$(realpath -m "$3")
hosts=${4:-:}
cd "$(dirname "$0")/../.."
parts=$(mktemp -d .parts.XXXXXX)
trap 'rm -rf "$parts"' EXIT

# One shard per job; each sweep uses every core of its host. --return brings a part back from a
# remote host (a no-op here).
seq 1 "$shards" | parallel --will-cite --halt now,fail=1 --sshlogin "$hosts" --workdir "$PWD" \
  --return "$parts/part-{}.csv" \
  "npm run -s agora -- sweep '$experiment' --shard {}/$shards --out $parts/part-{}.csv"

npm run -s agora -- merge "$parts"/part-*.csv --out "$out"
