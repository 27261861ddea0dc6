# Runs every *.Tests.ps1 here with Pester 5 (from the NuGet package, see pwsh/build/PesterDownload.csproj).
# Exit code = number of failed tests; the last line is "N passed, N failed". Test results: pwsh/artifacts/pester.xml (NUnit).
param([string[]] $Path = @($PSScriptRoot), [string] $Output = 'Detailed')
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module "$PSScriptRoot/../.tools/packages/pester/5.7.1/tools/Pester.psd1" -Force
$c = New-PesterConfiguration
$c.Run.Path = $Path
$c.Run.PassThru = $true
$c.Output.Verbosity = $Output
$c.TestResult.Enabled = $true
$c.TestResult.OutputFormat = 'NUnitXml'
$c.TestResult.OutputPath = "$PSScriptRoot/../artifacts/pester.xml"
$r = Invoke-Pester -Configuration $c
$failed = $r.FailedCount + $r.FailedBlocksCount + $r.FailedContainersCount
"$($r.PassedCount) passed, $failed failed"
exit $failed
