# The module as a package: manifest, exports, declared output types, ShouldProcess, help and formats.
BeforeDiscovery {
    # Discovery-time data: the -ForEach lists below expand into one test per cmdlet.
    $script:Expected = @(
        'Get-RmqCluster', 'Get-RmqBroker', 'Get-RmqTopic', 'New-RmqTopic', 'Remove-RmqTopic', 'Get-RmqTopicRoute',
        'Get-RmqConsumerGroup', 'Get-RmqConsumerProgress', 'Set-RmqBrokerWritePerm', 'Disable-RmqBrokerWrite',
        'Enable-RmqBrokerWrite', 'Wait-RmqBrokerDrained', 'Get-RmqBrokerConfig', 'Set-RmqBrokerConfig',
        'Get-RmqReplicationStatus', 'New-RmqClusterConfig', 'Test-RmqClusterConfig', 'Send-RmqMessage',
        'Receive-RmqMessage', 'Invoke-RmqRollingRestart')
    $script:Changing = @('New-RmqTopic', 'Remove-RmqTopic', 'Set-RmqBrokerWritePerm', 'Disable-RmqBrokerWrite', 'Enable-RmqBrokerWrite',
        'Set-RmqBrokerConfig', 'New-RmqClusterConfig', 'Send-RmqMessage', 'Invoke-RmqRollingRestart')
    $script:Targeted = $Expected | Where-Object { $_ -notin 'New-RmqClusterConfig', 'Test-RmqClusterConfig' }
}

BeforeAll {
    $script:ModuleDir = $env:RMQ_MODULE_DIR
    Import-Module (Join-Path $ModuleDir 'Rmq.psd1') -Force
    $script:ExpectedNames = @(
        'Get-RmqCluster', 'Get-RmqBroker', 'Get-RmqTopic', 'New-RmqTopic', 'Remove-RmqTopic', 'Get-RmqTopicRoute',
        'Get-RmqConsumerGroup', 'Get-RmqConsumerProgress', 'Set-RmqBrokerWritePerm', 'Disable-RmqBrokerWrite',
        'Enable-RmqBrokerWrite', 'Wait-RmqBrokerDrained', 'Get-RmqBrokerConfig', 'Set-RmqBrokerConfig',
        'Get-RmqReplicationStatus', 'New-RmqClusterConfig', 'Test-RmqClusterConfig', 'Send-RmqMessage',
        'Receive-RmqMessage', 'Invoke-RmqRollingRestart')
}

Describe 'Module Rmq' {
    It 'imports as a binary module for PowerShell Core 7.6' {
        $m = Get-Module Rmq
        $m.ModuleType | Should -Be 'Binary'
        $m.Version | Should -Be ([version]'0.1.0')
        $m.PowerShellVersion | Should -Be ([version]'7.6')
        $m.CompatiblePSEditions | Should -Be @('Core')
    }

    It 'exports exactly the documented cmdlets and the Set-BrokerWritePerm alias' {
        $m = Get-Module Rmq
        @($m.ExportedCmdlets.Keys | Sort-Object) | Should -Be @($ExpectedNames | Sort-Object)
        @($m.ExportedAliases.Keys) | Should -Be @('Set-BrokerWritePerm')
        (Get-Alias Set-BrokerWritePerm).ResolvedCommandName | Should -Be 'Set-RmqBrokerWritePerm'
        $m.ExportedFunctions.Count | Should -Be 0
    }

    It 'lists cmdlets and alias explicitly in the manifest (no wildcards)' {
        $manifest = Import-PowerShellDataFile (Join-Path $ModuleDir 'Rmq.psd1')
        $manifest.CmdletsToExport | Should -Not -Contain '*'
        @($manifest.CmdletsToExport | Sort-Object) | Should -Be @($ExpectedNames | Sort-Object)
        $manifest.AliasesToExport | Should -Be @('Set-BrokerWritePerm')
    }

    It '<_> uses an approved verb and the Rmq noun prefix' -ForEach $Expected {
        $c = Get-Command $_
        (Get-Verb $c.Verb) | Should -Not -BeNullOrEmpty
        $c.Noun | Should -BeLike 'Rmq*'
    }

    It '<_> declares an output type that has a table view' -ForEach $Expected {
        $types = (Get-Command $_).OutputType.Type | Where-Object { $_ -ne [bool] }
        $types | Should -Not -BeNullOrEmpty
        foreach ($t in $types) {
            Get-FormatData -TypeName $t.FullName | Should -Not -BeNullOrEmpty -Because "$($t.FullName) needs a view"
        }
    }

    It '<_> supports -WhatIf and -Confirm' -ForEach $Changing {
        $p = (Get-Command $_).Parameters
        $p.Keys | Should -Contain 'WhatIf'
        $p.Keys | Should -Contain 'Confirm'
    }

    It '<_> has ConfirmImpact High' -ForEach @('Remove-RmqTopic', 'Disable-RmqBrokerWrite', 'Invoke-RmqRollingRestart') {
        $type = (Get-Command $_).ImplementingType
        $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0].ConfirmImpact | Should -Be 'High'
    }

    It '<_> has -PassThru' -ForEach @('New-RmqTopic', 'Remove-RmqTopic', 'Set-RmqBrokerWritePerm', 'Disable-RmqBrokerWrite', 'Enable-RmqBrokerWrite', 'Set-RmqBrokerConfig') {
        (Get-Command $_).Parameters.Keys | Should -Contain 'PassThru'
    }

    It '<_> binds -NameServer as string[] from the pipeline by property name' -ForEach $Targeted {
        $p = (Get-Command $_).Parameters['NameServer']
        $p.ParameterType | Should -Be ([string[]])
        $p.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It '<_> has help with a synopsis, parameter help and an example' -ForEach $Expected {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeLike "$_*"   # not the generated syntax placeholder
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        $codes = @($help.Examples.Example.Code) -join "`n"
        $names = @($_) + @(Get-Alias -Definition $_ -ErrorAction SilentlyContinue | ForEach-Object Name)
        @($names | Where-Object { $codes -like "*$_*" }) | Should -Not -BeNullOrEmpty -Because 'an example shows the cmdlet (or its alias)'
    }

    It '<_> has a HelpMessage on every parameter and the help file documents each (regenerate with build/New-RmqHelp.ps1)' -ForEach $Expected {
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        $own = (Get-Command $_).Parameters.Values | Where-Object Name -notin $common
        foreach ($p in $own) {
            $p.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] })[0].HelpMessage | Should -Not -BeNullOrEmpty -Because "$($p.Name) needs a HelpMessage"
        }
        $documented = @((Get-Help $_ -Full).parameters.parameter.name)
        foreach ($p in $own) { $documented | Should -Contain $p.Name }
    }

    It 'Get-Help Get-RmqBroker -Examples shows an example' {
        $text = Get-Help Get-RmqBroker -Examples | Out-String
        $text | Should -Match 'EXAMPLE 1|Example 1'
        $text | Should -Match 'Get-RmqBroker'
    }
}

