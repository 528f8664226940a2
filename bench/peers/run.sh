#!/usr/bin/env bash
# The peers of `sectar bench`: the same networks in PyTorch, the same physics scenes in Box2D C++.
# Installs what they need from the package registries (torch into bench/peers/.venv with pip; Debian's
# libbox2d-dev and g++ with apt-get), then prints JSON lines with the keys of `sectar bench`'s lines.
#
#   bench/peers/run.sh [nn|physics|all] [options]     the peers alone (default: all)
#       nn:      --preset cpu|paper|all (default cpu, as sectar bench nn), --threads N (default 2)
#       physics: --scene pointmass|block|wheeled|swimmer|all, --scene-steps N, --repeats N
#   bench/peers/run.sh compare [nn|physics|all] [--rounds N] [--preset cpu|paper|all] [--peer-threads 1,2]
#       sectar and its peer alternately (sectar, peer, sectar, peer, ...: N rounds, default 2), PyTorch once
#       per thread count of --peer-threads (sectar's networks use 2 threads; under load 1 is PyTorch's
#       better figure), every line tagged with "impl", "round" and the 1-minute load average "load1" when
#       it was printed. Sectar is experiments/target/sectar.jar (build it first). PyTorch's OpenMP threads
#       wait passively unless OMP_WAIT_POLICY is set. Output of the installs goes to stderr.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
venv="$here/.venv"
build="$here/target"
jar="$root/experiments/target/sectar.jar"

die() { echo "error: $*" >&2; exit 2; }
say() { echo "peers: $*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "need root to run: $* (install it yourself, then rerun)"
    fi
}

apt_install() { # packages...
    say "apt-get install $*"
    as_root apt-get install -y -q "$@" >&2 || { as_root apt-get update -q >&2 && as_root apt-get install -y -q "$@" >&2; }
}

setup_torch() {
    if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import torch' 2>/dev/null; then return; fi
    local python=${PYTHON:-python3}
    command -v "$python" >/dev/null || die "no $python on PATH (set PYTHON to a Python 3 interpreter)"
    if ! "$python" -m venv "$venv" >&2; then
        apt_install python3-venv
        "$python" -m venv "$venv" >&2
    fi
    say "pip install -r requirements.txt into $venv"
    "$venv/bin/pip" install -q -r "$here/requirements.txt" >&2
}

box2d_version() { dpkg-query -W -f='${Version}' libbox2d-dev 2>/dev/null || echo unknown; }

setup_box2d() {
    if ! dpkg-query -W -f='${Status}' libbox2d-dev 2>/dev/null | grep -q 'install ok installed'; then apt_install libbox2d-dev; fi
    command -v g++ >/dev/null || apt_install g++
    local bin="$build/scenes_box2d" src="$here/scenes_box2d.cpp"
    if [ ! -x "$bin" ] || [ "$src" -nt "$bin" ]; then
        mkdir -p "$build"
        say "g++ -O2 scenes_box2d.cpp -lbox2d"
        g++ -O2 -std=c++17 -DBOX2D_PACKAGE="\"$(box2d_version)\"" "$src" -lbox2d -o "$bin"
    fi
}

# OpenMP threads that wait by spinning (libgomp's default) stall when other jobs hold the cores: on a
# loaded 2-core machine a paper-preset planning call took 43 s on 2 spinning threads and 2 s on one. Sectar's
# helper thread waits blocked, so PyTorch's threads wait passively too unless OMP_WAIT_POLICY says otherwise.
peer_nn() { setup_torch; OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE} "$venv/bin/python" "$here/nn_torch.py" "$@"; }
peer_physics() { setup_box2d; "$build/scenes_box2d" "$@"; }

sectar() {
    [ -f "$jar" ] || die "no $jar: build it first (mvn -B -ntp -q -DskipTests package in $root)"
    java -jar "$jar" bench "$@"
}

