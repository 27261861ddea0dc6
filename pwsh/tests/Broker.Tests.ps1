# Cmdlets against a real cluster: one name server, two masters and a slave for each (rmq namesrv /
# rmq broker child processes on 127.0.0.1, SYNC_MASTER with Master/Slave replication: 2m-2s-sync).
BeforeDiscovery {
    Import-Module "$PSScriptRoot/RmqTestServers.psm1" -Force
    $script:HasBroker = Test-RmqBrokerAvailable
}

BeforeAll {
    Import-Module (Join-Path $env:RMQ_MODULE_DIR 'Rmq.psd1') -Force
    Import-Module "$PSScriptRoot/RmqTestServers.psm1" -Force
    $script:Ns = Start-RmqNameServer
    $script:NsAddr = $Ns.Address
    $script:Brokers = @{}
    foreach ($name in 'broker-a', 'broker-b') {
        $Brokers["$name/0"] = Start-RmqBroker -NameServer $NsAddr -BrokerName $name -Cluster PesterCluster
        $Brokers["$name/1"] = Start-RmqBroker -NameServer $NsAddr -BrokerName $name -Cluster PesterCluster -BrokerId 1
    }
}

AfterAll {
    Stop-RmqTestServers
    Remove-TestRoot $Ns.Root
    foreach ($b in $Brokers.Values) { Remove-TestRoot $b.Root }
}

