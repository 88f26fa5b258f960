#!/usr/bin/env bash
# Proves a solution of this exercise against its public tests and hidden suite; see graders/check.sh for the options.
exec "$(dirname "${BASH_SOURCE[0]}")/../../../graders/check.sh" reclaim-policy "$@"