# Appends "impl" (when the line has none), "round" and "load1" to every JSON line; other output to stderr.
tag() { # impl round
    local line load extra
    while IFS= read -r line; do
        case $line in
            '{'*'}') ;;
            *) printf '%s\n' "$line" >&2; continue ;;
        esac
        read -r load _ </proc/loadavg
        extra="\"round\":$2,\"load1\":$load"
        [[ $line == *'"impl":'* ]] || extra="\"impl\":\"$1\",$extra"
        printf '%s,%s}\n' "${line%\}}" "$extra"
    done
}

machine() {
    local cpu commit java gxx torch
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
    git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
    java=$(java -version 2>&1 | head -1 | sed 's/"//g')
    gxx=$(g++ -dumpfullversion 2>/dev/null || echo none)
    torch=$("$venv/bin/python" -c 'import warnings; warnings.simplefilter("ignore"); import torch; print(torch.__version__)' 2>/dev/null || echo none)
    printf '{"bench":"machine","date":"%s","cpu":"%s","cores":%d,"mem_gib":%d,"commit":"%s","java":"%s","torch":"%s","box2d_package":"%s","gxx":"%s","OPENBLAS_CORETYPE":"%s"}\n' \
        "$(date -u +%FT%TZ)" "$cpu" "$(nproc)" "$(($(sed -n 's/^MemTotal:[[:space:]]*\([0-9]*\).*/\1/p' /proc/meminfo) / 1048576))" \
        "$commit" "$java" "$torch" "$(box2d_version)" "$gxx" "${OPENBLAS_CORETYPE:-}"
}

compare() {
    local what=all rounds=2 presets=(cpu paper) threads=(1 2) r p t
    while [ $# -gt 0 ]; do
        case $1 in
            nn|physics|all) what=$1; shift ;;
            --rounds) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "--rounds must be an integer >= 1, got '${2:-}'"; rounds=$2; shift 2 ;;
            --preset)
                case ${2:-} in
                    cpu|paper) presets=("$2") ;;
                    all) presets=(cpu paper) ;;
                    *) die "--preset must be cpu, paper or all, got '${2:-}'" ;;
                esac
                shift 2 ;;
            --peer-threads)
                [[ ${2:-} =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "--peer-threads must be a list like 1,2, got '${2:-}'"
                IFS=, read -r -a threads <<<"$2"
                shift 2 ;;
            *) die "unknown argument '$1' to compare; expected nn|physics|all, --rounds N, --preset cpu|paper|all, --peer-threads 1,2" ;;
        esac
    done
    [ -f "$jar" ] || die "no $jar: build it first (mvn -B -ntp -q -DskipTests package in $root)"
    if [ "$what" != physics ]; then setup_torch; fi
    if [ "$what" != nn ]; then setup_box2d; fi
    machine
    for ((r = 1; r <= rounds; r++)); do
        if [ "$what" != physics ]; then
            for p in "${presets[@]}"; do
                say "round $r: sectar bench nn --preset $p"
                sectar nn --preset "$p" | tag sectar "$r"
                for t in "${threads[@]}"; do
                    say "round $r: nn_torch.py --preset $p --threads $t"
                    peer_nn --preset "$p" --threads "$t" | tag pytorch "$r"
                done
            done
        fi
        if [ "$what" != nn ]; then
            say "round $r: sectar bench env --scene-only"
            sectar env --scene-only | tag sectar "$r"
            say "round $r: scenes_box2d"
            peer_physics | tag box2d "$r"
        fi
    done
}

mode=${1:-all}
[ $# -gt 0 ] && shift
case $mode in
    nn) peer_nn "$@" ;;
    physics) peer_physics "$@" ;;
    all)
        [ $# -eq 0 ] || die "all takes no options; run nn or physics with options instead"
        peer_nn --preset all
        peer_physics ;;
    compare) compare "$@" ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown mode '$mode'; expected nn, physics, all or compare" ;;
esac
