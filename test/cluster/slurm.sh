#!/usr/bin/env bash
# npm run test:cluster — docs/cluster.md's Slurm job array, run as the doc writes it, on a
# single-node Slurm started on this machine (CI runs it; see .ci/run).
#
# 1. Installs Debian's slurm-wlm and munge when missing, writes a munge key and a slurm.conf for
#    this host (its hostname, CPUs from nproc, memory from /proc/meminfo) under $BASE, and starts
#    munged, slurmctld and slurmd there (their own socket and ports, so a Slurm or munge already on
#    the machine is left alone); waits until sinfo shows the node idle.
# 2. Reads the example sweep.yaml, the sbatch script, the submit, merge and resubmit commands from
#    docs/cluster.md's fenced blocks and changes only the shard count (16 → 4), the resources this
#    machine cannot give (8 CPUs and 16G per task → 1 CPU and 1G) and `npx feedsim` →
#    `node <repo>/dist/cli.js`, as the doc says for a clone. The changes are printed as a diff.
# 3. Array: submits the script, submits the doc's dependent merge job, waits, and checks the merged
#    directory equals `feedsim sweep sweep.yaml --out single --plots` on one machine byte for byte
#    (every file; the manifest apart from its worker count).
# 4. Requeue: submits the array again in a fresh directory, cancels one task (scancel
#    <job>_<i>) while squeue shows it RUNNING with two or more of its runs to do, waits for its
#    feedsim to release the shard's lock (it records the run in progress, then exits), checks
#    that the doc's merge job is stuck (DependencyNeverSatisfied) and that the merge refuses
#    (missing runs, exit 2, nothing written), then runs the doc's resubmit block and checks that
#    the task resumed its shard and the merge equals the single-machine result.
# 5. Cancels its jobs and stops the daemons on exit (trap), and prints the wall time.
#
# Runs as root, or as a user with sudo (`sudo -n` when CI=true): daemons and packages need root,
# the jobs run as the calling user. Idempotent: each run cancels the jobs and stops the daemons
# that a run killed before its trap left (found by their pid files), and starts from an empty
# $BASE. Exits non-zero on any mismatch.
#
# Environment: FEEDSIM_SLURM_DIR (default ${TMPDIR:-/tmp}/feedsim-slurm-test; kept after a
# failure for inspection), FEEDSIM_SLURM_TIMEOUT (seconds per wait, default 600).
set -euo pipefail

START=$(date +%s)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOC="$REPO/docs/cluster.md"
BASE=${FEEDSIM_SLURM_DIR:-${TMPDIR:-/tmp}/feedsim-slurm-test}
TIMEOUT=${FEEDSIM_SLURM_TIMEOUT:-600}
SHARDS=4                                # the doc's 16, fewer for a 2-core machine
CLI="node $(printf '%q' "$REPO/dist/cli.js")"
MARK=.feedsim-slurm-test                # marks $BASE as ours before anything deletes it
CTLD_PORT=16817                         # not Slurm's 6817/6818: a real Slurm may be running
SLURMD_PORT=16818

if [ "$(id -u)" = 0 ]; then SUDO=(); elif [ "${CI:-}" = true ]; then SUDO=(sudo -n); else SUDO=(sudo); fi
ME_UID=$(id -u)
ME_GID=$(id -g)
export SLURM_CONF="$BASE/etc/slurm.conf"

say() { printf '\n== %s\n' "$*"; }
fail() {
  printf '\nFAIL: %s\n' "$*" >&2
  exit 1
}
since() { echo $(($(date +%s) - $1)); }

# ---- teardown --------------------------------------------------------------------------------

JOBS=()                                 # every job this run submitted, cancelled on exit

# The pid in pid file $2 if it is still a process named $1: our own daemon, from this or an
# earlier run, never another one.
daemon_pid() {
  local pid
  [ -f "$2" ] || return 1
  pid=$(cat "$2" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null || true)" = "$1" ] && echo "$pid"
}

stop_daemon() {
  local pid i
  pid=$(daemon_pid "$1" "$2") || return 0
  "${SUDO[@]}" kill "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    [ -d "/proc/$pid" ] || return 0
    sleep 0.2
  done
  "${SUDO[@]}" kill -9 "$pid" 2>/dev/null || true
}

