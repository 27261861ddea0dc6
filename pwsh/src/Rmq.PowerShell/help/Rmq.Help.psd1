# The text of the module's help: synopsis, description and examples per cmdlet. Parameter descriptions
# come from each parameter's HelpMessage. pwsh/build/New-RmqHelp.ps1 turns both into the MAML file
# en-US/Rmq.PowerShell.dll-Help.xml (binary cmdlets cannot have comment-based help).
@{
    'Get-RmqCluster' = @{
        Synopsis    = 'Gets the clusters the name servers know, with their broker names and master/slave counts.'
        Description = 'Asks every name server given for its broker table and merges the answers. A name server that does not answer is a non-terminating Rmq.NameServerUnreachable error; the others still count.'
        Examples    = @(
            @{ Code = "Get-RmqCluster -NameServer 'ns1:9876;ns2:9876'"; Remarks = 'Lists every cluster known to either name server.' }
            @{ Code = "Get-RmqCluster -NameServer ns1:9876 -Cluster 'prod*' | Get-RmqBroker"; Remarks = 'Passes clusters on to Get-RmqBroker, which binds NameServer and Cluster by property name.' }
        )
    }
    'Get-RmqBroker' = @{
        Synopsis    = 'Gets every broker (master and slaves) the name servers list, with its runtime info.'
        Description = 'Output objects start with NameServer, Cluster, BrokerName, BrokerId and Address, so they bind to the other Rmq cmdlets. A broker the name servers still list but that does not answer has Status Unreachable.'
        Examples    = @(
            @{ Code = "Get-RmqBroker -NameServer 'ns1:9876;ns2:9876'"; Remarks = 'Lists every broker with role, status, version and TPS.' }
            @{ Code = "Get-RmqBroker -NameServer ns1:9876 | Where-Object BrokerId -eq 0 | Set-BrokerWritePerm -Permission ReadOnly -WhatIf"; Remarks = 'Shows which masters would lose write permission on the name servers.' }
        )
    }
    'Get-RmqTopic' = @{
        Synopsis    = 'Gets topics with their brokers, queue counts and permission.'
        Description = 'The union of the topic lists of every name server given. Retry, DLQ and system topics are left out unless -IncludeSystem. A topic named without wildcards that does not exist is an Rmq.TopicNotFound error.'
        Examples    = @(
            @{ Code = "Get-RmqTopic -NameServer ns1:9876 -Topic 'order*'"; Remarks = 'Topics whose names start with order.' }
            @{ Code = "Get-RmqTopic -NameServer ns1:9876 -Cluster prod | Where-Object Permission -ne 'RW'"; Remarks = 'Topics of cluster prod that cannot be both read and written.' }
        )
    }
    'New-RmqTopic' = @{
        Synopsis    = 'Creates or updates a topic on every master of a cluster, or on one broker.'
        Description = 'Sends UPDATE_AND_CREATE_TOPIC to each master of -Cluster, or to the broker -Address names (piped broker objects bind it). Each broker is one ShouldProcess target; a broker that fails is a non-terminating error.'
        Examples    = @(
            @{ Code = 'New-RmqTopic -NameServer ns1:9876 -Cluster prod -Topic orders -WriteQueueNums 16 -ReadQueueNums 16 -PassThru'; Remarks = 'Creates orders with 16 queues on every master of prod.' }
            @{ Code = "Get-RmqBroker -NameServer ns1:9876 -BrokerName broker-a | Where-Object BrokerId -eq 0 | New-RmqTopic -Topic audit -WhatIf"; Remarks = 'Shows the creation on broker-a''s master only.' }
        )
    }
    'Remove-RmqTopic' = @{
        Synopsis    = 'Deletes a topic from the masters of its clusters and from every name server.'
        Description = 'DELETE_TOPIC_IN_BROKER on every master of each cluster (by default the clusters of the topic''s route), then DELETE_TOPIC_IN_NAMESRV on every name server. ConfirmImpact is High: it asks unless -Confirm:$false.'
        Examples    = @(
            @{ Code = 'Remove-RmqTopic -NameServer ns1:9876 -Topic old-orders -Confirm:$false'; Remarks = 'Deletes old-orders everywhere without asking.' }
            @{ Code = "Get-RmqTopic -NameServer ns1:9876 -Topic 'tmp-*' | Remove-RmqTopic -WhatIf"; Remarks = 'Shows which temporary topics would be deleted.' }
        )
    }
    'Get-RmqTopicRoute' = @{
        Synopsis    = 'Gets the route of topics as each name server answers it.'
        Description = 'Name servers do not share state, so one object is output per name server and broker: the queue counts and permission that name server hands to clients. Useful to check a write-permission change reached every name server.'
        Examples    = @(
            @{ Code = "Get-RmqTopicRoute -NameServer 'ns1:9876;ns2:9876' -Topic orders"; Remarks = 'The queue data of orders from both name servers.' }
            @{ Code = "Get-RmqTopicRoute -NameServer ns1:9876 -Topic orders | Where-Object Permission -eq 'R' | Enable-RmqBrokerWrite"; Remarks = 'Adds write back on the brokers that lost it.' }
        )
    }
    'Get-RmqConsumerGroup' = @{
        Synopsis    = 'Gets the subscription groups of the master brokers.'
        Description = 'One object per master broker and group (GET_ALL_SUBSCRIPTIONGROUP_CONFIG).'
        Examples    = @(
            @{ Code = "Get-RmqConsumerGroup -NameServer ns1:9876 -Group 'billing*'"; Remarks = 'The billing groups on every master.' }
            @{ Code = "Get-RmqConsumerGroup -NameServer ns1:9876 -Group billing | Get-RmqConsumerProgress"; Remarks = 'The lag of group billing.' }
        )
    }
    'Get-RmqConsumerProgress' = @{
        Synopsis    = 'Gets the progress of consumer groups: broker offset, consumer offset and lag per queue.'
        Description = 'Like mqadmin consumerProgress. A group without a retry-topic route is an Rmq.ConsumerGroupNotFound error.'
        Examples    = @(
            @{ Code = 'Get-RmqConsumerProgress -NameServer ns1:9876 -Group billing | Measure-Object Diff -Sum'; Remarks = 'The total lag of group billing.' }
        )
    }
    'Set-RmqBrokerWritePerm' = @{
        Synopsis    = 'Wipes (ReadOnly) or adds (ReadWrite) the write permission of brokers on every name server.'
        Description = 'WIPE_WRITE_PERM_OF_BROKER or ADD_WRITE_PERM_OF_BROKER on each name server given. Producers route away from a ReadOnly broker at their next route refresh; consumers keep reading. A name server that fails is a non-terminating error; the others still change. Alias: Set-BrokerWritePerm.'
        Examples    = @(
            @{ Code = 'Get-RmqBroker -NameServer ns1:9876,ns2:9876 | Where-Object BrokerId -eq 0 | Set-BrokerWritePerm -Permission ReadOnly'; Remarks = 'Makes every master read-only on both name servers.' }
            @{ Code = 'Set-RmqBrokerWritePerm -NameServer ns1:9876 -BrokerName broker-a -Permission ReadWrite -PassThru'; Remarks = 'Adds write back and outputs one result per name server with the number of topics changed.' }
        )
    }
    'Disable-RmqBrokerWrite' = @{
        Synopsis    = 'Wipes the write permission of brokers on every name server (the first step of a graceful restart).'
        Description = 'Same as Set-RmqBrokerWritePerm -Permission ReadOnly, with ConfirmImpact High.'
        Examples    = @(
            @{ Code = "Disable-RmqBrokerWrite -NameServer 'ns1:9876;ns2:9876' -BrokerName broker-a -Confirm:`$false; Wait-RmqBrokerDrained -NameServer 'ns1:9876;ns2:9876' -BrokerName broker-a"; Remarks = 'Drains broker-a before maintenance.' }
        )
    }
    'Enable-RmqBrokerWrite' = @{
        Synopsis    = 'Adds the write permission of brokers back on every name server.'
        Description = 'Same as Set-RmqBrokerWritePerm -Permission ReadWrite.'
        Examples    = @(
            @{ Code = 'Enable-RmqBrokerWrite -NameServer ns1:9876,ns2:9876 -BrokerName broker-a -PassThru'; Remarks = 'Lets producers write to broker-a again.' }
        )
    }
    'Wait-RmqBrokerDrained' = @{
        Synopsis    = 'Waits until producers have moved away from a broker whose write permission was wiped.'
        Description = 'Watches the master''s put counter (and producer connections of -ProducerGroup) until one route-refresh interval has passed and nothing was put for the grace period, like rmq admin drainBroker. It changes nothing; on -Timeout the result has Drained = $false and an Rmq.DrainTimeout error is written. Ctrl+C stops it at once.'
        Examples    = @(
            @{ Code = "Wait-RmqBrokerDrained -NameServer ns1:9876 -BrokerName broker-a -RouteRefreshInterval 00:00:30 -Grace 00:00:10 -Timeout 00:05:00"; Remarks = 'Waits up to 5 minutes for broker-a to go quiet.' }
        )
    }
    'Get-RmqBrokerConfig' = @{
        Synopsis    = 'Gets the live config of brokers, one object per broker and key.'
        Description = 'GET_BROKER_CONFIG on every broker selected by -Cluster, -BrokerName or -Address (or piped in).'
        Examples    = @(
            @{ Code = "Get-RmqBroker -NameServer ns1:9876 | Get-RmqBrokerConfig -Key 'flushDiskType','brokerRole'"; Remarks = 'Flush type and role of every broker.' }
        )
    }
    'Set-RmqBrokerConfig' = @{
        Synopsis    = 'Changes live config keys of brokers.'
        Description = 'UPDATE_BROKER_CONFIG on every broker selected; each broker is one ShouldProcess target.'
        Examples    = @(
            @{ Code = 'Set-RmqBrokerConfig -NameServer ns1:9876 -Cluster prod -Key maxMessageSize -Value 8388608 -WhatIf'; Remarks = 'Shows which brokers would change.' }
            @{ Code = 'Get-RmqBroker -NameServer ns1:9876 -BrokerName broker-a | Set-RmqBrokerConfig -Property @{ fileReservedTime = 48 } -PassThru'; Remarks = 'Sets a key on broker-a''s master and slaves.' }
        )
    }
    'Get-RmqReplicationStatus' = @{
        Synopsis    = 'Gets the replication lag of every slave: the master''s and the slave''s commit-log max offset.'
        Description = 'From broker runtime info commitLogMaxOffset. Lag is in bytes; InSync means Lag <= -MaxLag. A group without slaves gives nothing.'
        Examples    = @(
            @{ Code = 'Get-RmqReplicationStatus -NameServer ns1:9876 | Where-Object { -not $_.InSync }'; Remarks = 'Slaves that are behind.' }
        )
    }
    'New-RmqClusterConfig' = @{
        Synopsis    = 'Writes a RocketMQ conf set for a deployment mode.'
        Description = 'The distribution''s files (single, 2m-noslave, 2m-2s-async, 2m-2s-sync, namesrv) with name servers, hosts, ports and store folders filled in, like rmq conf new. Existing files are kept unless -Force.'
        Examples    = @(
            @{ Code = "New-RmqClusterConfig 2m-2s-async -Path ./conf -NameServer 'ns1:9876;ns2:9876' -Hosts h1,h2 | Test-RmqClusterConfig"; Remarks = 'Writes a two-master two-slave set and validates it.' }
        )
    }
    'Test-RmqClusterConfig' = @{
        Synopsis    = 'Validates a set of name server and broker config files together.'
        Description = 'Each file''s keys and values and the set as a whole (names, ids, ports, store folders, roles), like rmq conf validate. -Quiet outputs only $true or $false.'
        Examples    = @(
            @{ Code = 'Test-RmqClusterConfig ./conf/2m-2s-async | Select-Object -ExpandProperty Problems'; Remarks = 'Lists every problem with file, line and key.' }
            @{ Code = 'if (-not (Test-RmqClusterConfig ./conf -Quiet)) { throw "bad config" }'; Remarks = 'Guards a deployment script.' }
        )
    }
    'Send-RmqMessage' = @{
        Synopsis    = 'Sends messages to a topic.'
        Description = 'One producer per name-server list, started on first use and shut down at the end of the pipeline. Bodies can come from the pipeline. A failed send is an Rmq.SendFailed (or Rmq.TopicNotFound) error.'
        Examples    = @(
            @{ Code = "Send-RmqMessage -NameServer ns1:9876 -Topic orders -Body 'hello' -Tag new -Key order-1"; Remarks = 'Sends one message and outputs where it was stored.' }
            @{ Code = "1..100 | ForEach-Object { ""order `$_"" } | Send-RmqMessage -NameServer ns1:9876 -Topic orders"; Remarks = 'Sends 100 messages with one producer.' }
        )
    }
    'Receive-RmqMessage' = @{
        Synopsis    = 'Reads messages of a topic without committing consumer offsets.'
        Description = 'Pulls queue by queue from the oldest kept message (or -Offset) on, up to -MaxCount messages, as the tools consumer group; nothing is acknowledged.'
        Examples    = @(
            @{ Code = "Receive-RmqMessage -NameServer ns1:9876 -Topic orders -MaxCount 10 | Format-Table QueueId, QueueOffset, Body"; Remarks = 'A look at the first ten messages.' }
        )
    }
    'Invoke-RmqRollingRestart' = @{
        Synopsis    = 'Restarts broker groups one at a time without failing producers.'
        Description = 'For each broker group in turn: wipe the master''s write permission on every name server, wait until drained, run -RestartScript with the broker object, wait until it registered again and its slaves are in sync, then add write permission back. Never two groups at once. Progress, verbose output and one RmqRestartStep object per step report what happens; a failed group stops the run with Rmq.RestartFailed.'
        Examples    = @(
            @{ Code = "Invoke-RmqRollingRestart -NameServer 'ns1:9876;ns2:9876' -Cluster prod -RestartScript { param(`$b) ssh `$b.Address.Split(':')[0] sudo systemctl restart rmq-broker } -Confirm:`$false -Verbose"; Remarks = 'Restarts every master of prod over ssh, one after the other.' }
            @{ Code = "Get-RmqCluster -NameServer ns1:9876 -Cluster prod | Invoke-RmqRollingRestart -RestartScript { Restart-MyBroker `$_ } -WhatIf"; Remarks = 'Shows the order in which groups would be restarted.' }
        )
    }
}
