#!/usr/bin/env bash
# Add the app to this user's application menu (Linux desktops following the XDG specs: GNOME, KDE,
# Xfce...): the icons into the hicolor theme and the .desktop file pointing at the bundle folder.
#   installer/linux/install-desktop-entry.sh /opt/oroshi-desktop   # the folder installer/build.sh made
#   /opt/oroshi-desktop/install-desktop-entry.sh                    # the copy build.sh puts in that folder
#   installer/linux/install-desktop-entry.sh --uninstall
# Per user (~/.local/share, or $XDG_DATA_HOME); no root needed. Run it again after moving the folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
icons="$here/../../resources/icons"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
sizes="16 24 32 48 64 128 256"

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$data/applications/oroshi-desktop.desktop"
  for size in $sizes; do rm -f "$data/icons/hicolor/${size}x${size}/apps/oroshi-desktop.png"; done
  rm -f "$data/icons/hicolor/scalable/apps/oroshi-desktop.svg"
  echo "removed the menu entry"
  exit 0
fi

# Run from inside the bundle folder (build.sh copies this script and the .desktop file there), the
# folder is the bundle; otherwise give it.
if [ -z "${1:-}" ] && [ -x "$here/oroshi-desktop-window" ]; then set -- "$here"; fi
bundle="${1:?usage: install-desktop-entry.sh BUNDLE_FOLDER | --uninstall}"
bundle="$(cd "$bundle" && pwd)"
program="$bundle/oroshi-desktop-window"
[ -x "$program" ] || { echo "no $program: give the folder installer/build.sh made" >&2; exit 1; }
# In the bundle the icons are under _internal/resources/icons; in a source tree, beside this script.
[ -d "$bundle/_internal/resources/icons" ] && icons="$bundle/_internal/resources/icons"

for size in $sizes; do
  install -D -m 644 "$icons/oroshi-desktop-$size.png" "$data/icons/hicolor/${size}x${size}/apps/oroshi-desktop.png"
done
install -D -m 644 "$icons/oroshi-desktop.svg" "$data/icons/hicolor/scalable/apps/oroshi-desktop.svg"

# The .desktop file's Exec takes a quoted absolute path (the folder may hold spaces).
mkdir -p "$data/applications"
entry="$data/applications/oroshi-desktop.desktop"
escaped=${program//\\/\\\\\\\\}
escaped=${escaped//\"/\\\\\"}
sed -e "s|^Exec=.*|Exec=\"$escaped\"|" -e "s|^TryExec=.*|TryExec=$program|" \
  "$here/oroshi-desktop.desktop" > "$entry"
if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$entry"; fi
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "menu entry: $entry"
