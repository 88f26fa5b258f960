#!/usr/bin/env bash
# Proves a solution of an exercise against its public tests and its hidden grader suite, then prints the score that
# grader.json gives it. Each exercise's .meta/check.sh calls this with its slug; the component file and the public
# tests come from exercises/<slug>/.meta/config.json.
#
#   graders/check.sh SLUG                          the reference (files.example of .meta/config.json): must score full marks
#   graders/check.sh SLUG --submission FILE        any solution file, e.g. a sample submission
#   graders/check.sh SLUG --update-snapshots       rewrite graders/SLUG/__snapshots__ from the reference: runs
#                                                  `memkata snapshots update SLUG`, the only way snapshots change
#   options: --hidden-only (skip the public tests), --json FILE (write the score as JSON), --work DIR (build folder)
#
# The build happens in a scratch folder (default: a new mktemp -d folder, removed at the end; with --work DIR it is
# kept), never in the exercise: the stub stays as it is.
# The scoring here mirrors the rule of docs/EXERCISES.md (a task's weight shared equally by its tests; the tests in
# category Snapshot share the snapshot weight); `memkata grade SLUG --submission DIR` is the real grader.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
slug="${1:?usage: graders/check.sh SLUG [--submission FILE] [--update-snapshots] [--hidden-only] [--json FILE] [--work DIR]}"
shift
here="$repo/exercises/$slug/.meta"
if [ ! -f "$here/config.json" ]; then
  echo "check.sh: no exercise '$slug' (expected $here/config.json)" >&2
  exit 2
fi
tests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"]["test"][0])' "$here/config.json")
reference=$(cd "$repo/exercises/$slug" && python3 -c 'import json,os,sys; print(os.path.abspath(json.load(open(sys.argv[1]))["files"]["example"][0]))' .meta/config.json)
submission="$reference"
update=0
public=1
json=""
work=""
while [ $# -gt 0 ]; do
  case "$1" in
    --submission) submission=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
    --update-snapshots) update=1; shift ;;
    --hidden-only) public=0; shift ;;
    --json) json="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "check.sh: unknown option '$1' (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ "$update" = 1 ] && [ "$submission" != "$reference" ]; then
  echo "check.sh: snapshots come from the reference only; --update-snapshots cannot be combined with --submission" >&2
  exit 2
fi
if [ "$update" = 1 ]; then
  echo "== rewriting graders/$slug/__snapshots__ from the reference (memkata snapshots update $slug)"
  exec dotnet run --project "$repo/src/MemKata.Cli" -- snapshots update "$slug" --repo "$repo"
fi
if [ -z "$work" ]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
# A reference kept in the engine (src/MemKata.Engine/Reference) is laid out as a learner's file, as
# MemKata.Grading.ReferenceSubmission does it: out of its namespace, its type renamed to the component type.
if [ "$submission" = "$reference" ] && grep -q '^namespace ' "$reference"; then
  component=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["component"]["type"])' "$here/config.json")
  python3 - "$reference" "$component" > "$work/$component.cs" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
name = re.search(r'^public sealed class (\w+)', text, re.M).group(1)
text = re.sub(r'^namespace [\w.]+;\n\n?', '', text, flags=re.M)
print(re.sub(r'\b%s\b' % name, sys.argv[2], text), end='')
PY
  submission="$work/$component.cs"
  reference="$submission"
fi
# The repository's house rules and package versions, as if the scratch projects lived in it.
for props in Directory.Build.props Directory.Packages.props; do
  printf '<Project>\n  <Import Project="%s/%s" />\n</Project>\n' "$repo" "$props" > "$work/$props"
done

# The submission alone, as memkata grade compiles it: a library against MemKata.Contracts only.
mkdir -p "$work/Submission"
cat > "$work/Submission/Submission.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <AssemblyName>MemKata.Submission</AssemblyName>
    <IsPackable>false</IsPackable>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
    <NoWarn>\$(NoWarn);CS1591</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$submission" />
    <ProjectReference Include="$repo/src/MemKata.Contracts/MemKata.Contracts.csproj" />
  </ItemGroup>
</Project>
XML

