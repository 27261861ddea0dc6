#!/usr/bin/env bash
# Side by side: rmq next to Redis Streams, NATS JetStream and RabbitMQ on this machine (127.0.0.1), driven by one
# .NET load generator (cli/bench/Rmq.PeerBench): one connection, 1 KiB messages, 1/16/64/256 sends in flight, each
# send waiting for the broker's durable ack; read-back; p50/p99 at a fixed rate; broker CPU from /proc/<pid>/stat.
# Paired by durability:  async = answered before fsync:  rmq ASYNC_FLUSH, Redis appendfsync everysec, NATS JetStream
#                         sync = answered after fsync:   rmq SYNC_FLUSH,  Redis appendfsync always,   RabbitMQ quorum
# Every target runs once per round, rounds interleaved (A B C ... A B C ...); the table shows medians.
# Not part of the test suite (about 6 x duration per target and round).
#
#   cli/bench/peers/run.sh [--duration 10] [--rounds 3] [--rate 5000] [--targets "rmq-async redis-everysec ..."]
#                          [--no-install] [--work DIR] [--rmq DIR-with-rmq.dll (default: build cli/src/Rmq.Cli)]
#
# Installs redis-server, nats-server, rabbitmq-server and fio with apt-get (Debian) unless --no-install; starts
# everything itself on ports 16xxx-19xxx and 25672 and stops everything it started by PID (Ctrl+C too).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
DURATION=10
ROUNDS=3
RATE=5000
INSTALL=1
WORK=""
RMQ_DIR=""
TARGETS="rmq-async redis-everysec nats-jetstream rmq-sync redis-always rabbitmq-quorum"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --targets) TARGETS="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    --work) WORK="$2"; shift 2 ;;
    --rmq) RMQ_DIR="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
WORK="${WORK:-$(mktemp -d /tmp/rmq-peers.XXXXXX)}"
mkdir -p "$WORK"
RESULTS="$WORK/results.jsonl"
: > "$RESULTS"
PIDS=()

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

stop_all() {
  log "stopping ${#PIDS[@]} processes started by this script"
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    local alive=0
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [[ $alive -eq 0 ]] && break
    sleep 0.2
  done
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  # The brokers' data (GBs of commit logs, streams, queues); the results and fio's report stay.
  rm -rf "$WORK/rmq" "$WORK/redis-everysec" "$WORK/redis-always" "$WORK/nats" "$WORK/rabbit"
}
trap stop_all EXIT

if [[ $INSTALL -eq 1 ]]; then
  log "installing redis-server nats-server rabbitmq-server fio (apt-get)"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends redis-server nats-server rabbitmq-server fio >/dev/null
  # Debian starts the packaged services where systemd runs; they would share the machine: stop them.
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
    $SUDO systemctl stop redis-server rabbitmq-server nats-server 2>/dev/null || true
  fi
fi

log "building rmq and the load generator (Release)"
[[ -z "$RMQ_DIR" ]] && dotnet build "$ROOT/cli/src/Rmq.Cli" -c Release -v q -nologo >/dev/null
dotnet build "$ROOT/cli/bench/Rmq.PeerBench" -c Release -v q -nologo >/dev/null
RMQ="${RMQ_DIR:-$ROOT/cli/src/Rmq.Cli/bin/Release/net10.0}/rmq.dll"
PEERBENCH="$ROOT/cli/bench/Rmq.PeerBench/bin/Release/net10.0/Rmq.PeerBench.dll"

log "machine limit: fio, one writer, 4 KiB writes each followed by fdatasync, in $WORK"
fio --name=fdatasync --directory="$WORK" --rw=write --bs=4k --size=64m --fdatasync=1 --runtime="$DURATION" --time_based \
    --output-format=json --output="$WORK/fio.json" >/dev/null
FSYNC_IOPS=$(python3 -c "import json;print(round(json.load(open('$WORK/fio.json'))['jobs'][0]['write']['iops']))")
rm -f "$WORK"/fdatasync.*
log "fdatasync rate: $FSYNC_IOPS per second"

