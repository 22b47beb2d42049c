# Builds the Windows installer of Advocate Console: dist\advocate-console-<version>.msi.
# On Windows, from the repository root, with Python 3.11+, the WiX Toolset v4 CLI and
# its Heat tool on PATH (dotnet tool install --global wix; wix extension add -g
# WixToolset.Util.wixext; heat.exe from the WixToolset.Heat package):
#
#   py -3.11 -m venv .venv; .venv\Scripts\pip install -e ".[package]"
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
#
# Sign the .exe and the .msi with signtool before shipping (not done here).
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
$python = Join-Path $root ".venv\Scripts\python.exe"
$build = Join-Path $root "build\windows"
$dist = Join-Path $root "dist"
New-Item -ItemType Directory -Force -Path $build | Out-Null

$version = & $python -c "import advocate_console; print(advocate_console.__version__)"
$icon = Join-Path $build "advocate-console.ico"
& $python (Join-Path $root "packaging\icons.py") ico $icon
$env:ADVOCATE_ICO = $icon
& $python -m PyInstaller --noconfirm --distpath $dist --workpath (Join-Path $build "pyinstaller") `
    (Join-Path $root "packaging\advocate-console.spec")
if ($LASTEXITCODE) { throw "PyInstaller failed" }

$frozen = Join-Path $dist "advocate-console"
$harvest = Join-Path $build "frozen-app.wxs"
& heat.exe dir $frozen -nologo -cg FrozenApp -dr INSTALLFOLDER -ag -srd -sfrag -scom -sreg `
    -var var.FrozenDir -out $harvest
if ($LASTEXITCODE) { throw "heat failed" }

$msi = Join-Path $dist "advocate-console-$version.msi"
& wix build -arch x64 -ext WixToolset.Util.wixext `
    -d Version=$version -d IconFile=$icon -d FrozenDir=$frozen -d ScriptDir=$PSScriptRoot `
    (Join-Path $PSScriptRoot "advocate-console.wxs") $harvest -o $msi
if ($LASTEXITCODE) { throw "wix build failed" }
Write-Output $msi