Describe 'Cluster config scaffolding' {
    BeforeAll { $script:Root = Join-Path ([System.IO.Path]::GetTempPath()) ("rmq-pester-conf-" + [guid]::NewGuid().ToString('n').Substring(0, 8)) }
    AfterAll { if (Test-Path $Root) { Remove-Item -Recurse -Force $Root } }

    It 'New-RmqClusterConfig -WhatIf writes nothing' {
        New-RmqClusterConfig 2m-2s-async -Path (Join-Path $Root 'whatif') -WhatIf | Should -BeNullOrEmpty
        Test-Path (Join-Path $Root 'whatif') | Should -BeFalse
    }

    It 'writes a 2m-2s-async set that Test-RmqClusterConfig finds valid, through the pipeline' {
        $files = New-RmqClusterConfig 2m-2s-async -Path (Join-Path $Root 'set') -NameServer '10.0.0.1:9876;10.0.0.2:9876' -Cluster Pester
        $files | Should -HaveCount 4
        $files[0] | Should -BeOfType Rmq.PowerShell.Models.RmqClusterConfigFile
        (Get-Content $files[0].Path -Raw) | Should -Match 'namesrvAddr=10.0.0.1:9876;10.0.0.2:9876'
        $report = $files | Test-RmqClusterConfig
        $report | Should -BeOfType Rmq.PowerShell.Models.RmqClusterConfigReport
        $report.IsValid | Should -BeTrue
        $report.Files | Should -HaveCount 4
        $files | Test-RmqClusterConfig -Quiet | Should -BeTrue
    }

    It 'keeps existing files without -Force, with an Rmq.ConfigExists error each' {
        $out = New-RmqClusterConfig 2m-2s-async -Path (Join-Path $Root 'set') -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs | Should -HaveCount 4
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.ConfigExists,*'
    }

    It 'Test-RmqClusterConfig reports two masters with the same name and port' {
        $dir = Join-Path $Root 'bad'
        New-Item -ItemType Directory $dir | Out-Null
        foreach ($n in 'a', 'b') {
            Set-Content (Join-Path $dir "broker-$n.properties") @('brokerClusterName=C', 'brokerName=broker-a', 'brokerId=0', 'listenPort=10911', "storePathRootDir=/tmp/x", 'brokerRole=ASYNC_MASTER')
        }
        $report = Test-RmqClusterConfig $dir
        $report.IsValid | Should -BeFalse
        $report.ErrorCount | Should -BeGreaterThan 0
        Test-RmqClusterConfig $dir -Quiet | Should -BeFalse
    }
}
