# Starts and stops real rmq servers (child processes of the built rmq tool) on 127.0.0.1 for the Pester
# tests. Every wait polls with a deadline; every process started here is stopped by its PID.
Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
$script:Started = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()

function Get-RmqCliDll {
    if ($env:RMQ_CLI_DLL) { return $env:RMQ_CLI_DLL }
    $configuration = if ($env:RMQ_CONFIGURATION) { $env:RMQ_CONFIGURATION } else { 'Release' }
    Join-Path $script:RepoRoot "cli/src/Rmq.Cli/bin/$configuration/net10.0/rmq.dll"
}

function Test-RmqBrokerAvailable {
    # True once `rmq broker` exists in the built tool (the broker lands in main while this module is written).
    $out = & dotnet (Get-RmqCliDll) broker --help 2>&1 | Out-String
    $LASTEXITCODE -eq 0 -and $out -match 'namesrvAddr'
}

function Test-PortFree([int] $Port) {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, $Port)
    try { $listener.Start(); $true } catch { $false } finally { $listener.Stop() }
}

function Get-FreePort {
    # A port p with p-2..p+1 free (a broker uses listenPort-2 for VIP and +1 for HA).
    for ($i = 0; $i -lt 200; $i++) {
        $p = Get-Random -Minimum 20000 -Maximum 45000
        if ((($p - 2)..($p + 1)) | ForEach-Object { Test-PortFree $_ } | Where-Object { -not $_ }) { continue }
        return $p
    }
    throw 'no free port block found'
}

function Wait-Until([scriptblock] $Condition, [TimeSpan] $Timeout, [string] $What) {
    $deadline = [DateTime]::UtcNow + $Timeout
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return }
        Start-Sleep -Milliseconds 200   # poll interval, bounded by the deadline
    }
    throw "timed out after $Timeout waiting for $What"
}

function Test-TcpConnect([string] $HostName, [int] $Port) {
    $client = [System.Net.Sockets.TcpClient]::new()
    try { $client.ConnectAsync($HostName, $Port).Wait(500) -and $client.Connected } catch { $false } finally { $client.Dispose() }
}

function Start-RmqProcess([string] $Root, [string[]] $Arguments, [string] $Name) {
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $info.ArgumentList.Add((Get-RmqCliDll))
    foreach ($a in $Arguments) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.Environment['RMQ_LOG_DIR'] = Join-Path $Root 'logs'
    $info.Environment['HOME'] = $Root          # nothing of the servers lands in the user's home
    $process = [System.Diagnostics.Process]::Start($info)
    # Drain the pipes so a chatty server never blocks on a full pipe.
    $process.BeginOutputReadLine(); $process.BeginErrorReadLine()
    $script:Started.Add($process)
    # For run-tests.sh: stops what is left if this pwsh process dies before AfterAll runs.
    if ($env:RMQ_TEST_PIDFILE) { Add-Content -Path $env:RMQ_TEST_PIDFILE -Value $process.Id }
    $process
}

function New-TestRoot([string] $Name) {
    $root = Join-Path ([System.IO.Path]::GetTempPath()) ("rmq-pester-$Name-" + [guid]::NewGuid().ToString('n').Substring(0, 8))
    New-Item -ItemType Directory -Path $root | Out-Null
    $root
}

function Start-RmqNameServer {
    # A free port can be taken by another process before the name server binds it: try three ports.
    for ($attempt = 1; ; $attempt++) {
        $root = New-TestRoot 'namesrv'
        $port = Get-FreePort
        $conf = Join-Path $root 'namesrv.properties'
        Set-Content -Path $conf -Value @("listenPort=$port", "kvConfigPath=$(Join-Path $root 'kvConfig.json')")
        $process = Start-RmqProcess -Root $root -Arguments @('namesrv', '-c', $conf, '--bind', '127.0.0.1') -Name 'namesrv'
        Wait-Until { $process.HasExited -or (Test-TcpConnect '127.0.0.1' $port) } ([TimeSpan]::FromSeconds(30)) "name server on $port"
        if (-not $process.HasExited) {
            return [pscustomobject]@{ Process = $process; Address = "127.0.0.1:$port"; Port = $port; Root = $root }
        }
        Remove-TestRoot $root
        if ($attempt -ge 3) { throw "rmq namesrv exited with $($process.ExitCode) on three ports" }
    }
}

function Wait-RmqTopicRoute {
    # Brokers register a new topic with the name servers right after creating it, but not before answering.
    param([string] $NameServer, [string] $Topic, [int] $Brokers)
    Wait-Until { @(Get-RmqTopicRoute -NameServer $NameServer -Topic $Topic -ErrorAction SilentlyContinue).Count -ge $Brokers } ([TimeSpan]::FromSeconds(30)) "the route of $Topic on $Brokers broker(s)"
}

