# Generates the module's MAML help (src/Rmq.PowerShell/en-US/Rmq.PowerShell.dll-Help.xml) from
# src/Rmq.PowerShell/help/Rmq.Help.psd1 (synopsis, description, examples) and the built cmdlets'
# metadata (parameters, HelpMessage, pipeline input, output types). Run after changing either:
#   dotnet pwsh -NoProfile -File pwsh/build/New-RmqHelp.ps1 [-ModuleDir <bin dir>]
param([string] $ModuleDir = "$PSScriptRoot/../src/Rmq.PowerShell/bin/Release/net10.0")
$ErrorActionPreference = 'Stop'
$src = "$PSScriptRoot/../src/Rmq.PowerShell"
Import-Module (Join-Path $ModuleDir 'Rmq.psd1') -Force
$text = Import-PowerShellDataFile "$src/help/Rmq.Help.psd1"
$common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$cmd = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$path = "$src/en-US/Rmq.PowerShell.dll-Help.xml"
$w = [System.Xml.XmlWriter]::Create($path, $settings)
function Para([string] $t) { $w.WriteStartElement('maml', 'description', $maml); $w.WriteElementString('para', $maml, $t); $w.WriteEndElement() }
function PipelineInput($attrs) {
    $kinds = @(); if ($attrs.ValueFromPipeline -contains $true) { $kinds += 'ByValue' }; if ($attrs.ValueFromPipelineByPropertyName -contains $true) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}
function WriteParameter($p, $attr, [bool] $full) {
    $w.WriteStartElement('command', 'parameter', $cmd)
    $w.WriteAttributeString('required', ([string]$attr.Mandatory).ToLower())
    $w.WriteAttributeString('position', $(if ($attr.Position -ge 0) { [string]$attr.Position } else { 'named' }))
    $w.WriteAttributeString('pipelineInput', (PipelineInput $attr))
    $w.WriteAttributeString('globbing', ([string][bool]($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })).ToLower())
    $w.WriteElementString('name', $maml, $p.Name)
    if ($full) { Para ($(if ($attr.HelpMessage) { $attr.HelpMessage } else { "See Get-Help about_CommonParameters." })) }
    if ($p.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $w.WriteStartElement('command', 'parameterValue', $cmd); $w.WriteAttributeString('required', 'true'); $w.WriteString($p.ParameterType.Name); $w.WriteEndElement()
    }
    if ($full) { $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('name', $maml, $p.ParameterType.FullName); $w.WriteEndElement() }
    $w.WriteEndElement()
}

$w.WriteStartDocument()
$w.WriteStartElement('helpItems', 'http://msh'); $w.WriteAttributeString('schema', 'maml')
foreach ($name in (Get-Module Rmq).ExportedCmdlets.Keys | Sort-Object) {
    $c = Get-Command $name
    $h = $text[$name]
    if (-not $h) { throw "no help text for $name in Rmq.Help.psd1" }
    $w.WriteStartElement('command', 'command', $cmd)
    $w.WriteAttributeString('xmlns', 'maml', $null, $maml); $w.WriteAttributeString('xmlns', 'command', $null, $cmd); $w.WriteAttributeString('xmlns', 'dev', $null, $dev)
    $w.WriteStartElement('command', 'details', $cmd)
    $w.WriteElementString('name', $cmd, $name); $w.WriteElementString('verb', $cmd, $c.Verb); $w.WriteElementString('noun', $cmd, $c.Noun)
    Para $h.Synopsis
    $w.WriteEndElement()
    Para $h.Description
    $w.WriteStartElement('command', 'syntax', $cmd)
    foreach ($set in $c.ParameterSets) {
        $w.WriteStartElement('command', 'syntaxItem', $cmd); $w.WriteElementString('name', $maml, $name)
        foreach ($sp in $set.Parameters | Where-Object Name -notin $common) {
            $p = $c.Parameters[$sp.Name]
            $attr = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and ($_.ParameterSetName -eq $set.Name -or $_.ParameterSetName -eq '__AllParameterSets') } | Select-Object -First 1
            WriteParameter $p $attr $false
        }
        foreach ($sp in $set.Parameters | Where-Object Name -in 'WhatIf', 'Confirm') { $w.WriteStartElement('command', 'parameter', $cmd); $w.WriteAttributeString('required', 'false'); $w.WriteElementString('name', $maml, $sp.Name); $w.WriteEndElement() }
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'parameters', $cmd)
    foreach ($p in $c.Parameters.Values | Where-Object Name -notin $common | Sort-Object Name) {
        $attr = $p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
        WriteParameter $p $attr $true
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'returnValues', $cmd)
    foreach ($t in $c.OutputType) {
        $w.WriteStartElement('command', 'returnValue', $cmd); $w.WriteStartElement('dev', 'type', $dev); $w.WriteElementString('name', $maml, $t.Name); $w.WriteEndElement(); $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteStartElement('command', 'examples', $cmd)
    $i = 0
    foreach ($e in $h.Examples) {
        $i++
        $w.WriteStartElement('command', 'example', $cmd)
        $w.WriteElementString('title', $maml, "-------------------------- Example $i --------------------------")
        $w.WriteElementString('code', $dev, $e.Code)
        $w.WriteStartElement('dev', 'remarks', $dev); $w.WriteElementString('para', $maml, $e.Remarks); $w.WriteEndElement()
        $w.WriteEndElement()
    }
    $w.WriteEndElement()
    $w.WriteEndElement()
}
$w.WriteEndElement()
$w.WriteEndDocument()
$w.Dispose()
"wrote $path"
