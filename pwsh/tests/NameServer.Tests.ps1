# Cmdlets against two real name servers (rmq namesrv child processes) and brokers registered on them
# through the client library (addresses nobody listens on): binding, chains, -WhatIf, errors, Ctrl+C.
BeforeAll {
    Import-Module (Join-Path $env:RMQ_MODULE_DIR 'Rmq.psd1') -Force
    Import-Module "$PSScriptRoot/RmqTestServers.psm1" -Force
    $script:Ns1 = Start-RmqNameServer
    $script:Ns2 = Start-RmqNameServer
    $script:Both = "$($Ns1.Address);$($Ns2.Address)"
    $script:Dead = "127.0.0.1:$(Get-FreePort)"
    $script:Reg = @(
        Register-FakeBroker -NameServer $Ns1.Address, $Ns2.Address -Cluster PesterC1 -BrokerName fake-a -Topic orders, invoices -Port 1
        Register-FakeBroker -NameServer $Ns1.Address, $Ns2.Address -Cluster PesterC1 -BrokerName fake-b -Topic orders -Port 3
        Register-FakeBroker -NameServer $Ns1.Address, $Ns2.Address -Cluster PesterC2 -BrokerName fake-c -Topic audit, TBW102 -Port 5
    )
    function Get-Perm([string] $NameServer, [string] $Topic, [string] $BrokerName) {
        (Get-RmqTopicRoute -NameServer $NameServer -Topic $Topic -BrokerName $BrokerName).Perm
    }
}

AfterAll {
    foreach ($c in $Reg) { $c.DisposeAsync().AsTask().Wait(5000) | Out-Null }
    Stop-RmqTestServers
    foreach ($n in $Ns1, $Ns2) { if ($n) { Remove-TestRoot $n.Root } }
}