# One test project: the submission (its file for the public tests; its assembly under the extern alias learner for the
# hidden suite, as memkata grade references it, so only graders/SLUG/Subject.cs can name it), the given test sources
# (MSBuild globs, ;-separated), the house rules of the repository. The hidden suite is graders/SLUG plus
# graders/_shared, as memkata grade compiles it, with the committed snapshots as resources.
project() { # project NAME TESTS-GLOB EXTRA-ITEMS SUBMISSION-ITEM
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    $4
    <Compile Include="$2" />
    <Compile Include="*.cs" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="NUnit" />
    <PackageReference Include="NUnit3TestAdapter" />
    <PackageReference Include="NUnit.Analyzers" PrivateAssets="all" />
    $3
    <ProjectReference Include="$repo/src/MemKata.Contracts/MemKata.Contracts.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Engine/MemKata.Engine.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Oracle/MemKata.Oracle.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Scenarios/MemKata.Scenarios.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Testing/MemKata.Testing.csproj" />
    <Using Include="NUnit.Framework" />
  </ItemGroup>
</Project>
XML
}

status=0
if [ "$public" = 1 ] && [ "$update" = 0 ]; then
  project Public "$repo/exercises/$slug/$tests" "" "<Compile Include=\"$submission\" />"
  echo "== public tests (exercises/$slug/$tests) with $submission"
  dotnet test "$work/Public" --nologo -v quiet 2>&1 | grep -E "error|Passed!|Failed!|^\s+Failed " || status=1
fi

project Hidden "$repo/graders/$slug/*.cs;$repo/graders/_shared/**/*.cs" \
  "<PackageReference Include=\"DiffPlex\" /><PackageReference Include=\"Snapshooter.NUnit\" /><EmbeddedResource Include=\"$repo/graders/$slug/__snapshots__/*.snap\" LogicalName=\"__snapshots__/%(Filename)%(Extension)\" />" \
  "<ProjectReference Include=\"../Submission/Submission.csproj\" Aliases=\"learner\" />"
# Records each test's task, categories and outcome, so the score can be computed from grader.json.
cat > "$work/Hidden/TaskLog.cs" <<'CS'
using NUnit.Framework.Interfaces;

[assembly: TaskLog]

[AttributeUsage(AttributeTargets.Assembly)]
internal sealed class TaskLogAttribute : Attribute, ITestAction
{
    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
    }

    public void AfterTest(ITest test)
    {
        var path = Environment.GetEnvironmentVariable("MEMKATA_TASK_LOG");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        object task = 0;
        var categories = new List<object>();
        for (var node = test; node is not null; node = node.Parent)
        {
            task = task is 0 ? node.Properties.Get("Task") ?? 0 : task;
            categories.AddRange(node.Properties["Category"].Cast<object>());
        }

        var outcome = TestContext.CurrentContext.Result.Outcome.Status;
        lock (typeof(TaskLogAttribute))
        {
            File.AppendAllText(path, $"{task}\t{string.Join(',', categories)}\t{outcome}\t{test.FullName}\n");
        }
    }
}
CS
log="$work/task-log.tsv"
rm -f "$log"
echo "== hidden suite (graders/$slug) with $submission"
MEMKATA_TASK_LOG="$log" dotnet test "$work/Hidden" --nologo -v quiet 2>&1 | grep -E "error|Passed!|Failed!|^\s+Failed " || true
if [ ! -s "$log" ]; then
  echo "check.sh: the hidden suite did not run (see the build errors above): score 0" >&2
  exit 1
fi

if python3 - "$repo/graders/$slug/grader.json" "$log" "$json" <<'PY'
import collections, json, sys
grader = json.load(open(sys.argv[1]))
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
weights = {t["number"]: t["weight"] for t in grader["tasks"]}
snapshots = grader.get("snapshots")
tally = collections.defaultdict(lambda: [0, 0])
for task, categories, outcome, name in rows:
    pool = "snapshots" if snapshots and "Snapshot" in categories.split(",") else int(task)
    tally[pool][1] += 1
    tally[pool][0] += outcome == "Passed"
result = {"score": 0.0, "max_score": 0.0, "tasks": {}}
for pool, weight in list(weights.items()) + ([("snapshots", snapshots["weight"])] if snapshots else []):
    passed, total = tally.get(pool, [0, 0])
    points = weight * passed / total if total else 0.0
    result["tasks"][str(pool)] = {"passed": passed, "tests": total, "points": round(points, 2), "weight": weight}
    result["score"] += points
    result["max_score"] += weight
    label = f"task {pool}" if pool != "snapshots" else "snapshots"
    print(f"{label}: {passed}/{total} tests, {points:.2f} of {weight}")
result["score"] = round(result["score"], 2)
print(f"score: {result['score']} of {result['max_score']}")
if sys.argv[3]:
    json.dump(result, open(sys.argv[3], "w"), indent=2)
sys.exit(0 if result["score"] == result["max_score"] else 3)
PY
then full=1; else full=0; fi
if [ "$submission" = "$reference" ] && [ "$full" = 0 ]; then
  echo "check.sh: the reference must score full marks on its grader" >&2
  status=1
fi
exit $status
