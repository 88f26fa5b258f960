#!/usr/bin/env bash
# Gradescope autograder set-up (runs once, as root, when the autograder image is built). The zip holds this repository
# under /autograder/source, graders included: it is the instructors' bundle, never given to learners.
set -euo pipefail
cd /autograder/source

# The .NET SDK this repository pins (global.json), from Microsoft's install script.
if ! command -v dotnet >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ca-certificates libicu-dev >/dev/null
  curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
  bash /tmp/dotnet-install.sh --jsonfile global.json --install-dir /usr/share/dotnet
  ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
fi

# memkata in Release, once: grading then only starts it.
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build src/MemKata.Cli -c Release -o /autograder/memkata
