# shellcheck shell=bash disable=SC2034,SC2154
# Helpers of bench/server-bench (sourced): processes, ports, nginx, sign-in, wrk figures, PostgreSQL counters.
# Expects: $work (a temporary folder with logs/ and empty.conf), $server, $duration, an array pids that the
# caller's EXIT trap kills, an associative array figures and, for PostgreSQL, PORTAL_TEST_DATABASE.

free_port() { # a loopback port below the ephemeral range that no socket uses and this run has not handed out
    local port low
    read -r low _ </proc/sys/net/ipv4/ip_local_port_range
    while :; do
        port=$((10000 + RANDOM % (low - 10000)))
        grep -qx "$port" "$work/ports" 2>/dev/null && continue
        [ -z "$(ss -Htan "sport = :$port")" ] || continue
        echo "$port" >>"$work/ports"
        echo "$port"
        return
    done
}

wait_for_port() {
    for _ in $(seq 100); do (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return; sleep 0.1; done
    echo "nothing listens on $1" >&2
    exit 1
}

stop() { # PID...: stops processes that start_server or start_nginx started
    local pid kept=()
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do [[ " $* " == *" $pid "* ]] || kept+=("$pid"); done
    pids=("${kept[@]}")
}

start_server() { # PORT DATA serve-args...: serves DATA on 127.0.0.1:PORT, sets server_pid
    local port=$1 data=$2
    shift 2
    "$server" serve --config "$work/empty.conf" --data "$data" --listen "127.0.0.1:$port" "$@" \
        >>"$work/logs/portal-server-$port.log" 2>&1 &
    server_pid=$!
    pids+=("$!")
    wait_for_port "$port"
}

start_nginx() { # NAME PORT HTTP-BLOCK-LINES: nginx (one worker) listening on PORT, sets nginx_pid
    local dir=$work/nginx-$1
    mkdir -p "$dir"
    cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $work/logs/nginx-$1-error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
$3
}
CONF
    nginx -p "$dir" -e "$work/logs/nginx-$1-error.log" -c "$dir/nginx.conf" &
    nginx_pid=$!
    pids+=("$!")
    wait_for_port "$2"
}

sign_in() { # PORT -> access token of the demo client
    curl -s -X POST "http://127.0.0.1:$1/api/token/" -H 'Content-Type: application/json' \
        -d '{"username":"client_username","password":"client_password"}' |
        sed -n 's/.*"access":"\([^"]*\)".*/\1/p'
}

status_of() { # TOKEN URL [curl args...] -> the HTTP status
    local token=$1 url=$2
    shift 2
    curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$@" "$url"
}

cpu_ticks() { # PID -> user + system clock ticks of the process and its running children (nginx's worker)
    local pid total=0
    for pid in "$1" $(cat "/proc/$1/task/$1/children" 2>/dev/null); do
        total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
    done
    echo "$total"
}

seconds_since() { # TICKS-BEFORE PID -> CPU seconds PID used since
    awk -v now="$(cpu_ticks "$2")" -v then="$1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", (now - then) / hz }'
}

run_wrk() { # ROW "PID..." wrk-args...: into figures[ROW] "req/s p99 non-2xx-or-3xx socket-errors CPU-us/request",
    local row=$1 cpu_pids=$2 out pid ticks=0 # the CPU time being that of the processes PID... (and children)
    shift 2
    for pid in $cpu_pids; do ticks=$((ticks - $(cpu_ticks "$pid"))); done
    out=$(wrk -t1 -c50 -d"${duration}s" --latency "$@")
    for pid in $cpu_pids; do ticks=$((ticks + $(cpu_ticks "$pid"))); done
    echo "$out" >"$work/logs/wrk-$row.txt"
    figures[$row]=$(awk -v ticks="$ticks" -v hz="$(getconf CLK_TCK)" '/^Requests\/sec/ { rps = $2 }
        $1 == "99%" { p99 = $2 } $2 == "requests" { n = $1 } /Non-2xx or 3xx responses/ { bad = $NF }
        /Socket errors/ { gsub(",", ""); errors = $4 + $6 + $8 + $10 }
        END { printf "%s %s %d %d %.0f\n", rps, p99, bad, errors, ticks / hz * 1e6 / n }' <<<"$out")
}

# The database's committed transactions and the cluster's WAL fsyncs; read after the servers stopped, when their
# backends have flushed their statistics (a backend ends just after its client: hence the pause).
pg_counters() { # URL -> "xact_commit wal_sync"
    sleep 0.5
    psql "$1" -qAt -F ' ' -c "SELECT xact_commit, (SELECT wal_sync FROM pg_stat_wal)
        FROM pg_stat_database WHERE datname = current_database()"
}
per_request() { # ROW BEFORE AFTER: appends transactions and WAL fsyncs per request of the run to figures[ROW]
    local requests
    requests=$(awk '$2 == "requests" { print $1 }' "$work/logs/wrk-$1.txt")
    figures[$1]+=$(awk -v n="$requests" -v b="$2" -v a="$3" 'BEGIN { split(b, x, " "); split(a, y, " ")
        printf " %.2f %.2f", (y[1] - x[1]) / n, (y[2] - x[2]) / n }')
}

create_database() { # NAME -> URL of a new database of PORTAL_TEST_DATABASE's cluster
    psql "$PORTAL_TEST_DATABASE" -qAt -v ON_ERROR_STOP=1 -c "CREATE DATABASE $1" >/dev/null
    echo "${PORTAL_TEST_DATABASE%/*}/$1"
}