Describe 'Brokers, topics and messages' -Skip:(-not $HasBroker) {
    It 'Get-RmqBroker lists both groups, master and slave, online with runtime figures' {
        $listed = Get-RmqBroker -NameServer $NsAddr
        $listed | Should -HaveCount 4
        $listed | ForEach-Object { $_ | Should -BeOfType Rmq.PowerShell.Models.RmqBroker; $_.Status | Should -Be 'Online'; $_.CommitLogMaxOffset | Should -Not -BeNullOrEmpty }
        @($listed | ForEach-Object { "$($_.BrokerName)/$($_.Role)" }) | Should -Be @('broker-a/Master', 'broker-a/Slave', 'broker-b/Master', 'broker-b/Slave')
        @($listed | ForEach-Object Address) | Should -Be @($Brokers['broker-a/0'].Address, $Brokers['broker-a/1'].Address, $Brokers['broker-b/0'].Address, $Brokers['broker-b/1'].Address)
    }

    It 'New-RmqTopic -WhatIf creates nothing' {
        New-RmqTopic -NameServer $NsAddr -Cluster PesterCluster -Topic whatif-topic -WhatIf | Should -BeNullOrEmpty
        Get-RmqTopic -NameServer $NsAddr -Topic whatif-topic -ErrorVariable errs -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.TopicNotFound,*'
    }

    It 'New-RmqTopic -Cluster creates the topic on every master' {
        $changes = New-RmqTopic -NameServer $NsAddr -Cluster PesterCluster -Topic orders -ReadQueueNums 4 -WriteQueueNums 4 -PassThru
        Wait-RmqTopicRoute -NameServer $NsAddr -Topic orders -Brokers 2
        $changes | Should -HaveCount 2
        $changes[0] | Should -BeOfType Rmq.PowerShell.Models.RmqTopicChange
        $topic = Get-RmqTopic -NameServer $NsAddr -Topic orders
        $topic.BrokerNames | Should -Be @('broker-a', 'broker-b')
        $topic.WriteQueueNums | Should -Be 8
        $topic.Permission | Should -Be 'RW'
    }

    It 'Get-RmqBroker | New-RmqTopic creates on the piped brokers by their Address' {
        $changes = Get-RmqBroker -NameServer $NsAddr -BrokerName broker-b | Where-Object BrokerId -eq 0 | New-RmqTopic -Topic only-b -PassThru
        Wait-RmqTopicRoute -NameServer $NsAddr -Topic only-b -Brokers 1
        $changes.BrokerName | Should -Be 'broker-b'
        (Get-RmqTopic -NameServer $NsAddr -Topic only-b).BrokerNames | Should -Be @('broker-b')
    }

    It 'Send-RmqMessage sends pipeline bodies and Receive-RmqMessage reads them back' {
        $sent = 1..10 | ForEach-Object { "body-$_" } | Send-RmqMessage -NameServer $NsAddr -Topic orders -Tag t1 -Key k1
        $sent | Should -HaveCount 10
        $sent | ForEach-Object { $_.Status | Should -Be 'SEND_OK' }
        $received = Receive-RmqMessage -NameServer $NsAddr -Topic orders -MaxCount 100
        $received | Should -HaveCount 10
        $received[0] | Should -BeOfType Rmq.PowerShell.Models.RmqMessage
        @($received.Body | Sort-Object) | Should -Be @(1..10 | ForEach-Object { "body-$_" } | Sort-Object)
        $received | ForEach-Object { $_.Tags | Should -Be 't1' }
        (Receive-RmqMessage -NameServer $NsAddr -Topic orders -MaxCount 3) | Should -HaveCount 3
    }

    It 'Get-RmqConsumerGroup lists the groups of each master' {
        $groups = Get-RmqConsumerGroup -NameServer $NsAddr -Group 'TOOLS_CONSUMER'
        $groups | Should -HaveCount 2
        $groups[0] | Should -BeOfType Rmq.PowerShell.Models.RmqConsumerGroup
        @($groups.BrokerName) | Should -Be @('broker-a', 'broker-b')
    }

    It 'Get-RmqConsumerProgress shows the committed offset and the lag of each queue' {
        # A group with a retry-topic route and offsets committed through the client library: 1 on each queue of broker-a.
        New-RmqTopic -NameServer $NsAddr -Cluster PesterCluster -Topic '%RETRY%pester-group' -ReadQueueNums 1 -WriteQueueNums 1
        Wait-RmqTopicRoute -NameServer $NsAddr -Topic '%RETRY%pester-group' -Brokers 2
        $queues = Receive-RmqMessage -NameServer $NsAddr -Topic orders -BrokerName broker-a -MaxCount 100 | Group-Object QueueId
        $queues | Should -Not -BeNullOrEmpty
        $client = [Rmq.Client.Broker.BrokerClient]::new($null, $null, $null)
        try {
            foreach ($q in $queues) {
                $client.UpdateConsumerOffsetAsync($Brokers['broker-a/0'].Address, 'pester-group', 'orders', [int]$q.Name, 1, $null, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
            }
        } finally { $client.DisposeAsync().AsTask().Wait(5000) | Out-Null }

        $rows = [pscustomobject]@{ NameServer = $NsAddr; Group = 'pester-group' } | Get-RmqConsumerProgress -Topic orders
        # Every queue of the topic is reported; broker-b's have no committed offset (0).
        $rows | Should -HaveCount 8
        ($rows | Measure-Object BrokerOffset -Sum).Sum | Should -Be 10
        foreach ($row in $rows) {
            $row | Should -BeOfType Rmq.PowerShell.Models.RmqConsumerProgress
            $row.Group | Should -Be 'pester-group'
            $row.Topic | Should -Be 'orders'
            $row.ConsumerOffset | Should -Be $(if ($row.BrokerName -eq 'broker-a') { 1 } else { 0 })
            $row.Diff | Should -Be ($row.BrokerOffset - $row.ConsumerOffset)
        }
        foreach ($q in $queues) { ($rows | Where-Object { $_.BrokerName -eq 'broker-a' -and $_.QueueId -eq [int]$q.Name }).BrokerOffset | Should -Be $q.Count }
    }

    It 'Get-RmqBrokerConfig reads and Set-RmqBrokerConfig changes a key; -WhatIf does not' {
        $before = (Get-RmqBrokerConfig -NameServer $NsAddr -BrokerName broker-a -Key fileReservedTime)[0].Value
        Get-RmqBroker -NameServer $NsAddr -BrokerName broker-a | Set-RmqBrokerConfig -Key fileReservedTime -Value 47 -WhatIf
        Get-RmqBrokerConfig -NameServer $NsAddr -BrokerName broker-a -Key fileReservedTime | ForEach-Object { $_.Value | Should -Be $before }
        # the master and the slave of broker-a, piped in
        $set = Get-RmqBroker -NameServer $NsAddr -BrokerName broker-a | Set-RmqBrokerConfig -Property @{ fileReservedTime = 47 } -PassThru
        @($set | ForEach-Object { "$($_.BrokerId)=$($_.Value)" }) | Should -Be @('0=47', '1=47')
        $items = Get-RmqBrokerConfig -NameServer $NsAddr -BrokerName broker-a -Key fileReservedTime
        $items | Should -HaveCount 2
        $items | ForEach-Object { $_ | Should -BeOfType Rmq.PowerShell.Models.RmqBrokerConfigItem; $_.Value | Should -Be '47' }
        (Get-RmqBrokerConfig -NameServer $NsAddr -Address $Brokers['broker-b/0'].Address -Key fileReservedTime).Value | Should -Be $before
    }

    It 'Get-RmqReplicationStatus reports each slave once, caught up with its master' {
        Wait-Until { @(Get-RmqReplicationStatus -NameServer $NsAddr | Where-Object InSync).Count -eq 2 } ([TimeSpan]::FromSeconds(30)) 'both slaves in sync'
        $rows = Get-RmqBroker -NameServer $NsAddr | Get-RmqReplicationStatus   # masters and slaves piped in: one row per slave
        $rows | Should -HaveCount 2
        foreach ($row in $rows) {
            $row | Should -BeOfType Rmq.PowerShell.Models.RmqReplicationStatus
            $row.BrokerId | Should -Be 1
            $row.Address | Should -Be $Brokers["$($row.BrokerName)/1"].Address
            $row.MasterAddress | Should -Be $Brokers["$($row.BrokerName)/0"].Address
            $row.MasterOffset | Should -BeGreaterThan 0
            $row.Lag | Should -Be ($row.MasterOffset - $row.SlaveOffset)
        }
    }

    It 'Remove-RmqTopic -WhatIf keeps the topic; -Confirm:$false removes it from brokers and name server' {
        Remove-RmqTopic -NameServer $NsAddr -Topic only-b -WhatIf
        Get-RmqTopic -NameServer $NsAddr -Topic only-b | Should -Not -BeNullOrEmpty
        $removed = Get-RmqTopic -NameServer $NsAddr -Topic only-b | Remove-RmqTopic -Confirm:$false -PassThru
        # DELETE_TOPIC_IN_BROKER goes to every master of the cluster, as mqadmin deleteTopic does
        $removed.BrokerName | Should -Contain 'broker-b'
        Get-RmqTopic -NameServer $NsAddr -Topic only-b -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'Disable-RmqBrokerWrite then Wait-RmqBrokerDrained reports the broker drained once nothing is put' {
        Disable-RmqBrokerWrite -NameServer $NsAddr -BrokerName broker-b -Confirm:$false
        try {
            (Get-RmqTopicRoute -NameServer $NsAddr -Topic orders -BrokerName broker-b).Permission | Should -Be 'R'
            $r = Wait-RmqBrokerDrained -NameServer $NsAddr -BrokerName broker-b -RouteRefreshInterval 1 -Grace 1 -PollInterval 0.25 -Timeout 30
            $r | Should -BeOfType Rmq.PowerShell.Models.RmqDrainResult
            $r.Drained | Should -BeTrue
            $r.Elapsed | Should -BeGreaterOrEqual ([TimeSpan]::FromSeconds(1))
        } finally {
            Enable-RmqBrokerWrite -NameServer $NsAddr -BrokerName broker-b
        }
        (Get-RmqTopicRoute -NameServer $NsAddr -Topic orders -BrokerName broker-b).Permission | Should -Be 'RW'
    }

    It 'Wait-RmqBrokerDrained times out with Rmq.DrainTimeout while messages keep arriving' {
        $stop = [System.Threading.ManualResetEventSlim]::new($false)
        $ps = [powershell]::Create()
        [void]$ps.AddScript({
                param($ModuleDir, $Ns, $Stop)
                Import-Module (Join-Path $ModuleDir 'Rmq.psd1')
                & { while (-not $Stop.IsSet) { 'x'; [void]$Stop.Wait(50) } } | Send-RmqMessage -NameServer $Ns -Topic orders | Measure-Object
            }).AddArgument($env:RMQ_MODULE_DIR).AddArgument($NsAddr).AddArgument($stop)
        $async = $ps.BeginInvoke()
        try {
            $r = Wait-RmqBrokerDrained -NameServer $NsAddr -BrokerName broker-a -RouteRefreshInterval 00:00:00 -Grace 00:00:03 -PollInterval 00:00:00.250 -Timeout 00:00:02 -ErrorVariable errs -ErrorAction SilentlyContinue
            $r.Drained | Should -BeFalse
            $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.DrainTimeout,*'
        } finally {
            $stop.Set()
            [void]$ps.EndInvoke($async)
            $ps.Dispose()
        }
    }
}

Describe 'Rolling restart' -Skip:(-not $HasBroker) {
    It 'restarts both groups (slave, then drained master) one at a time under a running producer with zero failed sends' {
        New-RmqTopic -NameServer $NsAddr -Cluster PesterCluster -Topic rolling -ReadQueueNums 4 -WriteQueueNums 4
        Wait-RmqTopicRoute -NameServer $NsAddr -Topic rolling -Brokers 2
        # The producer: its own runspace in this process, one producer for the whole run, route refresh every 1 s.
        $stop = [System.Threading.ManualResetEventSlim]::new($false)
        $producer = [powershell]::Create()
        [void]$producer.AddScript({
                param($ModuleDir, $Ns, $Stop)
                Import-Module (Join-Path $ModuleDir 'Rmq.psd1')
                $sent = [System.Collections.Generic.List[object]]::new()
                & { $i = 0; while (-not $Stop.IsSet) { "msg-$i"; $i++; [void]$Stop.Wait(20) } } |
                    Send-RmqMessage -NameServer $Ns -Topic rolling -RouteRefreshInterval 00:00:01 -ErrorVariable +failures -ErrorAction SilentlyContinue |
                    ForEach-Object { $sent.Add($_) }
                [pscustomobject]@{ Sent = $sent; Failures = @($failures) }
            }).AddArgument($env:RMQ_MODULE_DIR).AddArgument($NsAddr).AddArgument($stop)
        $async = $producer.BeginInvoke()
        try {
            Wait-Until { @(Receive-RmqMessage -NameServer $NsAddr -Topic rolling -MaxCount 50 -ErrorAction SilentlyContinue).Count -ge 50 } ([TimeSpan]::FromSeconds(30)) 'the producer to send'
            $restarted = [System.Collections.Generic.List[string]]::new()
            $steps = Invoke-RmqRollingRestart -NameServer $NsAddr -Cluster PesterCluster -IncludeSlaves -Confirm:$false `
                -RouteRefreshInterval 00:00:03 -Grace 00:00:02 -PollInterval 00:00:00.250 -DrainTimeout 00:01:00 -RegisterTimeout 00:01:00 -SyncTimeout 00:00:30 `
                -RestartScript {
                    param($b)
                    $restarted.Add("$($b.BrokerName)/$($b.BrokerId)")
                    $broker = $Brokers["$($b.BrokerName)/$($b.BrokerId)"]
                    Stop-RmqBrokerProcess $broker
                    Start-RmqBrokerProcess $broker
                }
            # Let the producer use the restored brokers for a moment before stopping it.
            Wait-Until { (Get-RmqTopicRoute -NameServer $NsAddr -Topic rolling | Where-Object Permission -eq 'RW').Count -eq 2 } ([TimeSpan]::FromSeconds(10)) 'both brokers writable'
        } finally {
            $stop.Set()
            $result = $producer.EndInvoke($async)[0]
            $producer.Dispose()
        }

        $restarted | Should -Be @('broker-a/1', 'broker-a/0', 'broker-b/1', 'broker-b/0')
        $steps | ForEach-Object { $_ | Should -BeOfType Rmq.PowerShell.Models.RmqRestartStep }
        @($steps | ForEach-Object { "$($_.BrokerName)/$($_.BrokerId):$($_.Step):$($_.Succeeded)" }) | Should -Be @(
            'broker-a/1:Restart:True', 'broker-a/1:Register:True', 'broker-a/0:Drain:True', 'broker-a/0:Restart:True', 'broker-a/0:Register:True',
            'broker-a/0:Sync:True', 'broker-a/0:RestoreWrite:True', 'broker-a/0:Done:True',
            'broker-b/1:Restart:True', 'broker-b/1:Register:True', 'broker-b/0:Drain:True', 'broker-b/0:Restart:True', 'broker-b/0:Register:True',
            'broker-b/0:Sync:True', 'broker-b/0:RestoreWrite:True', 'broker-b/0:Done:True')
        ($steps | Where-Object Step -eq 'Sync').Message | ForEach-Object { $_ | Should -Match 'slave 1 lag 0' }
        $result.Failures | Should -HaveCount 0
        $result.Sent.Count | Should -BeGreaterThan 100
        # Both brokers took messages over the run: the producer moved away and came back.
        @($result.Sent.BrokerName | Sort-Object -Unique) | Should -Be @('broker-a', 'broker-b')
        Get-RmqBroker -NameServer $NsAddr | ForEach-Object { $_.Status | Should -Be 'Online' }
    }

    It 'a failing restart script stops the run at that group, gives the still running master write back and leaves the next group alone' {
        $steps = Invoke-RmqRollingRestart -NameServer $NsAddr -Cluster PesterCluster -Confirm:$false -RestartScript { throw 'boom' } `
            -RouteRefreshInterval 00:00:00 -Grace 00:00:00.500 -PollInterval 00:00:00.100 -ErrorVariable errs -ErrorAction SilentlyContinue
        @($steps | ForEach-Object { "$($_.BrokerName):$($_.Step):$($_.Succeeded)" }) | Should -Be @('broker-a:Drain:True', 'broker-a:Restart:False', 'broker-a:RestoreWrite:True')
        $steps[1].Message | Should -Match 'boom'
        $errs | Should -HaveCount 1
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'Rmq.RestartFailed,*'
        $errs[0].TargetObject | Should -Be 'broker-a'
        (Get-RmqTopicRoute -NameServer $NsAddr -Topic rolling | Where-Object Permission -eq 'RW').Count | Should -Be 2
    }

    It '-WhatIf restarts nothing and outputs no steps' {
        $calls = 0
        $steps = Invoke-RmqRollingRestart -NameServer $NsAddr -RestartScript { $calls++ } -WhatIf
        $steps | Should -BeNullOrEmpty
        $calls | Should -Be 0
        (Get-RmqTopicRoute -NameServer $NsAddr -Topic rolling | Where-Object Permission -eq 'RW').Count | Should -Be 2
    }
}

