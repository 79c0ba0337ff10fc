#!/usr/bin/env sh
# Install the Linux one-folder build for the current user (no root):
#   packaging/linux/install.sh [dist/antq-desktop]
# copies it to ~/.local/lib/antq-desktop, links antq-desktop and antq into ~/.local/bin, and adds
# the menu entry and icon. The data folder (~/.local/share/ANTQ Desktop) is never touched.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/../../dist/antq-desktop}"
prefix="${XDG_DATA_HOME:-$HOME/.local/share}"
lib="$HOME/.local/lib/antq-desktop"
[ -x "$src/antq-desktop" ] || { echo "no build in $src: run pyinstaller packaging/antq.spec first" >&2; exit 1; }
rm -rf "$lib" && mkdir -p "$lib" "$HOME/.local/bin" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps" "$prefix/icons/hicolor/scalable/apps"
cp -a "$src/." "$lib/"
ln -sf "$lib/antq-desktop" "$HOME/.local/bin/antq-desktop"
ln -sf "$lib/antq" "$HOME/.local/bin/antq"
sed "s|^Exec=antq-desktop|Exec=$lib/antq-desktop|" "$here/antq-desktop.desktop" > "$prefix/applications/antq-desktop.desktop"
cp "$here/../icons/antq-desktop.png" "$prefix/icons/hicolor/256x256/apps/antq-desktop.png"
cp "$here/../icons/antq-desktop.svg" "$prefix/icons/hicolor/scalable/apps/antq-desktop.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$prefix/applications" || true
echo "installed in $lib; start it from the menu or with: antq-desktop"
