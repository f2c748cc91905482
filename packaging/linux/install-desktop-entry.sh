#!/usr/bin/env bash
# Put CaseDesk into the desktop's application menu for this user (no root needed):
#   bash packaging/linux/install-desktop-entry.sh [PATH/TO/casedesk]
# Default program: .venv/bin/casedesk of this checkout (the README's quick start). Installs the
# .desktop entry, the AppStream metadata and the icons under ~/.local/share.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
exe="$(realpath "${1:-$root/.venv/bin/casedesk}")"
[ -x "$exe" ] || { echo "no casedesk program at $exe (run the README's quick start first)" >&2; exit 1; }
id=org.casedesk.CaseDesk
share="${XDG_DATA_HOME:-$HOME/.local/share}"
mkdir -p "$share/applications" "$share/metainfo"
sed "s|^Exec=casedesk|Exec=$exe|; s|^TryExec=casedesk|TryExec=$exe|" "$here/$id.desktop" \
  > "$share/applications/$id.desktop"
cp "$here/$id.metainfo.xml" "$share/metainfo/"
for png in "$root"/app/resources/icons/casedesk-*.png; do
  size="${png##*-}"; size="${size%.png}"
  mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$share/icons/hicolor/${size}x${size}/apps/$id.png"
done
mkdir -p "$share/icons/hicolor/scalable/apps"
cp "$root/app/resources/icons/casedesk.svg" "$share/icons/hicolor/scalable/apps/$id.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "installed $id for $exe"