# Cancels the jobs (this run's, or with 'all' every job of this private cluster: what a run killed
# before its trap left behind) and stops the daemons.
stop_all() {
  local jobs=("${JOBS[@]}")
  if [ "${1:-}" = all ] && daemon_pid slurmctld "$BASE/run/slurmctld.pid" >/dev/null; then
    mapfile -t jobs < <(timeout 20 squeue -h -o %A 2>/dev/null | sort -u || true)
  fi
  if [ -f "$SLURM_CONF" ] && [ "${#jobs[@]}" -gt 0 ] && command -v scancel >/dev/null; then
    timeout 20 scancel "${jobs[@]}" 2>/dev/null || true
    local i
    for i in $(seq 1 50); do
      [ -z "$(timeout 20 squeue -h 2>/dev/null || true)" ] && break
      sleep 0.2
    done
  fi
  stop_daemon slurmd "$BASE/run/slurmd.pid"
  stop_daemon slurmctld "$BASE/run/slurmctld.pid"
  stop_daemon munged "$BASE/munge/munged.pid"
}

log_tails() {
  local f
  for f in "$BASE/log/slurmctld.log" "$BASE/log/slurmd.log" "$BASE/munge/munged.log"; do
    [ -f "$f" ] || continue
    echo "--- last lines of $f" >&2
    "${SUDO[@]}" tail -n 25 "$f" >&2 || true
  done
}