wait_port() { # host port what
  for _ in $(seq 1 300); do (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0; sleep 0.2; done
  echo "timed out waiting for $3 on $1:$2" >&2; return 1
}

declare -A PID_OF KIND ADDRESS DURABILITY
start_rmq() {
  mkdir -p "$WORK/rmq"
  printf 'listenPort=19960\nkvConfigPath=%s/rmq/kv.json\n' "$WORK" > "$WORK/rmq/namesrv.properties"
  RMQ_LOG_DIR="$WORK/rmq/logs" dotnet "$RMQ" namesrv -c "$WORK/rmq/namesrv.properties" --bind 127.0.0.1 >"$WORK/rmq/namesrv.out" 2>&1 &
  PIDS+=($!)
  wait_port 127.0.0.1 19960 "rmq namesrv"
  local flush name port
  for flush in ASYNC_FLUSH SYNC_FLUSH; do
    if [[ $flush == ASYNC_FLUSH ]]; then name=peer-async; port=19970; else name=peer-sync; port=19980; fi
    cat > "$WORK/rmq/$name.properties" <<PROPS
brokerClusterName=PeerCluster
brokerName=$name
brokerId=0
brokerRole=ASYNC_MASTER
flushDiskType=$flush
listenPort=$port
brokerIP1=127.0.0.1
brokerIP2=127.0.0.1
namesrvAddr=127.0.0.1:19960
autoCreateTopicEnable=false
storePathRootDir=$WORK/rmq/$name
storePathCommitLog=$WORK/rmq/$name/commitlog
PROPS
    RMQ_LOG_DIR="$WORK/rmq/logs" dotnet "$RMQ" broker -c "$WORK/rmq/$name.properties" --bind 127.0.0.1 >"$WORK/rmq/$name.out" 2>&1 &
    local pid=$!
    PIDS+=($pid)
    wait_port 127.0.0.1 $port "rmq broker $name"
    local topic=Peer${flush%%_FLUSH}
    for _ in $(seq 1 50); do
      dotnet "$RMQ" admin updateTopic -n 127.0.0.1:19960 -b 127.0.0.1:$port -t "$topic" -r 4 -w 4 >/dev/null 2>&1 && break
      sleep 0.5
    done
    local target=rmq-${flush%%_FLUSH}; target=${target,,}
    PID_OF[$target]=$pid; KIND[$target]=rmq; ADDRESS[$target]=127.0.0.1:19960; NAME_OF[$target]=$topic
  done
  DURABILITY[rmq-async]=async; DURABILITY[rmq-sync]=sync
}

start_redis() { # target port fsync
  mkdir -p "$WORK/$1"
  redis-server --port "$2" --bind 127.0.0.1 --dir "$WORK/$1" --appendonly yes --appendfsync "$3" --save "" \
      --daemonize no --protected-mode no --logfile "$WORK/$1/redis.log" &
  PIDS+=($!)
  PID_OF[$1]=$!; KIND[$1]=redis; ADDRESS[$1]=127.0.0.1:$2; NAME_OF[$1]=peerbench
  wait_port 127.0.0.1 "$2" "$1"
}

start_nats() {
  mkdir -p "$WORK/nats"
  nats-server -js -sd "$WORK/nats" -a 127.0.0.1 -p 14222 >"$WORK/nats/nats.out" 2>&1 &
  PIDS+=($!)
  PID_OF[nats-jetstream]=$!; KIND[nats-jetstream]=nats; ADDRESS[nats-jetstream]=nats://127.0.0.1:14222; NAME_OF[nats-jetstream]=PEERBENCH
  DURABILITY[nats-jetstream]=async
  wait_port 127.0.0.1 14222 "nats-server"
}

start_rabbitmq() {
  mkdir -p "$WORK/rabbit"
  echo '[].' > "$WORK/rabbit/enabled_plugins"
  chmod 777 "$WORK/rabbit"
  local epmd_before
  epmd_before=$(pgrep -x epmd -r R,S,D || true)
  RABBITMQ_NODENAME=peerbench@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=25672 \
    RABBITMQ_DIST_PORT=25673 RABBITMQ_MNESIA_BASE="$WORK/rabbit/mnesia" RABBITMQ_LOG_BASE="$WORK/rabbit/log" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/rabbit/enabled_plugins" \
    /usr/lib/rabbitmq/bin/rabbitmq-server >"$WORK/rabbit/server.out" 2>&1 &
  local script=$!
  PIDS+=($script)
  wait_port 127.0.0.1 25672 "rabbitmq"
  # The Erlang VM (the child of the script started above), for CPU and to stop it; and the epmd it
  # started when none ran before.
  RABBIT_BEAM=$(pgrep -P "$script" -x beam.smp)
  PIDS+=("$RABBIT_BEAM")
  if [[ -z "$epmd_before" ]]; then
    local epmd_pid
    for epmd_pid in $(pgrep -x epmd || true); do PIDS+=("$epmd_pid"); done
  fi
  PID_OF[rabbitmq-quorum]=$RABBIT_BEAM; KIND[rabbitmq-quorum]=rabbitmq; ADDRESS[rabbitmq-quorum]=amqp://guest:guest@127.0.0.1:25672/
  NAME_OF[rabbitmq-quorum]=peerbench; DURABILITY[rabbitmq-quorum]=sync
}

declare -A NAME_OF
for target in $TARGETS; do
  case "$target" in
    rmq-async|rmq-sync) [[ -z "${PID_OF[rmq-async]:-}" ]] && { log "starting rmq (name server, ASYNC_FLUSH and SYNC_FLUSH brokers)"; start_rmq; } ;;
    redis-everysec) log "starting redis (appendfsync everysec)"; start_redis redis-everysec 16391 everysec; DURABILITY[redis-everysec]=async ;;
    redis-always) log "starting redis (appendfsync always)"; start_redis redis-always 16392 always; DURABILITY[redis-always]=sync ;;
    nats-jetstream) log "starting nats-server -js"; start_nats ;;
    rabbitmq-quorum) log "starting rabbitmq-server"; start_rabbitmq ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done

for round in $(seq 1 "$ROUNDS"); do
  for target in $TARGETS; do
    log "round $round: $target"
    dotnet "$PEERBENCH" run --target "$target" --kind "${KIND[$target]}" --address "${ADDRESS[$target]}" --name "${NAME_OF[$target]}" \
      --durability "${DURABILITY[$target]}" --pids "${PID_OF[$target]}" --duration "$DURATION" --rate "$RATE" --round "$round" \
      --out "$RESULTS" >&2 || log "$target round $round failed"
  done
done

echo
echo "rmq $(git -C "$ROOT" rev-parse --short HEAD) on $(nproc) cores, $(uname -r); ${DURATION} s per load, medians of $ROUNDS interleaved rounds:"
dotnet "$PEERBENCH" table --out "$RESULTS" --rate "$RATE" --fsync-per-second "$FSYNC_IOPS"
echo
echo "raw results: $RESULTS"
