#!/usr/bin/env bash
# Runs every test of rmq: the .NET suites (unit, store on real files, servers over 127.0.0.1,
# real processes and containers, interop with the third-party ali-ons client) and the Pester suite of
# the PowerShell module, and prints one closing line "N passed, N failed".
# Needs: the .NET SDK of global.json, Node.js/npm and a running Docker engine (.ci/run installs and
# starts what is missing).
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

echo "== npm: third-party clients for the interop tests"
npm ci --prefix e2e/interop/ali-ons --no-audit --no-fund --loglevel=error || exit 1

echo "== docker: the rmq image for the container tests"
# Settings Testcontainers needs with Debian's docker.io 20.10 and no registry access.
export DOCKER_API_VERSION=${DOCKER_API_VERSION:-1.41}
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=${TESTCONTAINERS_HOST_OVERRIDE:-127.0.0.1}
if ! docker info >/dev/null 2>&1; then
  echo "no Docker engine answers; start one (.ci/run does) for the container tests" >&2
  exit 1
fi
bash e2e/docker/build-image.sh rmq/rmq:local || exit 1

echo "== dotnet test"
dotnet test Toolkit.sln -c Release --logger "console;verbosity=minimal" 2>&1 | tee "$log_dir/dotnet.log"
status=${PIPESTATUS[0]}

# Sum the per-assembly summaries ("Passed!  - Failed: 0, Passed: 70, Skipped: 0, Total: 70, ...").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, "");
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i + 1);
      if ($i == "Passed:") p += $(i + 1);
      if ($i == "Skipped:") s += $(i + 1);
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log_dir/dotnet.log")

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1   # a build error or a crashed test host counts as a failure
fi

echo "== Pester: the Rmq PowerShell module against real servers"
bash pwsh/run-tests.sh Release 2>&1 | tee "$log_dir/pester.log"
pester_status=${PIPESTATUS[0]}
read -r pester_passed pester_failed < <(awk '/^[0-9]+ passed, [0-9]+ failed$/ { p = $1; f = $3 } END { printf "%d %d\n", p, f }' "$log_dir/pester.log")
passed=$((passed + pester_passed))
failed=$((failed + pester_failed))
if [ "$pester_status" -ne 0 ] && [ "$pester_failed" -eq 0 ]; then
  failed=$((failed + 1))
fi
[ "$pester_status" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
