#!/usr/bin/env bash
# Gradescope autograder set-up: runs once, as root, when the autograder image is built, with the zip unpacked in
# /autograder/source (this repository, graders included: the instructors' bundle, never given to learners). Installs
# the .NET SDK that global.json pins, unless one that fits is already on PATH, and builds memkata in Release into
# /autograder/memkata, so that grading only starts it.
#
# For a test run without root or network (tests/MemKata.Grading.Tests/Gradescope/GradescopeBundleTests.cs):
#   MEMKATA_AUTOGRADER_ROOT=DIR    use DIR instead of /autograder (DIR/source holds the bundle)
#   MEMKATA_NO_SDK_INSTALL=1       never download: fail if no SDK on PATH fits global.json
set -euo pipefail
root="${MEMKATA_AUTOGRADER_ROOT:-/autograder}"
source="$root/source"
if [ ! -f "$source/global.json" ]; then
  echo "setup.sh: $source/global.json is missing: the zip must hold the repository at its root (see autograder/gradescope/README.md)" >&2
  exit 2
fi
cd "$source"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# `dotnet --version` in the repository fails unless an installed SDK satisfies global.json (version, rollForward).
if command -v dotnet >/dev/null 2>&1 && sdk=$(dotnet --version 2>/dev/null); then
  echo "setup.sh: using the .NET SDK $sdk on PATH ($(command -v dotnet))"
elif [ "${MEMKATA_NO_SDK_INSTALL:-0}" = 1 ]; then
  echo "setup.sh: no .NET SDK on PATH fits $source/global.json, and MEMKATA_NO_SDK_INSTALL=1 forbids installing one" >&2
  exit 1
else
  echo "setup.sh: installing the .NET SDK that $source/global.json pins"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ca-certificates libicu-dev >/dev/null
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
  dotnet --version
fi

# memkata in Release, once: grading then only starts it. The worker and the analyzers' runner land beside it.
dotnet build src/MemKata.Cli -c Release -o "$root/memkata" -v quiet -nologo
test -f "$root/memkata/memkata.dll" && test -f "$root/memkata/MemKata.Grading.Worker.dll"
echo "setup.sh: memkata built in $root/memkata"
