#!/usr/bin/env bash
# Developer entry point used by the README's Quick start and by .ci/run.
#   installer/dev.sh start   start the app (embedded demo database when nothing is configured)
#   installer/dev.sh test    ruff, the import contracts, mypy, then the whole test suite (SQLite, a
#                            throwaway PostgreSQL, SMTP, Qt offscreen) at the pinned instant of
#                            tests/helpers/clock.py (TESTS_NOW=… to choose another)
#   installer/dev.sh test-dates  the date-sensitive tests (marker `calendar`) again on four other dates
#   installer/dev.sh venv    only make .venv from the lock (installer/build.sh uses it for the bundle)
# Both create .venv when it is missing or older than pyproject.toml, and install the Debian
# packages a fresh machine lacks when run as root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
venv="$here/.venv"
python="${PYTHON:-python3}"

# What Qt (offscreen and xcb), the PDF checks and the queue tests need beyond a fresh machine.
system_packages=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libcups2
  poppler-utils poppler-data redis-server xvfb xauth
  binutils dbus-daemon dbus-bin gnome-keyring  # the bundle build (objdump) and its keyring check
  trayer  # a tray host on Xvfb, so the tray tests run instead of skipping
  cups printer-driver-cups-pdf  # a private CUPS queue: printing sends the PDF itself (test_printing)
  libreoffice-calc-nogui  # reads exported .xlsx lists back (test_list_export)
  xdotool  # walks the window with the keyboard only under Xvfb (docs/manual)
  postgresql  # the suite starts its own clusters (tests/helpers/pgserver.py) from its binaries
  postfix dovecot-imapd)  # a real mail system for the bounce tests (started by the suite in a temp folder)

ensure_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  local missing=()
  for pkg in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "installing system packages: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    # Postfix asks what kind of mail system it is: a local-only one (the tests run their own instance).
    if command -v debconf-set-selections >/dev/null 2>&1; then
      printf '%s\n' "postfix postfix/main_mailer_type select Local only" \
        "postfix postfix/mailname string localhost" | debconf-set-selections
    fi
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "warning: missing system packages (install them with apt-get): ${missing[*]}" >&2
  fi
}

ensure_venv() {
  local stamp="$venv/.installed"
  if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
  fi
  local lock="$here/installer/requirements.lock"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ "$lock" -nt "$stamp" ]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    # Exactly the locked set, every file checked against its hash; then the app itself on top.
    "$venv/bin/python" -m pip install -q --require-hashes -r "$lock"
    "$venv/bin/python" -m pip install -q --no-deps -e .
    touch "$stamp"
  fi
}

case "${1:-}" in
  start)
    shift
    ensure_system_packages
    ensure_venv
    exec "$venv/bin/oroshi-desktop" "$@"
    ;;
  test)
    shift
    ensure_system_packages
    ensure_venv
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    "$venv/bin/ruff" check .
    "$venv/bin/lint-imports" --no-cache --no-logo  # the import contracts of pyproject.toml
    # The type hints, checked on every product package ([tool.mypy] in pyproject.toml): 0 errors.
    "$venv/bin/mypy"
    exec "$venv/bin/python" -m pytest -q "$@"
    ;;
  test-dates)
    # The tests marked `calendar` again, each time at another instant (tests/helpers/clock.py):
    # the 16th (the second half month), a month's last day, New Year's Eve late in Tokyo (the date
    # changes during the run) and a leap day. The whole suite already ran at the pinned default.
    shift
    ensure_system_packages
    ensure_venv
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
    dates="${TEST_DATES:-2026-12-16T10:00:00+09:00 2027-04-30T17:30:00+09:00 2026-12-31T23:40:00+09:00 2028-02-29T09:00:00+09:00}"
    status=0
    for when in $dates; do
      echo "== tests marked calendar at $when" >&2
      TESTS_NOW="$when" "$venv/bin/python" -m pytest -q -m calendar "$@" || status=1
    done
    exit $status
    ;;
  venv)
    ensure_system_packages
    ensure_venv
    ;;
  *)
    echo "usage: installer/dev.sh start|test|test-dates|venv [args...]" >&2
    exit 2
    ;;
esac
