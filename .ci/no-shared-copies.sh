#!/usr/bin/env bash
# Fails if a tracked file is byte-identical to a file of the shared reference folder (other
# projects' vectors, scripts, specs), or if a tracked file builds another project. Usage, from
# anywhere inside the checkout: .ci/no-shared-copies.sh [SHARED_DIR]   (default: ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${1:-../shared}"
[ -d "$shared" ] || { echo "no-shared-copies: $shared is not a folder" >&2; exit 2; }
declare -A theirs
while IFS= read -r -d '' f; do
  theirs["$(sha256sum "$f" | cut -d' ' -f1)"]="$f"
done < <(find "$shared" -type f -print0)
found=0 tracked=0
while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue
  tracked=$((tracked + 1))
  h="$(sha256sum "$f" | cut -d' ' -f1)"
  if [ -n "${theirs[$h]:-}" ]; then
    echo "byte-identical to ${theirs[$h]}: $f"
    found=1
  fi
done < <(git ls-files -z)
if git ls-files | grep -E '(^|/)(CMakeLists\.txt|build\.sh|Makefile|[^/]*\.(c|cc|cpp|h|hpp))$'; then
  echo "the files above build or are another project's native code"
  found=1
fi
echo "no-shared-copies: ${#theirs[@]} shared files, $tracked tracked files, $([ $found = 0 ] && echo 'no copies' || echo 'COPIES FOUND')"
exit $found
