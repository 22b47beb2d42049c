#!/usr/bin/env bash
# Builds, signs, packs and notarises Advocate Console for macOS:
# dist/Advocate Console.app, then dist/advocate-console-<version>.dmg, notarised and stapled.
# On a Mac with Xcode's command line tools, from the repository root, after
# `python3 -m venv .venv && .venv/bin/pip install -e ".[package]"`:
#
#   APPLE_SIGNING_IDENTITY="Developer ID Application: Example Corp (TEAMID1234)" \
#   APPLE_NOTARY_PROFILE=advocate-notary \
#   packaging/macos/build-dmg.sh
#
# APPLE_SIGNING_IDENTITY  a "Developer ID Application" identity in the keychain (required)
# APPLE_NOTARY_PROFILE    a notarytool keychain profile (xcrun notarytool store-credentials),
#   or APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD (an app-specific password)
# SKIP_NOTARIZE=1         sign and pack only (a local test build)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
identity=${APPLE_SIGNING_IDENTITY:?set APPLE_SIGNING_IDENTITY to a Developer ID Application identity}
entitlements="$here/entitlements.plist"
build="$root/build/macos"
dist="$root/dist"
app="$dist/Advocate Console.app"

version=$("$python" -c 'import advocate_console; print(advocate_console.__version__)')
dmg="$dist/advocate-console-$version.dmg"
mkdir -p "$build" "$dist"

notary_auth=()
if [ -n "${APPLE_NOTARY_PROFILE:-}" ]; then
  notary_auth=(--keychain-profile "$APPLE_NOTARY_PROFILE")
elif [ -n "${APPLE_ID:-}" ]; then
  notary_auth=(--apple-id "$APPLE_ID" --team-id "${APPLE_TEAM_ID:?set APPLE_TEAM_ID}"
    --password "${APPLE_APP_PASSWORD:?set APPLE_APP_PASSWORD}")
elif [ "${SKIP_NOTARIZE:-}" != 1 ]; then
  echo "build-dmg: set APPLE_NOTARY_PROFILE, or APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD" >&2
  exit 2
fi

# 1. The .app: PyInstaller signs every binary inside with the hardened runtime.
"$python" "$root/packaging/icons.py" icns "$build/advocate-console.icns"
ADVOCATE_ICNS="$build/advocate-console.icns" \
  ADVOCATE_CODESIGN_IDENTITY="$identity" \
  ADVOCATE_ENTITLEMENTS="$entitlements" \
  "$python" -m PyInstaller --noconfirm --distpath "$dist" --workpath "$build/pyinstaller" \
  "$root/packaging/advocate-console.spec"

# 2. The bundle itself, last (inside-out signing), then a strict check.
codesign --force --timestamp --options runtime --entitlements "$entitlements" \
  --sign "$identity" "$app"
codesign --verify --deep --strict --verbose=2 "$app"
"$app/Contents/MacOS/advocate-console" --version

# 3. The disk image: the app and a link to /Applications to drag it to.
stage="$build/dmg"
rm -rf "$stage" "$dmg"
mkdir -p "$stage"
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname "Advocate Console" -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
codesign --force --timestamp --sign "$identity" "$dmg"

# 4. Notarise and staple, so Gatekeeper accepts it offline too.
if [ "${SKIP_NOTARIZE:-}" != 1 ]; then
  xcrun notarytool submit "$dmg" "${notary_auth[@]}" --wait
  xcrun stapler staple "$dmg"
  xcrun stapler validate "$dmg"
  spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
echo "$dmg"
