#!/usr/bin/env bash
# Install the Debian packages the tests need, only those missing.
# tesseract-ocr: OCR of scanned PDF pages (the tests OCR a real scanned page).
# postgresql: the register tests start a throwaway server (initdb + pg_ctl on 127.0.0.1).
# chromium: the app's browser test drives it with Playwright (never `playwright install`).
set -euo pipefail
missing=()
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract-ocr tesseract-ocr-eng)
command -v initdb >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
  || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "installing system packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
