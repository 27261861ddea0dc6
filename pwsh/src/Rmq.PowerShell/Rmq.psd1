@{
    RootModule           = 'Rmq.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c8d0e-3a4b-4c1e-9a57-1b2f4e8d7c21'
    Author               = 'rmq developers'
    CompanyName          = 'rmq'
    Copyright            = '(c) rmq developers. MIT license.'
    Description          = 'Fleet operations for rmq / Apache RocketMQ 4.x: clusters, brokers, topics, consumer groups, write permission, drain, replication and rolling restarts over many name servers.'
    PowerShellVersion    = '7.6'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('Rmq.Format.ps1xml')
    CmdletsToExport      = @(
        'Get-RmqCluster'
        'Get-RmqBroker'
        'Get-RmqTopic'
        'New-RmqTopic'
        'Remove-RmqTopic'
        'Get-RmqTopicRoute'
        'Get-RmqConsumerGroup'
        'Get-RmqConsumerProgress'
        'Set-RmqBrokerWritePerm'
        'Disable-RmqBrokerWrite'
        'Enable-RmqBrokerWrite'
        'Wait-RmqBrokerDrained'
        'Get-RmqBrokerConfig'
        'Set-RmqBrokerConfig'
        'Get-RmqReplicationStatus'
        'New-RmqClusterConfig'
        'Test-RmqClusterConfig'
        'Send-RmqMessage'
        'Receive-RmqMessage'
        'Invoke-RmqRollingRestart'
    )
    AliasesToExport      = @('Set-BrokerWritePerm')
    FunctionsToExport    = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('RocketMQ', 'rmq', 'messaging', 'operations')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}
