#!/usr/bin/env bash
# A throw-away single-node Slurm cluster on this machine, for the sweep's Slurm
# integration test.
#
#   slurm_cluster.sh start DIR   munged, slurmctld and slurmd with their key,
#                                config, state and logs under DIR; returns once
#                                sinfo shows the node idle. Prints the line
#                                'export SLURM_CONF=...' for the clients.
#   slurm_cluster.sh stop DIR    cancels the cluster's jobs and stops the three
#                                daemons started for DIR (by their pid files).
#
# start exits 77 (ctest's skip code) with the reason when Slurm cannot run here
# (packages missing, a daemon refusing to start, the node never idle), after
# stopping whatever it had started. Nothing outside DIR is touched: the daemons
# listen on free ports picked at start, so a second cluster or a system Slurm
# on the same machine is not disturbed. No systemd: CI runs in a container.
set -uo pipefail

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
action=$1
dir=$2

skip() {
  show_logs
  echo "slurm_cluster: cannot start Slurm here: $*" >&2
  exit 77
}

# The tail of each daemon's log: what a skip or a failed start is explained by.
show_logs() {
  local log
  for log in "$dir"/log/*.log; do
    [ -s "$log" ] || continue
    echo "--- $log (last lines)" >&2
    tail -n 15 "$log" >&2
  done
}

stop_pid_file() {
  local pid_file=$1 pid waited
  [ -s "$pid_file" ] || return 0
  pid=$(cat "$pid_file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null
    # slurmctld saves its state on TERM: give it a few seconds before KILL.
    for waited in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  fi
  rm -f "$pid_file"
}

stop_cluster() {
  local jobs
  if [ -s "$dir/run/slurmctld.pid" ] && [ -f "$dir/slurm.conf" ]; then
    # Jobs still running would outlive slurmd in their slurmstepd.
    jobs=$(SLURM_CONF="$dir/slurm.conf" timeout 10 squeue -h -o %A 2>/dev/null)
    # shellcheck disable=SC2086
    [ -z "$jobs" ] || SLURM_CONF="$dir/slurm.conf" timeout 10 scancel --full $jobs 2>/dev/null
  fi
  stop_pid_file "$dir/run/slurmd.pid"
  stop_pid_file "$dir/run/slurmctld.pid"
  stop_pid_file "$dir/run/munged.pid"
}

# Two TCP ports nothing listens on now (bound to 0, read back, released).
free_ports() {
  python3 - <<'EOF'
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets:
    s.bind(("", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))
for s in sockets:
    s.close()
EOF
}

write_config() {
  local ctld_port=$1 slurmd_port=$2 host cpus user
  host=$(hostname -s)
  cpus=$(nproc)
  user=$(id -un)
  # Everything plain: no cgroups (containers rarely allow them), no accounting
  # database, process tracking by /proc; RealMemory far below any machine's.
  cat > "$dir/slurm.conf" <<EOF
ClusterName=edgesim-test
SlurmctldHost=$host
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=$user
SlurmdUser=$user
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$dir/munge/munge.socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/run/slurmctld.pid
SlurmdPidFile=$dir/run/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
PlugStackConfig=$dir/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
MaxArraySize=100001
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=256 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
  : > "$dir/plugstack.conf"
}

start_munged() {
  local waited
  # munged wants its key private to its user.
  head -c 1024 /dev/urandom > "$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
  munged --key-file="$dir/munge/munge.key" --socket="$dir/munge/munge.socket" \
    --pid-file="$dir/run/munged.pid" --log-file="$dir/log/munged.log" \
    --seed-file="$dir/munge/munged.seed" >>"$dir/log/munged.log" 2>&1 ||
    skip "munged did not start"
  for waited in $(seq 1 50); do
    [ -S "$dir/munge/munge.socket" ] && break
    sleep 0.1
  done
  munge -n -S "$dir/munge/munge.socket" | unmunge -S "$dir/munge/munge.socket" >/dev/null 2>&1 ||
    skip "munge cannot encode and decode a credential"
}

start_cluster() {
  local tool ports waited state
  for tool in munged munge unmunge slurmctld slurmd sinfo squeue sbatch scancel python3; do
    command -v "$tool" >/dev/null || skip "'$tool' not found (Debian: apt-get install slurm-wlm munge)"
  done
  [ "$(id -u)" -eq 0 ] || skip "slurmd must run as root to start jobs (running as $(id -un))"
  mkdir -p "$dir"/{munge,run,log,state,spool} || skip "cannot create $dir"
  # Whatever ends start early (a skip, an error, a signal) stops what it began.
  trap stop_cluster EXIT
  # munged insists that every directory above its socket be searchable by all.
  chmod 755 "$dir" "$dir/munge"
  dir=$(cd "$dir" && pwd)
  start_munged
  ports=$(free_ports) || skip "no free TCP port"
  # shellcheck disable=SC2086
  write_config $ports
  export SLURM_CONF="$dir/slurm.conf"
  slurmctld -f "$SLURM_CONF" >>"$dir/log/slurmctld.log" 2>&1 || skip "slurmctld did not start"
  slurmd -f "$SLURM_CONF" >>"$dir/log/slurmd.log" 2>&1 || skip "slurmd did not start"
  for waited in $(seq 1 60); do
    state=$(sinfo -h -o %t 2>/dev/null)
    [ "$state" = idle ] && break
    sleep 0.5
  done
  if [ "$state" != idle ]; then
    skip "the node is not idle after 30 s (sinfo: '${state:-no answer}')"
  fi
  trap - EXIT
  echo "export SLURM_CONF=$SLURM_CONF"
}

case $action in
  start) start_cluster ;;
  stop) stop_cluster ;;
  *) usage ;;
esac
