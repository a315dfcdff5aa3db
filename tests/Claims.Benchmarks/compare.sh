#!/bin/bash
# Runs the benchmark on an earlier commit and on the working tree, one after the other on the same machine, and
# prints their key=value figures side by side: how a change moved the figures, measured in one sitting.
#   tests/Claims.Benchmarks/compare.sh BASE_REVISION [benchmark arguments, default: --size 100000]
# The earlier commit is checked out in a temporary worktree, removed at the end.
set -euo pipefail
base=${1:?usage: compare.sh BASE_REVISION [benchmark arguments]}
shift
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--size 100000)
here=$(git rev-parse --show-toplevel)
tree=$(mktemp -d /tmp/claims-compare.XXXXXX)
out=$(mktemp -d /tmp/claims-compare-out.XXXXXX)
trap 'git -C "$here" worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
git -C "$here" worktree add --detach "$tree" "$base" >/dev/null
echo "base $(git -C "$tree" rev-parse --short HEAD), change $(git -C "$here" rev-parse --short HEAD) (+ working tree); ${args[*]}"
(cd "$tree" && dotnet run -c Release --project tests/Claims.Benchmarks -- "${args[@]}" > "$out/base.log" 2>&1)
(cd "$here" && dotnet run -c Release --project tests/Claims.Benchmarks -- "${args[@]}" > "$out/change.log" 2>&1)
printf '%-40s %14s %14s %8s\n' figure base change change%
join -t= -a1 -a2 -e - -o 0,1.2,2.2 <(grep -E '^[a-z0-9_]+=' "$out/base.log" | sort) <(grep -E '^[a-z0-9_]+=' "$out/change.log" | sort) |
  awk -F= '{ d = ($2 != "-" && $3 != "-" && $2 + 0 != 0) ? sprintf("%+.0f%%", ($3 / $2 - 1) * 100) : ""; printf "%-40s %14s %14s %8s\n", $1, $2, $3, d }'
echo "logs: $out"
