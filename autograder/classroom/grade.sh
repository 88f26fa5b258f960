#!/usr/bin/env bash
# GitHub Classroom autograding with MemKata's hidden tests: grade a learner's repository with the graders of the
# instructors' repository (fetched by the workflow from a private place: autograder/classroom/README.md), write the
# Classroom runner result, and hand it, base64-encoded, to autograding-grading-reporter through $GITHUB_OUTPUT.
#
#   grade.sh SLUG SUBMISSION_DIR INSTRUCTORS_DIR RESULT_JSON
#
# memkata is built once from INSTRUCTORS_DIR into INSTRUCTORS_DIR/.memkata-build (Release), unless MEMKATA_DLL names a
# memkata.dll already built (a test run, a cached build). The learner's file is found wherever it sits in
# SUBMISSION_DIR (exercises/SLUG/ in a Classroom repository). If memkata fails before writing, the result says so with
# score 0 (the autograder failed, not the learner). Always exits 0 once a result is written.
set -uo pipefail
if [ $# -ne 4 ]; then
  echo "usage: grade.sh SLUG SUBMISSION_DIR INSTRUCTORS_DIR RESULT_JSON" >&2
  exit 2
fi
slug=$1 submission=$2 instructors=$3 result=$4
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
dll=${MEMKATA_DLL:-$instructors/.memkata-build/memkata.dll}
if [ ! -f "$dll" ]; then
  dotnet build "$instructors/src/MemKata.Cli" -c Release -o "$instructors/.memkata-build" -v quiet -nologo >&2 || true
fi
rm -f "$result"
dotnet "$dll" grade "$slug" --repo "$instructors" --submission "$submission" --format classroom --output "$result"
status=$?
if [ ! -s "$result" ]; then
  printf '{"version":1,"status":"error","max_score":100,"tests":[{"name":"Autograder","status":"error","message":"The autograder failed (memkata exit code %s), not your code. Tell your instructor.","line_no":0,"execution_time":"0s","score":0}]}\n' "$status" > "$result"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "result=$(base64 -w0 "$result")" >> "$GITHUB_OUTPUT"
fi
exit 0
