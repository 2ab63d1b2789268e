#!/bin/sh
# Installs cx2fa from this unpacked tarball under a prefix, without root: the binary, its man
# pages, the bash/zsh/fish completions, the README and the licences. Run it again with
# --uninstall (from this directory, or from the same tarball unpacked again) to remove exactly
# those files and the directories that they leave empty; nothing else is touched and nothing is
# recorded elsewhere.
#
# Usage: ./install.sh [--prefix DIR] [--uninstall]
#   DIR defaults to ~/.local (to /usr/local for root). DIR/bin must be on PATH; a shell then
#   finds the man pages (DIR/share/man) and bash the completion (DIR/share/bash-completion) by
#   itself. zsh needs DIR/share/zsh/site-functions in $fpath; fish reads
#   ~/.local/share/fish/vendor_completions.d, or DIR/share/fish/vendor_completions.d when DIR/share
#   is in $XDG_DATA_DIRS.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then prefix=/usr/local; else prefix=${HOME:?HOME is not set}/.local; fi
action=install
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || { echo "error: --prefix needs a directory" >&2; exit 2; }; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "error: unknown argument \`$1\` (try --help)" >&2; exit 2 ;;
  esac
done
case $prefix in /*) ;; *) prefix=$(pwd)/$prefix ;; esac

# One line per file: its place in this directory, then its place under the prefix.
files() {
  echo "bin/cx2fa bin/cx2fa"
  for m in "$here"/share/man/man1/*.1; do
    echo "share/man/man1/${m##*/} share/man/man1/${m##*/}"
  done
  echo "share/bash-completion/completions/cx2fa share/bash-completion/completions/cx2fa"
  echo "share/zsh/site-functions/_cx2fa share/zsh/site-functions/_cx2fa"
  echo "share/fish/vendor_completions.d/cx2fa.fish share/fish/vendor_completions.d/cx2fa.fish"
  for d in README.md LICENSE-MIT LICENSE-APACHE; do echo "$d share/doc/cx2fa/$d"; done
}

if [ "$action" = install ]; then
  [ -f "$here/bin/cx2fa" ] || { echo "error: run install.sh from the unpacked tarball" >&2; exit 1; }
  files | while read -r src dest; do
    mode=644
    [ "$src" = bin/cx2fa ] && mode=755
    mkdir -p "$prefix/${dest%/*}"
    # Copy beside, then rename: a running cx2fa keeps its old file, and no half-written one shows.
    cp "$here/$src" "$prefix/$dest.new"
    chmod "$mode" "$prefix/$dest.new"
    mv -f "$prefix/$dest.new" "$prefix/$dest"
  done
  echo "installed cx2fa $("$prefix/bin/cx2fa" --version | sed 's/^cx2fa //') under $prefix"
  case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "hint: add \`$prefix/bin\` to PATH (e.g. in ~/.profile): export PATH=\"$prefix/bin:\$PATH\"" ;;
  esac
else
  files | while read -r src dest; do rm -f "$prefix/$dest"; done
  # The directories the files lived in, deepest first, removed only when nothing else is there.
  files | while read -r src dest; do
    d=${dest%/*}
    while [ "$d" != "$dest" ] && [ -n "$d" ]; do
      echo "$d"
      case $d in */*) d=${d%/*} ;; *) d= ;; esac
    done
  done | sort -ru | while read -r d; do rmdir "$prefix/$d" 2>/dev/null || true; done
  echo "removed cx2fa from $prefix"
fi
