# Writes Advocate Console's IT-managed settings: %ProgramData%\Advocate Console\settings.toml.
# Run by the MSI (as SYSTEM) when API_URL or CA_BUNDLE is given; IT may run it by hand too.
# Sets the lines  api_url = "..."  and  ca_bundle = "..."  (TOML basic strings, escaped),
# keeps every other line of an existing file (such as locked = [...]), and writes UTF-8
# without a byte-order mark. Only administrators and SYSTEM may change the folder.
param([string]$ApiUrl = "", [string]$CaBundle = "")
$ErrorActionPreference = "Stop"

$folder = Join-Path $env:ProgramData "Advocate Console"
$file = Join-Path $folder "settings.toml"
New-Item -ItemType Directory -Force -Path $folder | Out-Null
# SYSTEM and Administrators: full control; Users: read.
& icacls.exe $folder /inheritance:r /grant:r "*S-1-5-18:(OI)(CI)F" "*S-1-5-32-544:(OI)(CI)F" "*S-1-5-32-545:(OI)(CI)RX" | Out-Null

function ConvertTo-TomlString([string]$text) {
    return '"' + $text.Replace('\', '\\').Replace('"', '\"') + '"'
}

$lines = @()
if (Test-Path -LiteralPath $file) {
    $lines = @([System.IO.File]::ReadAllLines($file))
}

function Set-Setting([string]$key, [string]$value) {
    if (-not $value) { return }
    $line = "$key = $(ConvertTo-TomlString $value)"
    $found = $false
    $script:lines = @($script:lines | ForEach-Object {
        if ($_ -match "^\s*$key\s*=") { $found = $true; $line } else { $_ }
    })
    if (-not $found) { $script:lines += $line }
}

Set-Setting "api_url" $ApiUrl
Set-Setting "ca_bundle" $CaBundle
[System.IO.File]::WriteAllLines($file, [string[]]$script:lines, (New-Object System.Text.UTF8Encoding $false))
