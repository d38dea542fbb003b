#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Runs `linkage run` unattended (Windows Task Scheduler, cron) and passes its exit code through.

.DESCRIPTION
    Builds the CLI in Release when the build is missing or older than the sources, then runs
    `linkage run INPUTS --out OUT [--config CONFIG]`. No prompts. With -LogFile, standard output
    and standard error are appended to that file instead of the console.
    Exit codes are linkage's: 0 success, 1 finished with rejects or warnings, 2 usage error,
    3 no usable data or a fatal data error, 4 an output could not be written.

.EXAMPLE
    dotnet tool restore; dotnet pwsh -NoProfile -File run.ps1
.EXAMPLE
    dotnet pwsh -NoProfile -File run.ps1 -Inputs D:\drop -Out D:\linkage-out -Config D:\linkage.json -LogFile D:\linkage.log
#>
[CmdletBinding()]
param(
    [string[]] $Inputs = @((Join-Path $PSScriptRoot 'sample-data')),
    [string] $Out = (Join-Path $PSScriptRoot 'out'),
    [string] $Config,
    [string] $LogFile,
    [string[]] $ExtraArgs = @()
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$project = Join-Path $PSScriptRoot 'src/Linkage.Cli/Linkage.Cli.csproj'
$dll = Join-Path $PSScriptRoot 'src/Linkage.Cli/bin/Release/net10.0/linkage.dll'

function Write-Log([string] $text) {
    if ($LogFile) { Add-Content -LiteralPath $LogFile -Value $text -Encoding utf8 } else { Write-Host $text }
}

# Build only when needed, so a nightly run costs a build only after an update.
$newestSource = Get-ChildItem -Path (Join-Path $PSScriptRoot 'src') -Recurse -File -Include *.cs, *.csproj, *.json |
    Sort-Object LastWriteTimeUtc -Descending | Select-Object -First 1
if (-not (Test-Path $dll) -or (Get-Item $dll).LastWriteTimeUtc -lt $newestSource.LastWriteTimeUtc) {
    $build = & dotnet build $project -c Release --nologo -v quiet 2>&1
    if ($LASTEXITCODE -ne 0) {
        Write-Log ($build | Out-String)
        Write-Log "run.ps1: the build failed (exit $LASTEXITCODE); nothing was run."
        exit 2
    }
}

# linkage replaces the whole output folder on each run and refuses one holding files it did not write,
# so a log file inside it would stop the next night's run.
if ($LogFile) {
    # Resolved against PowerShell's current location (what linkage and *>> use), not the process's.
    $outFull = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Out).TrimEnd([System.IO.Path]::DirectorySeparatorChar) + [System.IO.Path]::DirectorySeparatorChar
    $logFull = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($LogFile)
    $comparison = if ($IsWindows) { [System.StringComparison]::OrdinalIgnoreCase } else { [System.StringComparison]::Ordinal }
    if ($logFull.StartsWith($outFull, $comparison)) {
        Write-Host "run.ps1: -LogFile '$LogFile' is inside -Out '$Out', which linkage replaces on every run; put the log elsewhere."
        exit 2
    }
}

$arguments = @('run') + $Inputs + @('--out', $Out)
if ($Config) { $arguments += @('--config', $Config) }
$arguments += $ExtraArgs

if ($LogFile) {
    & dotnet $dll @arguments *>> $LogFile
} else {
    & dotnet $dll @arguments
}
exit $LASTEXITCODE
