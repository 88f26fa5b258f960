#!/usr/bin/env bash
# Proves an allocator against the exercise: the public tests and the hidden grader suite, with a given Allocator.cs
# (default: the reference, .meta/Example.cs) in place of the stub, then the score that grader.json gives it.
#
#   exercises/allocator/.meta/check.sh                          the reference: must pass everything but level 7 (bonus)
#   exercises/allocator/.meta/check.sh --submission FILE         any Allocator.cs, e.g. a sample submission
#   exercises/allocator/.meta/check.sh --update-snapshots        rewrite graders/allocator/__snapshots__ from the reference
#   options: --hidden-only (skip the public tests), --json FILE (write the score as JSON), --work DIR (build folder)
#
# The build happens in a scratch folder (default: a new mktemp -d folder), never in the exercise: the stub stays as it is.
# The scoring here mirrors the rule of docs/EXERCISES.md (a task's weight shared equally by its tests; snapshot tests
# scored by "snapshots"; Report tests unscored; bonus tasks on top); `memkata grade` is the real grader.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
submission="$here/Example.cs"
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
if [ "$update" = 1 ] && [ "$submission" != "$here/Example.cs" ]; then
  echo "check.sh: snapshots come from the reference only; --update-snapshots cannot be combined with --submission" >&2
  exit 2
fi
work=${work:-$(mktemp -d)}
mkdir -p "$work"
# The repository's house rules and package versions, as if the scratch projects lived in it.
for props in Directory.Build.props Directory.Packages.props; do
  printf '<Project>\n  <Import Project="%s/%s" />\n</Project>\n' "$repo" "$props" > "$work/$props"
done

# One test project: the submission as Allocator.cs, the given test sources, the house rules of the repository.
project() { # project NAME TESTS-GLOB EXTRA-PACKAGES
  mkdir -p "$work/$1"
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <IsPackable>false</IsPackable>
    <IsTestProject>true</IsTestProject>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$submission" />
    <Compile Include="$2" />
    <Compile Include="*.cs" />
    <PackageReference Include="Microsoft.NET.Test.Sdk" />
    <PackageReference Include="NUnit" />
    <PackageReference Include="NUnit3TestAdapter" />
    <PackageReference Include="NUnit.Analyzers" PrivateAssets="all" />
    $3
    <ProjectReference Include="$repo/src/MemKata.Contracts/MemKata.Contracts.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Engine/MemKata.Engine.csproj" />
    <ProjectReference Include="$repo/src/MemKata.Testing/MemKata.Testing.csproj" />
    <Using Include="NUnit.Framework" />
  </ItemGroup>
</Project>
XML
}

status=0
if [ "$public" = 1 ] && [ "$update" = 0 ]; then
  project Public "$repo/exercises/allocator/AllocatorTests.cs" ""
  echo "== public tests (exercises/allocator/AllocatorTests.cs) with $submission"
  dotnet test "$work/Public" --nologo -v quiet 2>&1 | grep -E "error|Passed!|Failed!|^\s+Failed " || status=1
fi

project Hidden "$repo/graders/allocator/*.cs" '<PackageReference Include="DiffPlex" /><PackageReference Include="Snapshooter.NUnit" />'
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
if [ "$update" = 1 ]; then
  echo "== rewriting graders/allocator/__snapshots__ from the reference"
  MEMKATA_UPDATE_SNAPSHOTS=1 dotnet test "$work/Hidden" --nologo -v quiet --filter "TestCategory=Snapshot" 2>&1 | grep -E "error|Passed!|Failed!" || true
  exit 0
fi

echo "== hidden suite (graders/allocator) with $submission"
MEMKATA_TASK_LOG="$log" dotnet test "$work/Hidden" --nologo -v quiet 2>&1 | grep -E "error|Passed!|Failed!|^\s+Failed " || true
if [ ! -s "$log" ]; then
  echo "check.sh: the hidden suite did not run (see the build errors above): score 0" >&2
  exit 1
fi

python3 - "$repo/graders/allocator/grader.json" "$log" "$json" <<'PY'
import collections, json, sys
grader = json.load(open(sys.argv[1]))
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
snap = grader["snapshots"].get("category", "Snapshot")
report = grader.get("reports", {}).get("category", "Report")
tally = collections.defaultdict(lambda: [0, 0])
for task, categories, outcome, name in rows:
    cats = set(filter(None, categories.split(",")))
    if report in cats:
        continue
    key = "snapshots" if snap in cats else int(task)
    tally[key][1] += 1
    tally[key][0] += outcome == "Passed"
result = {"tasks": [], "score": 0.0, "max_score": 0.0, "bonus": 0.0}
for t in grader["tasks"]:
    passed, total = tally.get(t["number"], [0, 0])
    points = t["weight"] * passed / total if total else 0.0
    bonus = t.get("bonus", False)
    result["tasks"].append({"number": t["number"], "passed": passed, "tests": total, "points": round(points, 2), "weight": t["weight"], "bonus": bonus})
    if bonus:
        result["bonus"] += points
    else:
        result["score"] += points
        result["max_score"] += t["weight"]
passed, total = tally.get("snapshots", [0, 0])
points = grader["snapshots"]["weight"] * passed / total if total else 0.0
result["snapshots"] = {"passed": passed, "tests": total, "points": round(points, 2), "weight": grader["snapshots"]["weight"]}
result["score"] = round(result["score"] + points, 2)
result["max_score"] += grader["snapshots"]["weight"]
result["bonus"] = round(result["bonus"], 2)
for t in result["tasks"]:
    print(f"task {t['number']}: {t['passed']}/{t['tests']} tests, {t['points']} of {t['weight']}{' (bonus)' if t['bonus'] else ''}")
s = result["snapshots"]
print(f"snapshots: {s['passed']}/{s['tests']} tests, {s['points']} of {s['weight']}")
print(f"score: {result['score']} of {result['max_score']} (+{result['bonus']} bonus)")
if sys.argv[3]:
    json.dump(result, open(sys.argv[3], "w"), indent=2)
PY
exit $status
