using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// New-RmqTopic: creates (or updates) a topic on every master of a cluster, or on the one broker given by
/// -Address (a broker object piped in binds it). Each master that fails is a non-terminating error.
/// </summary>
[Cmdlet(VerbsCommon.New, "RmqTopic", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RmqTopicChange))]
public sealed class NewRmqTopicCommand : RmqNameServerCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Topic names.")]
    [Alias("Name")]
    public string[] Topic { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Create on every master of these clusters.")]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Create on this broker only (host:port).")]
    [Alias("BrokerAddress")]
    public string? Address { get; set; }

    [Parameter(HelpMessage = "Read queues per broker; default 8.")]
    [ValidateRange(1, 1024)]
    public int ReadQueueNums { get; set; } = 8;

    [Parameter(HelpMessage = "Write queues per broker; default 8.")]
    [ValidateRange(1, 1024)]
    public int WriteQueueNums { get; set; } = 8;

    [Parameter(HelpMessage = "Permission: ReadWrite (default) or ReadOnly.")]
    public RmqPermission Permission { get; set; } = RmqPermission.ReadWrite;

    [Parameter(HelpMessage = "Output one object per broker changed.")]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (Address is null && Cluster is not { Length: > 0 })
        {
            ThrowTerminatingError(new ErrorRecord(new ArgumentException("Give -Cluster or -Address (or pipe clusters or brokers in)."), "Rmq.TargetMissing", ErrorCategory.InvalidArgument, null));
        }

        if (ReadClusters() is not { } snapshot)
        {
            return;
        }

        var targets = Address is not null
            ? snapshot.Brokers.Where(b => b.Address == Address).Take(1).DefaultIfEmpty(new BrokerEntry("", Address, 0, Address)).ToList()
            : snapshot.Masters.Where(b => Cluster!.Contains(b.Cluster, StringComparer.Ordinal)).ToList();
        if (targets.Count == 0)
        {
            WriteTargetError($"No master of cluster(s) {string.Join(',', Cluster!)} is registered on {NameServerText}", RmqErrors.ClusterNotFound, Cluster, ErrorCategory.ObjectNotFound);
            return;
        }

        var perm = Permission == RmqPermission.ReadWrite ? PermName.ReadWrite : PermName.Read;
        foreach (var topic in Topic)
        {
            var config = new TopicConfig { TopicName = topic, ReadQueueNums = ReadQueueNums, WriteQueueNums = WriteQueueNums, Perm = perm };
            foreach (var broker in targets)
            {
                if (!ShouldProcess($"topic '{topic}' ({ReadQueueNums}r/{WriteQueueNums}w, {Permission}) on broker '{broker.BrokerName}' ({broker.Address})", "Create topic"))
                {
                    continue;
                }

                try
                {
                    Run(async ct =>
                    {
                        await using var client = RmqSession.Broker();
                        await client.CreateTopicAsync(broker.Address, config, cancellationToken: ct).ConfigureAwait(false);
                    });
                }
                catch (Exception e) when (e is not PipelineStoppedException)
                {
                    WriteTargetError(e, RmqErrors.ForBroker(e), broker.Address);
                    continue;
                }

                if (PassThru)
                {
                    WriteObject(new RmqTopicChange { NameServer = snapshot.NameServer, Cluster = broker.Cluster, BrokerName = broker.BrokerName, BrokerId = broker.BrokerId, Address = broker.Address, Topic = topic, Action = "Created" });
                }
            }
        }
    }
}