LOCKED=0                                # set once this run holds the lock; nothing is torn down before
on_exit() {
  local status=$?
  set +e
  if [ "$LOCKED" != 1 ]; then
    echo "test:cluster FAILED (status $status)" >&2
    exit "$status"
  fi
  if [ "$status" != 0 ]; then
    log_tails
    [ -f "$SLURM_CONF" ] && { echo "--- squeue" >&2; squeue >&2 2>&1; }
  fi
  stop_all
  if [ "$status" = 0 ]; then
    "${SUDO[@]}" rm -rf "$BASE"
    echo "test:cluster passed in $(since "$START") s wall time"
  else
    echo "test:cluster FAILED after $(since "$START") s (status $status); files kept in $BASE" >&2
  fi
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- 1. Slurm on this machine ----------------------------------------------------------------

# One run at a time: a second would share $BASE and the ports. (The daemons are started without
# this descriptor, so a run killed before its trap does not leave the lock held for ever.)
LOCK="$BASE.lock"
[ -e "$LOCK" ] || { touch "$LOCK" && chmod 666 "$LOCK"; } 2>/dev/null || true
exec 9<"$LOCK" || fail "cannot open the lock file $LOCK"
if ! flock -n 9; then
  # Another run, or the short-lived children of a run that was killed (they keep the descriptor).
  echo "waiting for $LOCK (another test:cluster is running)"
  flock -w 300 9 || fail "another test:cluster has held $LOCK for 300 s"
fi
LOCKED=1

[ -f "$REPO/dist/cli.js" ] || (cd "$REPO" && npm run build --silent)

say "Slurm and munge"
if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  command -v apt-get >/dev/null || fail "slurm-wlm and munge are missing and there is no apt-get to install them (Debian or Ubuntu expected)"
  echo "installing slurm-wlm and munge (apt-get)"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi
SLURM_VERSION=$(slurmd -V)
echo "$SLURM_VERSION, $(munged --version 2>&1 | head -n 1)"

# A previous run's jobs and daemons (killed before its trap ran) and files.
stop_all all
if [ -e "$BASE" ]; then
  [ -f "$BASE/$MARK" ] || fail "$BASE exists and was not made by this test: remove it or set FEEDSIM_SLURM_DIR"
  "${SUDO[@]}" rm -rf "$BASE"
fi
"${SUDO[@]}" mkdir -p "$BASE"/{etc,munge,log,run,ctld,spool}
"${SUDO[@]}" touch "$BASE/$MARK"
"${SUDO[@]}" chmod 755 "$BASE" "$BASE"/{etc,munge,log,run}
"${SUDO[@]}" chmod 700 "$BASE"/{ctld,spool}
"${SUDO[@]}" install -d -o "$ME_UID" -g "$ME_GID" "$BASE/work"

HOST=$(hostname -s)
CPUS=$(nproc)
MEM_MB=$(awk '/^MemTotal:/ { print int($2 / 1024) }' /proc/meminfo)
PLUGINS=$(dirname "$(find /usr/lib /usr/lib64 -name 'select_linear.so' -path '*slurm*' 2>/dev/null | head -n 1 || true)")
if [ -f "$PLUGINS/select_cons_tres.so" ]; then
  SELECT="SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory"
else
  SELECT="SelectType=select/linear
SelectTypeParameters=CR_Memory"
fi

"${SUDO[@]}" dd if=/dev/urandom of="$BASE/munge/munge.key" bs=1024 count=1 status=none
"${SUDO[@]}" chmod 400 "$BASE/munge/munge.key"

"${SUDO[@]}" tee "$SLURM_CONF" >/dev/null <<EOF
# Single-node Slurm for test/cluster/slurm.sh: this host, its CPUs and memory; everything under $BASE.
ClusterName=feedsim-test
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
AuthType=auth/munge
AuthInfo=socket=$BASE/munge/munge.socket.2
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$BASE/ctld
SlurmdSpoolDir=$BASE/spool
SlurmctldPidFile=$BASE/run/slurmctld.pid
SlurmdPidFile=$BASE/run/slurmd.pid
SlurmctldLogFile=$BASE/log/slurmctld.log
SlurmdLogFile=$BASE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
SchedulerType=sched/backfill
$SELECT
DefMemPerCPU=1024
ReturnToService=2
MinJobAge=3600
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=main Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
EOF
echo "node $HOST: $CPUS CPUs, $MEM_MB MB, ${SELECT%%$'\n'*}; files under $BASE"

say "starting munged, slurmctld, slurmd"
"${SUDO[@]}" munged --socket="$BASE/munge/munge.socket.2" --key-file="$BASE/munge/munge.key" \
  --pid-file="$BASE/munge/munged.pid" --log-file="$BASE/munge/munged.log" --seed-file="$BASE/munge/munged.seed" 9<&- ||
  fail "munged did not start"
"${SUDO[@]}" env SLURM_CONF="$SLURM_CONF" slurmctld -f "$SLURM_CONF" 9<&- || fail "slurmctld did not start"
"${SUDO[@]}" env SLURM_CONF="$SLURM_CONF" slurmd -f "$SLURM_CONF" -N "$HOST" 9<&- || fail "slurmd did not start"
STARTED=$(date +%s)
state=""
until [ "$state" = idle ]; do
  state=$(sinfo -h -N -n "$HOST" -o '%t' 2>/dev/null || true)
  [ "$(since "$STARTED")" -lt 60 ] || fail "node $HOST is not idle 60 s after the daemons started (sinfo: '${state:-no answer}')"
  [ "$state" = idle ] || sleep 0.5
done
sinfo

# ---- 2. The doc's blocks ---------------------------------------------------------------------

# The body of the first fenced block of docs/cluster.md with a line matching the regex $1.
doc_block() {
  local body
  body=$(RE=$1 awk '
    /^```/ {
      if (inside) { if (found) { printf "%s", text; exit } inside = 0; next }
      inside = 1; text = ""; next
    }
    inside { text = text $0 "\n"; if ($0 ~ ENVIRON["RE"]) found = 1 }
  ' "$DOC")
  [ -n "$body" ] || fail "docs/cluster.md has no fenced block with a line matching /$1/"
  printf '%s\n' "$body"
}

# $1 with every $2 replaced by $3; fails unless $2 occurs exactly $4 times ('+': at least once,
# '?': at most once).
replace() {
  local text=$1 from=$2 to=$3 want=$4 n
  n=$(grep -cF -- "$from" <<<"$text" || true)
  case "$want" in
    +) [ "$n" -ge 1 ] ;;
    \?) [ "$n" -le 1 ] ;;
    *) [ "$n" = "$want" ] ;;
  esac ||
    fail "docs/cluster.md's Slurm script: expected '$from' $want time(s), found $n (the doc changed: update test/cluster/slurm.sh)"
  printf '%s\n' "${text//"$from"/"$to"}"
}

# A doc command as this machine runs it: `npx feedsim` → node <repo>/dist/cli.js.
as_here() { printf '%s\n' "${1//npx feedsim/$CLI}"; }

SWEEP_YAML=$(doc_block '^# sweep\.yaml')
DOC_SCRIPT=$(doc_block '^# sweep\.sbatch')
SUBMIT=$(doc_block '^sbatch sweep\.sbatch')
MERGE=$(doc_block '^sbatch --dependency=afterok:<array job id> ' | grep -m1 '^sbatch --dependency=afterok:<array job id> ')
RESUBMIT=$(doc_block '^sbatch --array=<i> sweep\.sbatch')
[[ "$MERGE" =~ --wrap\ \'([^\']*)\' ]] || fail "the doc's merge command has no --wrap '…': $MERGE"
MERGE_NOW=$(as_here "${BASH_REMATCH[1]}")   # the merge itself, run on this host to see it refuse

SCRIPT=$(replace "$DOC_SCRIPT" '#SBATCH --array=0-15' "#SBATCH --array=0-$((SHARDS - 1))" 1)
SCRIPT=$(replace "$SCRIPT" '# 16 shards: indices 0 … 15' "# $SHARDS shards: indices 0 … $((SHARDS - 1))" '?')
SCRIPT=$(replace "$SCRIPT" 'N=16' "N=$SHARDS" 1)
SCRIPT=$(replace "$SCRIPT" '#SBATCH --cpus-per-task=8' '#SBATCH --cpus-per-task=1' 1)
SCRIPT=$(replace "$SCRIPT" '#SBATCH --mem=16G' '#SBATCH --mem=1G' 1)
SCRIPT=$(replace "$SCRIPT" 'npx feedsim' "$CLI" +)
say "docs/cluster.md's sweep.sbatch, as submitted here"
diff <(printf '%s\n' "$DOC_SCRIPT") <(printf '%s\n' "$SCRIPT") || true

# A fresh project directory holding the doc's sweep.yaml and sweep.sbatch.
project() {
  local dir="$BASE/work/$1"
  mkdir -p "$dir"
  printf '%s\n' "$SWEEP_YAML" >"$dir/sweep.yaml"
  printf '%s\n' "$SCRIPT" >"$dir/sweep.sbatch"
  printf '%s\n' "$dir"
}

# Runs doc command(s) $2 in directory $1; JOB is the id of the job submitted last.
submit() {
  local out
  echo "    \$ ${2//$'\n'/$'\n'    \$ }"
  out=$(cd "$1" && bash -euo pipefail -c "$2" 2>&1) || fail "doc command failed: $2
$out"
  printf '%s\n' "$out" | sed 's/^/      /'
  JOB=$(sed -n 's/^Submitted batch job \([0-9][0-9]*\)$/\1/p' <<<"$out" | tail -n 1)
  [ -n "$JOB" ] || fail "no job id in the output of: $2"
  JOBS+=("$JOB")
}

# A placeholder of the doc replaced by a value; fails if it is not there.
fill() {
  [[ "$1" == *"$2"* ]] || fail "doc command '$1' has no $2"
  printf '%s\n' "${1//"$2"/"$3"}"
}

# Waits (bounded) until none of the jobs $@ is pending or running.
wait_jobs() {
  local t0 left
  t0=$(date +%s)
  while :; do
    left=$(squeue -h -j "$(IFS=,; echo "$*")" -o '%i %T %r' 2>&1) || left="squeue failed: $left"
    [ -z "$left" ] && return 0
    [ "$(since "$t0")" -lt "$TIMEOUT" ] || fail "jobs $* still queued after $TIMEOUT s:
$left"
    sleep 1
  done
}

# Every task of job $1 ended COMPLETED with exit code 0:0.
completed() {
  local lines bad
  lines=$(scontrol -o show job "$1") || fail "scontrol knows no job $1"
  bad=$(grep -v 'JobState=COMPLETED .*ExitCode=0:0 ' <<<"$lines" || true)
  [ -z "$bad" ] || fail "job $1 did not complete: $(grep -o 'JobId=[0-9]* \|ArrayTaskId=[^ ]*\|JobState=[^ ]*\|Reason=[^ ]*\|ExitCode=[^ ]*' <<<"$bad" | tr '\n' ' ')"
}

# The merged directory $1 equals the single-machine results, file for file, byte for byte; the
# manifests differ only in their worker count.
same_as_single() {
  local merged=$1 f
  diff <(cd "$SINGLE" && find . -type f ! -name manifest.json | sort) <(cd "$merged" && find . -type f ! -name manifest.json | sort) ||
    fail "$merged and the single-machine $SINGLE hold different files"
  while read -r f; do
    cmp "$SINGLE/$f" "$merged/$f" || fail "$merged/$f differs from the single-machine result"
  done < <(cd "$SINGLE" && find . -type f ! -name manifest.json | sort)
  diff <(grep -v '"workers":' "$SINGLE/manifest.json") <(grep -v '"workers":' "$merged/manifest.json") ||
    fail "$merged/manifest.json differs from the single-machine manifest beyond its worker count"
  echo "  $merged equals the single-machine sweep: $(cd "$SINGLE" && find . -type f ! -name manifest.json | sort | sed 's|^\./||' | tr '\n' ' ')(manifest apart from workers)"
}

lines_of() { if [ -f "$1" ]; then wc -l <"$1"; else echo 0; fi; }

# ---- the reference: the same sweep on one machine --------------------------------------------

say "single machine: feedsim sweep sweep.yaml --out single --plots"
T=$(date +%s)
ONE=$(project single)
(cd "$ONE" && node "$REPO/dist/cli.js" sweep sweep.yaml --out single --plots) | sed 's/^/    /'
SINGLE="$ONE/single"
RUNS=$(sed -n 's/^ *"runsPlanned": \([0-9]*\),$/\1/p' "$SINGLE/manifest.json")
[ -n "$RUNS" ] && [ "$RUNS" -ge "$SHARDS" ] || fail "the doc's sweep has ${RUNS:-no} runs: it needs at least $SHARDS"
echo "  $RUNS runs in $(since "$T") s"

# ---- 3. the array, merged ----------------------------------------------------------------------

say "Slurm: $SHARDS-shard array and its dependent merge, as docs/cluster.md writes them"
T=$(date +%s)
W=$(project array)
submit "$W" "$SUBMIT"
ARRAY=$JOB
submit "$W" "$(as_here "$(fill "$MERGE" '<array job id>' "$ARRAY")")"
MERGE_JOB=$JOB
wait_jobs "$ARRAY" "$MERGE_JOB"
completed "$ARRAY"
completed "$MERGE_JOB"
sed 's/^/    /' "$W/slurm-$MERGE_JOB.out"
same_as_single "$W/results/merged"
echo "  array and merge took $(since "$T") s"

# ---- 4. a task cancelled mid-run, resubmitted --------------------------------------------------

say "Slurm: the array again; one task cancelled mid-run, resubmitted"
T=$(date +%s)
W=$(project requeue)
submit "$W" "$SUBMIT"
ARRAY=$JOB
submit "$W" "$(as_here "$(fill "$MERGE" '<array job id>' "$ARRAY")")"
MERGE_JOB=$JOB

# Cancel the first task seen RUNNING whose feedsim has started its shard (the manifest is
# written) with at least two of its runs still to do: on SIGTERM feedsim lets the run in progress
# in its main thread finish and be recorded, then releases the shard's lock and exits 143, so at
# least one run is still missing after it.
VICTIM=""
t0=$(date +%s)
while [ -z "$VICTIM" ]; do
  running=0
  for ((i = 0; i < SHARDS; i++)); do
    st=$(squeue -h -j "${ARRAY}_$i" -o '%T' 2>/dev/null) || { running=1; continue; }
    [ -n "$st" ] && running=1
    [ "$st" = RUNNING ] || continue
    n=$(lines_of "$W/results/shard-$i/runs.jsonl")
    planned=$(( (RUNS - i + SHARDS - 1) / SHARDS ))
    if [ -f "$W/results/shard-$i/manifest.json" ] && [ "$n" -le $((planned - 2)) ]; then
      scancel "${ARRAY}_$i"
      VICTIM=$i
      echo "  scancel ${ARRAY}_$i: RUNNING with $n of its $planned runs recorded"
      break
    fi
  done
  [ -n "$VICTIM" ] && break
  [ "$running" = 1 ] || fail "every task finished before one could be cancelled mid-run: the doc's sweep is too quick to catch (make its runs longer)"
  [ "$(since "$t0")" -lt "$TIMEOUT" ] || fail "no task was caught mid-run within $TIMEOUT s"
  sleep 0.1
done

# The cancelled task ends CANCELLED, with its shard unfinished.
t0=$(date +%s)
until scontrol -o show job "${ARRAY}_$VICTIM" | grep -q 'JobState=CANCELLED '; do
  [ "$(since "$t0")" -lt 60 ] || fail "task ${ARRAY}_$VICTIM is not CANCELLED 60 s after scancel: $(scontrol -o show job "${ARRAY}_$VICTIM" | grep -o 'JobState=[^ ]*')"
  sleep 0.2
done
# Its feedsim has exited once the shard's lock is gone (released on SIGTERM).
t0=$(date +%s)
while [ -e "$W/results/shard-$VICTIM/.feedsim.lock" ]; do
  [ "$(since "$t0")" -lt 60 ] || fail "the cancelled task's feedsim still holds $W/results/shard-$VICTIM/.feedsim.lock 60 s after scancel: $(cat "$W/results/shard-$VICTIM/.feedsim.lock")"
  sleep 0.2
done
KEPT=$(lines_of "$W/results/shard-$VICTIM/runs.jsonl")
PLANNED=$(( (RUNS - VICTIM + SHARDS - 1) / SHARDS ))
[ "$KEPT" -lt "$PLANNED" ] || fail "task ${ARRAY}_$VICTIM finished all $PLANNED runs before scancel took effect: no run is missing to test the resubmission"
echo "  ${ARRAY}_$VICTIM is CANCELLED; its shard kept $KEPT of $PLANNED runs"

# The other tasks finish; the doc's afterok merge job can now never start.
t0=$(date +%s)
while :; do
  others=$(squeue -h -j "$ARRAY" -o '%i %T' 2>/dev/null || true)
  reason=$(squeue -h -j "$MERGE_JOB" -o '%r' 2>/dev/null || true)
  [ -z "$others" ] && [ "$reason" = DependencyNeverSatisfied ] && break
  [ "$(since "$t0")" -lt "$TIMEOUT" ] || fail "after $TIMEOUT s: array tasks queued: '${others}'; merge job $MERGE_JOB's reason: '${reason}' (expected DependencyNeverSatisfied)"
  sleep 1
done
for ((i = 0; i < SHARDS; i++)); do
  [ "$i" = "$VICTIM" ] || completed "${ARRAY}_$i"
done
echo "  the other tasks completed; merge job $MERGE_JOB waits with DependencyNeverSatisfied, as the doc says"

# The merge refuses: missing runs, exit 2 (bad input), nothing written.
set +e
refused=$(cd "$W" && bash -c "$MERGE_NOW" 2>&1)
status=$?
set -e
MISSING=$((PLANNED - KEPT))
[ "$status" = 2 ] || fail "the merge with shard $VICTIM unfinished exited $status, not 2:
$refused"
grep -q "$MISSING of $RUNS runs are missing" <<<"$refused" || fail "the merge did not name $MISSING of $RUNS runs as missing:
$refused"
[ ! -e "$W/results/merged" ] || fail "the refused merge wrote $W/results/merged"
echo "  the merge refuses (exit 2): $(grep -o "$MISSING of $RUNS runs are missing[^(]*" <<<"$refused")"

# The doc's resubmit block, line by line.
NEW=""
while IFS= read -r line; do
  cmd=${line%%#*}
  [ -n "${cmd// /}" ] || continue
  case "$cmd" in
    scancel*)
      cmd=$(fill "$cmd" '<merge job id>' "$MERGE_JOB")
      echo "    \$ $cmd"
      (cd "$W" && bash -c "$cmd") || fail "doc command failed: $cmd"
      ;;
    *--array=*)
      submit "$W" "$(fill "$cmd" '<i>' "$VICTIM")"
      NEW=$JOB
      ;;
    *--dependency=*)
      [ -n "$NEW" ] || fail "the doc's resubmit block merges before it resubmits"
      submit "$W" "$(as_here "$(fill "$cmd" '<new job id>' "$NEW")")"
      FINAL_MERGE=$JOB
      ;;
    *) fail "test/cluster/slurm.sh does not know how to run this line of the doc's resubmit block: $line" ;;
  esac
done <<<"$RESUBMIT"
[ -n "$NEW" ] && [ -n "${FINAL_MERGE:-}" ] || fail "the doc's resubmit block does not resubmit and merge"
wait_jobs "$NEW" "$FINAL_MERGE"
completed "$NEW"
completed "$FINAL_MERGE"
grep -q "^resuming results/shard-$VICTIM: $KEPT of $PLANNED runs finished" "$W/logs/shard-$VICTIM.out" ||
  fail "the resubmitted task did not resume its shard with $KEPT finished runs: $(cat "$W/logs/shard-$VICTIM.out")"
sed 's/^/    /' "$W/logs/shard-$VICTIM.out"
sed 's/^/    /' "$W/slurm-$FINAL_MERGE.out"
same_as_single "$W/results/merged"
echo "  cancel, resubmit and merge took $(since "$T") s"

say "all checks passed ($SLURM_VERSION, $SHARDS shards, $RUNS runs)"
