#!/usr/bin/env bash
# Proves a solution of an exercise: its public tests, then the real grader (`memkata grade`, hidden suite, sandbox and
# scoring included; nothing here scores). Each exercise's .meta/check.sh calls this with its slug.
#
#   graders/check.sh SLUG                          the reference (files.example of exercises/SLUG/.meta/config.json)
#   graders/check.sh SLUG --submission PATH        a submission: a folder as `memkata grade --submission` takes it
#                                                  (a sample stored as NAME.cs.patch is applied first), or the file
#   graders/check.sh SLUG --update-snapshots       `memkata snapshots update SLUG`, the only way snapshots change
#   options: --hidden-only (skip the public tests); --format F --output PATH (the grade report, as memkata grade writes
#   it: text, html, gradescope, junit, classroom)
#
# The public tests build in a new mktemp -d folder (removed at the end), never in the exercise: the stub stays as it
# is. A reference kept in the engine (src/MemKata.Engine/Reference/*.cs) is the engine's own compiled type: a global
# using alias gives it the component's name, so nothing here rewrites C#.
# Exit codes: 0 the public tests passed (or were skipped) and the grader ran; 1 a public test failed or did not build;
# 2 bad options or an unknown exercise; otherwise memkata grade's own code.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
usage="usage: graders/check.sh SLUG [--submission PATH] [--update-snapshots] [--hidden-only] [--format F --output PATH]"
slug="${1:?$usage}"
shift
meta="$repo/exercises/$slug/.meta"
if [ ! -f "$meta/config.json" ]; then
  echo "check.sh: no exercise '$slug' (expected $meta/config.json)" >&2
  exit 2
fi
config() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1])); [v:=v[k] for k in sys.argv[2:]]; print(v[0] if isinstance(v, list) else v)' "$meta/config.json" "$@"; }
submission=""
update=0
public=1
report=()
while [ $# -gt 0 ]; do
  case "$1" in
    --submission) submission=$(realpath "${2:?--submission needs a PATH}"); shift 2 ;;
    --update-snapshots) update=1; shift ;;
    --hidden-only) public=0; shift ;;
    --format|--output) report+=("$1" "${2:?$1 needs a value}"); shift 2 ;;
    *) echo "check.sh: unknown option '$1'; $usage" >&2; exit 2 ;;
  esac
done
memkata() { dotnet "$repo/src/MemKata.Cli/bin/Debug/net10.0/memkata.dll" "$@"; }
dotnet build "$repo/src/MemKata.Cli" --nologo -v quiet >/dev/null
if [ "$update" = 1 ]; then
  [ -z "$submission" ] || { echo "check.sh: snapshots come from the reference only; drop --submission" >&2; exit 2; }
  exec memkata snapshots update "$slug" --repo "$repo"
fi

solution=$(config files solution)
tests=$(config files test)
component=$(config component type)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
alias=""
if [ -z "$submission" ]; then
  file=$(realpath "$repo/exercises/$slug/$(config files example)")
  grade=(--reference)
  namespace=$(sed -n 's/^namespace \([A-Za-z0-9_.]*\);.*/\1/p' "$file" | head -n 1)
  type=$(sed -n 's/^public sealed class \([A-Za-z0-9_]*\).*/\1/p' "$file" | head -n 1)
  if [ -n "$namespace" ] && [ "$type" != "$component" ]; then
    alias="global using $component = $namespace.$type;"
  fi
elif [ -d "$submission" ] && [ -f "$submission/$(basename "$solution").patch" ]; then
  # A sample of tests/testdata/submissions stored as a patch of the file its '--- a/' line names.
  patchfile="$submission/$(basename "$solution").patch"
  base=$(sed -n 's#^--- a/\([^	]*\).*#\1#p' "$patchfile" | head -n 1)
  mkdir -p "$work/$(basename "$submission")"
  file="$work/$(basename "$submission")/$(basename "$solution")"
  patch -s -o "$file" "$repo/$base" < "$patchfile"
  grade=(--submission "$(dirname "$file")")
elif [ -d "$submission" ]; then
  file=$(find "$submission" -name "$(basename "$solution")" -type f | head -n 1)
  grade=(--submission "$submission")
else
  file="$submission"
  mkdir -p "$work/submission"
  cp "$file" "$work/submission/$(basename "$solution")"
  grade=(--submission "$work/submission")
fi

status=0
if [ "$public" = 1 ]; then
  if [ -z "$file" ] || [ ! -f "$file" ]; then
    echo "check.sh: no $(basename "$solution") in $submission" >&2
    exit 2
  fi
  # The house rules and package versions of the repository, as if the scratch project lived in it.
  for props in Directory.Build.props Directory.Packages.props; do
    printf '<Project>\n  <Import Project="%s/%s" />\n</Project>\n' "$repo" "$props" > "$work/$props"
  done
  mkdir -p "$work/Public"
  echo "$alias" > "$work/Public/ComponentName.cs"
  # A reference in the engine is already compiled into MemKata.Engine: the alias names it, its file is not compiled again.
  drop='^$'
  [ -z "$alias" ] || drop='@SOLUTION@'
  sed -e "/$drop/d" -e "s#@SOLUTION@#$file#" -e "s#@TESTS@#$repo/exercises/$slug/$tests#" -e "s#@REPO@#$repo#g" \
    "$repo/graders/check.Public.csproj.template" > "$work/Public/Public.csproj"
  echo "== public tests (exercises/$slug/$tests) with $file"
  dotnet test "$work/Public" --nologo -v quiet > "$work/public.log" 2>&1 || status=1
  grep -E "error|Passed!|Failed!|^\s+Failed " "$work/public.log" || true
fi

echo "== memkata grade $slug ${grade[*]} ${report[*]}"
memkata grade "$slug" --repo "$repo" "${grade[@]}" "${report[@]}" || exit $?
exit $status
