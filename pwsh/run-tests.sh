#!/usr/bin/env bash
# Runs the Pester tests of the Rmq PowerShell module against real rmq servers on 127.0.0.1 and prints
# one closing line "N passed, N failed". Exit code 0 only when every test passed.
#   pwsh/run-tests.sh [Configuration]      (default Release; RMQ_SKIP_BUILD=1 uses what is built)
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NO_COLOR=1
configuration=${1:-Release}

fail() { echo "$1" >&2; echo "0 passed, 1 failed"; exit 1; }

dotnet tool restore >/dev/null || fail "dotnet tool restore failed (pwsh 7.6.9 local tool)"
dotnet restore pwsh/build/PesterDownload.csproj --packages pwsh/.tools/packages -v q >/dev/null || fail "restoring Pester failed"
if [ "${RMQ_SKIP_BUILD:-0}" != 1 ]; then
  dotnet build cli/src/Rmq.Cli/Rmq.Cli.csproj -c "$configuration" -v q -nologo || fail "building rmq failed"
  dotnet build pwsh/src/Rmq.PowerShell/Rmq.PowerShell.csproj -c "$configuration" -v q -nologo || fail "building the module failed"
fi

export RMQ_CONFIGURATION=$configuration
export RMQ_MODULE_DIR=$PWD/pwsh/src/Rmq.PowerShell/bin/$configuration/net10.0
export RMQ_CLI_DLL=$PWD/cli/src/Rmq.Cli/bin/$configuration/net10.0/rmq.dll
export RMQ_TEST_PIDFILE=$(mktemp)
# Servers the tests started and did not stop (only if pwsh died before its AfterAll): stop them by PID.
cleanup() {
  while read -r pid; do
    if [ -n "$pid" ] && grep -qs rmq.dll "/proc/$pid/cmdline"; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -KILL "$pid" 2>/dev/null
    fi
  done < "$RMQ_TEST_PIDFILE"
  rm -f "$RMQ_TEST_PIDFILE"
}
trap cleanup EXIT

# A fresh pwsh process: a binary module cannot be reloaded into a session that loaded another build.
dotnet pwsh -NoProfile -NonInteractive -File pwsh/tests/run-pester.ps1
status=$?
# A pwsh that crashed printed no summary: count the run as failed.
[ -s pwsh/artifacts/pester.xml ] && [ pwsh/artifacts/pester.xml -nt "$RMQ_TEST_PIDFILE" ] || { echo "pwsh ended without test results (exit $status)"; echo "0 passed, 1 failed"; [ "$status" -ne 0 ] || status=1; }
exit $status