function Start-RmqBroker {
    param(
        [Parameter(Mandatory)][string] $NameServer,
        [Parameter(Mandatory)][string] $BrokerName,
        [string] $Cluster = 'PesterCluster',
        [long] $BrokerId = 0,
        [string] $MasterAddress,
        [int] $Port = (Get-FreePort),
        [string] $Root = (New-TestRoot "broker-$BrokerName-$BrokerId"),
        [string[]] $Extra = @()
    )
    $conf = Join-Path $root 'broker.conf'
    $role = if ($BrokerId -eq 0) { 'SYNC_MASTER' } else { 'SLAVE' }
    # A free port can be taken by another process before the broker binds it: try three ports.
    for ($attempt = 1; ; $attempt++) {
        $lines = @(
            "brokerClusterName=$Cluster", "brokerName=$BrokerName", "brokerId=$BrokerId", "brokerRole=$role",
            "listenPort=$Port", 'brokerIP1=127.0.0.1', 'brokerIP2=127.0.0.1',
            "storePathRootDir=$(Join-Path $root 'store')", 'mappedFileSizeCommitLog=16777216', 'mappedFileSizeConsumeQueue=60000',
            'maxHashSlotNum=10000', 'maxIndexNum=40000', 'autoCreateTopicEnable=true'
        ) + $Extra
        if ($BrokerId -ne 0 -and $MasterAddress) { $lines += "haMasterAddress=$MasterAddress" }
        Set-Content -Path $conf -Value $lines
        $broker = [pscustomobject]@{ Process = $null; NameServer = $NameServer; BrokerName = $BrokerName; BrokerId = $BrokerId; Port = $Port; Address = "127.0.0.1:$Port"; Root = $root; Config = $conf }
        try {
            Start-RmqBrokerProcess $broker
            return $broker
        } catch {
            if ($attempt -ge 3 -or -not $broker.Process.HasExited) { throw }
            $Port = Get-FreePort
        }
    }
}

function Start-RmqBrokerProcess($Broker) {
    $Broker.Process = Start-RmqProcess -Root $Broker.Root -Arguments @('broker', '-c', $Broker.Config, '-n', $Broker.NameServer, '--bind', '127.0.0.1') -Name 'broker'
    Wait-Until {
        $Broker.Process.HasExited -or (Get-RmqBroker -NameServer $Broker.NameServer -BrokerName $Broker.BrokerName -ErrorAction SilentlyContinue |
                Where-Object { $_.BrokerId -eq $Broker.BrokerId -and $_.Address -eq $Broker.Address -and $_.Status -eq 'Online' })
    } ([TimeSpan]::FromSeconds(60)) "broker $($Broker.BrokerName)/$($Broker.BrokerId) registered"
    if ($Broker.Process.HasExited) { throw "rmq broker $($Broker.BrokerName) exited with $($Broker.Process.ExitCode)" }
}

function Stop-RmqBrokerProcess($Broker) {
    # SIGTERM: a graceful stop that unregisters from the name servers.
    & kill -TERM $Broker.Process.Id
    if (-not $Broker.Process.WaitForExit(30000)) { $Broker.Process.Kill($true); [void]$Broker.Process.WaitForExit(10000) }
}

function Stop-RmqTestServers {
    foreach ($p in $script:Started) {
        try { if (-not $p.HasExited) { $p.Kill($true); [void]$p.WaitForExit(10000) } } catch { Write-Warning "stop $($p.Id): $_" }
    }
    $script:Started.Clear()
}

function Register-FakeBroker {
    # Registers a broker that does not exist (address 127.0.0.1:1) with topics on the given name servers,
    # through the client library the module ships. The registration lives as long as the returned client.
    param([string[]] $NameServer, [string] $Cluster, [string] $BrokerName, [string[]] $Topic, [int] $Port = 1)
    $moduleBase = (Get-Module Rmq).ModuleBase
    foreach ($dll in 'Rmq.Remoting.dll', 'Rmq.Client.dll') { Add-Type -Path (Join-Path $moduleBase $dll) }
    $client = [Rmq.Client.NameServer.NameServerClient]::new(($NameServer -join ';'), $null, $null, $null)
    $body = [Rmq.Remoting.Protocol.Bodies.RegisterBrokerBody]::new()
    $body.TopicConfigSerializeWrapper.DataVersion = [Rmq.Remoting.Protocol.Bodies.DataVersion]::new([DateTimeOffset]::UtcNow.ToUnixTimeMilliseconds(), 1)
    foreach ($t in $Topic) {
        $config = [Rmq.Remoting.Protocol.Bodies.TopicConfig]@{ TopicName = $t; ReadQueueNums = 4; WriteQueueNums = 4; Perm = 6 }
        $body.TopicConfigSerializeWrapper.TopicConfigTable[$t] = $config
    }
    $results = $client.RegisterBrokerAsync($Cluster, "127.0.0.1:$Port", $BrokerName, 0, "127.0.0.1:$($Port + 1)", $body, $false, [System.Threading.CancellationToken]::None).GetAwaiter().GetResult()
    foreach ($r in $results) { if (-not $r.Succeeded) { throw "register $BrokerName on $($r.Address): $($r.Error)" } }
    $client
}

function Remove-TestRoot([string] $Root) {
    if ($Root -and (Test-Path $Root) -and $Root.StartsWith([System.IO.Path]::GetTempPath())) { Remove-Item -Recurse -Force $Root -ErrorAction SilentlyContinue }
}

Export-ModuleMember -Function Wait-RmqTopicRoute, Get-RmqCliDll, Test-RmqBrokerAvailable, Get-FreePort, Wait-Until, Start-RmqNameServer, Start-RmqBroker,
    Start-RmqBrokerProcess, Stop-RmqBrokerProcess, Stop-RmqTestServers, Register-FakeBroker, New-TestRoot, Remove-TestRoot, Test-PortFree