Describe 'Reading the fleet' {
    It 'Get-RmqCluster returns typed clusters with their brokers' {
        $clusters = Get-RmqCluster -NameServer $Both
        $clusters | Should -HaveCount 2
        $clusters[0] | Should -BeOfType Rmq.PowerShell.Models.RmqCluster
        $c1 = $clusters | Where-Object Cluster -eq PesterC1
        $c1.BrokerNames | Should -Be @('fake-a', 'fake-b')
        $c1.Masters | Should -Be 2
        $c1.NameServer | Should -Be $Both
    }

    It 'binds -NameServer the same from an array, a ;-list and NAMESRV_ADDR' {
        $a = Get-RmqBroker -NameServer $Ns1.Address, $Ns2.Address
        $b = Get-RmqBroker -NameServer $Both
        $old = $env:NAMESRV_ADDR
        try { $env:NAMESRV_ADDR = $Both; $c = Get-RmqBroker } finally { $env:NAMESRV_ADDR = $old }
        # (an array has an Address() method of its own, so take the property per object)
        $addresses = { param($x) @($x | ForEach-Object Address) }
        (& $addresses $a) | Should -Be (& $addresses $b)
        (& $addresses $a) | Should -Be (& $addresses $c)
        (& $addresses $a) | Should -Be @('127.0.0.1:1', '127.0.0.1:3', '127.0.0.1:5')
    }

    It 'Get-RmqBroker puts NameServer, Cluster, BrokerName, BrokerId, Address first and reports an unreachable broker by Status' {
        $broker = Get-RmqBroker -NameServer $Both -BrokerName fake-a
        $broker | Should -BeOfType Rmq.PowerShell.Models.RmqBroker
        @($broker.PSObject.Properties.Name)[0..4] | Should -Be @('NameServer', 'Cluster', 'BrokerName', 'BrokerId', 'Address')
        $broker.Role | Should -Be 'Master'
        $broker.Status | Should -Be 'Unreachable'
        $broker.Error | Should -Not -BeNullOrEmpty
    }

    It 'binds cluster objects from the pipeline by property name (Get-RmqCluster | Get-RmqBroker)' {
        $brokers = Get-RmqCluster -NameServer $Both -Cluster PesterC2 | Get-RmqBroker
        $brokers.BrokerName | Should -Be 'fake-c'
        $brokers.NameServer | Should -Be $Both
    }

    It 'binds plain objects with NameServer and BrokerName properties' {
        $brokers = [pscustomobject]@{ NameServer = $Ns2.Address; BrokerName = 'fake-b' }, [pscustomobject]@{ NameServer = $Ns1.Address; BrokerName = 'fake-a' } | Get-RmqBroker
        $brokers | Should -HaveCount 2
        $brokers[0].NameServer | Should -Be $Ns2.Address
        $brokers[0].BrokerName | Should -Be 'fake-b'
        $brokers[1].NameServer | Should -Be $Ns1.Address
    }

    It 'Get-RmqTopic lists topics with brokers and permission, filters by wildcard, and hides system topics' {
        $topics = Get-RmqTopic -NameServer $Both
        $topics.Topic | Should -Be @('audit', 'invoices', 'orders')
        $orders = Get-RmqTopic -NameServer $Both -Topic 'ord*'
        $orders | Should -BeOfType Rmq.PowerShell.Models.RmqTopic
        $orders.BrokerNames | Should -Be @('fake-a', 'fake-b')
        $orders.WriteQueueNums | Should -Be 8
        $orders.Permission | Should -Be 'RW'
        (Get-RmqTopic -NameServer $Both -IncludeSystem).Topic | Should -Contain 'TBW102'
        (Get-RmqTopic -NameServer $Both -Cluster PesterC2).Topic | Should -Be 'audit'
    }

    It 'Get-RmqTopicRoute answers once per name server and broker' {
        $rows = Get-RmqTopicRoute -NameServer $Both -Topic orders
        $rows | Should -HaveCount 4
        @($rows.NameServer | Sort-Object -Unique) | Should -Be @(@($Ns1.Address, $Ns2.Address) | Sort-Object)
        $rows | ForEach-Object { $_.Perm | Should -Be 6; $_.Permission | Should -Be 'RW' }
        'orders', 'audit' | Get-RmqTopicRoute -NameServer $Ns1.Address | Should -HaveCount 3
    }

    It 'an unknown topic is an Rmq.TopicNotFound error with the topic as target' {
        $out = Get-RmqTopicRoute -NameServer $Ns1.Address -Topic nope -ErrorVariable errs -ErrorAction SilentlyContinue
        $out | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.TopicNotFound,*'
        $errs[0].TargetObject | Should -Be 'nope'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-RmqTopic -NameServer $Ns1.Address -Topic nope -ErrorAction SilentlyContinue -ErrorVariable errs2
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.TopicNotFound,*'
    }

    It 'Wait-RmqBrokerDrained takes plain numbers as seconds and times out with Rmq.DrainTimeout while the broker cannot be read' {
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $r = Wait-RmqBrokerDrained -NameServer $Both -BrokerName fake-a -RouteRefreshInterval 30 -Grace 1 -Timeout 1.5 -PollInterval 0.25 -ErrorVariable errs -ErrorAction SilentlyContinue
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.5
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $r.Drained | Should -BeFalse
        $r.Address | Should -Be '127.0.0.1:1'
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.DrainTimeout,*'
        Wait-RmqBrokerDrained -NameServer $Both -BrokerName no-such-broker -ErrorVariable errs2 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs2[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.BrokerNotFound,*'
    }

    It 'Get-RmqConsumerProgress of a group nobody knows is Rmq.ConsumerGroupNotFound' {
        Get-RmqConsumerProgress -NameServer $Both -Group no-such-group -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.ConsumerGroupNotFound,*'
    }
}

Describe 'Write permission' {
    AfterEach {
        Enable-RmqBrokerWrite -NameServer $Both -BrokerName fake-a, fake-b, fake-c
    }

    It '-WhatIf changes nothing on the name servers and outputs nothing' {
        $out = Get-RmqBroker -NameServer $Both | Where-Object BrokerId -eq 0 | Set-BrokerWritePerm -Permission ReadOnly -WhatIf
        $out | Should -BeNullOrEmpty
        Get-Perm $Ns1.Address orders fake-a | Should -Be 6
        Get-Perm $Ns2.Address orders fake-a | Should -Be 6
        Get-Perm $Ns2.Address audit fake-c | Should -Be 6
        Disable-RmqBrokerWrite -NameServer $Both -BrokerName fake-a -WhatIf
        Get-Perm $Ns1.Address invoices fake-a | Should -Be 6
    }

    It 'Get-RmqBroker | Where-Object BrokerId -eq 0 | Set-BrokerWritePerm -Permission ReadOnly wipes write on every name server' {
        $results = Get-RmqBroker -NameServer $Both -Cluster PesterC1 | Where-Object BrokerId -eq 0 | Set-BrokerWritePerm -Permission ReadOnly -PassThru
        $results | Should -HaveCount 4   # two brokers x two name servers
        $results[0] | Should -BeOfType Rmq.PowerShell.Models.RmqWritePermResult
        ($results | Where-Object BrokerName -eq fake-a | Select-Object -First 1).TopicCount | Should -Be 2
        foreach ($ns in $Ns1.Address, $Ns2.Address) {
            Get-Perm $ns orders fake-a | Should -Be 4
            Get-Perm $ns orders fake-b | Should -Be 4
            Get-Perm $ns audit fake-c | Should -Be 6
        }
        (Get-RmqTopic -NameServer $Both -Topic orders).Permission | Should -Be 'R'
    }

    It 'without -PassThru outputs nothing; Enable-RmqBrokerWrite adds write back' {
        Set-RmqBrokerWritePerm -NameServer $Both -BrokerName fake-c -Permission ReadOnly | Should -BeNullOrEmpty
        Get-Perm $Ns1.Address audit fake-c | Should -Be 4
        $back = Get-RmqTopicRoute -NameServer $Both -Topic audit | Enable-RmqBrokerWrite -PassThru
        $back | Should -HaveCount 2
        $back.NameServer | Should -Be @($Ns1.Address, $Ns2.Address)
        Get-Perm $Ns1.Address audit fake-c | Should -Be 6
        Get-Perm $Ns2.Address audit fake-c | Should -Be 6
    }

    It 'Disable-RmqBrokerWrite -Confirm:$false wipes; a master and its slave piped in change once' {
        $two = [pscustomobject]@{ NameServer = $Both; BrokerName = 'fake-b'; BrokerId = 0 }, [pscustomobject]@{ NameServer = $Both; BrokerName = 'fake-b'; BrokerId = 1 }
        $r = $two | Disable-RmqBrokerWrite -Confirm:$false -PassThru
        $r | Should -HaveCount 2
        Get-Perm $Ns2.Address orders fake-b | Should -Be 4
    }

    It 'one dead name server among two is a non-terminating Rmq.NameServerUnreachable error; the live one still changes' {
        $results = Set-RmqBrokerWritePerm -NameServer $Ns1.Address, $Dead -BrokerName fake-a, fake-c -Permission ReadOnly -PassThru -ErrorVariable errs -ErrorAction SilentlyContinue
        $results | Should -HaveCount 2
        $results.NameServer | Should -Be @($Ns1.Address, $Ns1.Address)
        $errs | Should -HaveCount 2
        $errs | ForEach-Object {
            $_.FullyQualifiedErrorId | Should -BeLike 'Rmq.NameServerUnreachable,*'
            $_.TargetObject | Should -Be $Dead
        }
        Get-Perm $Ns1.Address orders fake-a | Should -Be 4
        Get-Perm $Ns1.Address audit fake-c | Should -Be 4
        Get-Perm $Ns2.Address orders fake-a | Should -Be 6
    }

    It 'reads keep going past a dead name server too' {
        $brokers = Get-RmqBroker -NameServer $Dead, $Ns2.Address -ErrorVariable errs -ErrorAction SilentlyContinue
        $brokers | Should -HaveCount 3
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.NameServerUnreachable,*'
        $errs[0].TargetObject | Should -Be $Dead
        $errs[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'with every name server dead, each is an error and nothing is output' {
        $other = "127.0.0.1:$(Get-FreePort)"
        Get-RmqCluster -NameServer $Dead, $other -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs | Should -HaveCount 2
    }
}

Describe 'Cancellation' {
    BeforeAll {
        # A second runspace with the module imported (synchronously: a batch of statements run by
        # BeginInvoke can outlive Stop/Dispose and crash the process).
        function New-ModuleRunspace {
            $ps = [powershell]::Create()
            [void]$ps.AddCommand('Import-Module').AddArgument((Join-Path $env:RMQ_MODULE_DIR 'Rmq.psd1')).Invoke()
            $ps.Commands.Clear()
            $ps
        }
        function Close-ModuleRunspace($ps, $async) {
            if (-not $ps) { return }
            try { if ($async) { [void]$ps.EndInvoke($async) } } catch { }   # stopped: EndInvoke rethrows PipelineStoppedException
            $ps.Dispose()
        }
    }

    It 'Ctrl+C (StopProcessing) ends a call that waits on a silent server promptly' {
        # A listener that accepts and never answers: the call would wait for its 5 s timeout.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $silent = "127.0.0.1:$($listener.LocalEndpoint.Port)"
            $ps = New-ModuleRunspace
            [void]$ps.AddCommand('Get-RmqCluster').AddParameter('NameServer', $silent)
            $async = $ps.BeginInvoke()
            Wait-Until { $listener.Pending() } ([TimeSpan]::FromSeconds(10)) 'the cmdlet to connect'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        } finally {
            $listener.Stop()
            Close-ModuleRunspace $ps $async
        }
    }

    It 'Ctrl+C ends Wait-RmqBrokerDrained promptly' {
        $ps = New-ModuleRunspace
        try {
            [void]$ps.AddCommand('Wait-RmqBrokerDrained').AddParameter('NameServer', $Both).AddParameter('BrokerName', 'fake-a').AddParameter('Timeout', [TimeSpan]::FromMinutes(5))
            $ps.Streams.Progress.Clear()
            $async = $ps.BeginInvoke()
            Wait-Until { $ps.Streams.Progress.Count -gt 0 } ([TimeSpan]::FromSeconds(20)) 'the wait to report progress'
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 3
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        } finally {
            Close-ModuleRunspace $ps $async
        }
    }
}
