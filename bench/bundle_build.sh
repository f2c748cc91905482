#!/usr/bin/env bash
# Build the Linux one-folder bundle (packaging/casedesk.spec) and prove it runs on its own:
# the demo from the bundle into an empty data dir, a screenshot in Chinese, a PDF export.
#   bash bench/bundle_build.sh            # PYTHON=... to pick the interpreter (default: python3)
# Prints build time, bundle size and the bundled program's first start.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
py=${PYTHON:-python3}
out=${BUNDLE_DIR:-$root/build/bundle}
"$py" -m PyInstaller --version >/dev/null 2>&1 || "$py" -m pip install -q "pyinstaller>=6.0"
rm -rf "$out"
start=$(date +%s)
PYTHONPATH="$root" "$py" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$out/dist" --workpath "$out/work" packaging/casedesk.spec
built=$(date +%s)
bundle="$out/dist/casedesk"
echo "build: $((built - start)) s; bundle: $(du -sh "$bundle" | cut -f1) in $(find "$bundle" -type f | wc -l) files"

run=$(mktemp -d)
trap 'rm -rf "$run"' EXIT
cd "$run"  # nothing of the checkout on the path: the bundle must carry everything
env -u PYTHONPATH QT_QPA_PLATFORM=offscreen HOME="$run" "$bundle/casedesk" cli --data-dir "$run/data" demo
s=$(date +%s.%N)
env -u PYTHONPATH QT_QPA_PLATFORM=offscreen HOME="$run" "$bundle/casedesk" --data-dir "$run/data" \
  --lang zh_CN --screenshot "$out/screenshot.png" --size 1280x800
e=$(date +%s.%N)
env -u PYTHONPATH HOME="$run" "$bundle/casedesk" cli --data-dir "$run/data" export-pdf \
  石峰-2023-0117 "$run/a.pdf"
pdftotext -enc UTF-8 "$run/a.pdf" - | grep -q 石峰-2023-0117
echo "bundle start to screenshot: $(echo "$e - $s" | bc) s; screenshot: $out/screenshot.png; PDF export in Chinese: ok"
