using System.Management.Automation;
using Rmq.Client.NameServer;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// Wipes or adds the write permission of brokers on every name server given (WIPE_WRITE_PERM_OF_BROKER /
/// ADD_WRITE_PERM_OF_BROKER). A name server that fails is a non-terminating error; the others still change.
/// </summary>
public abstract class WritePermCmdlet : RmqNameServerCmdlet
{
    private readonly HashSet<(string, string)> _done = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Broker names (all brokers of that name: master and slaves).")]
    public string[] BrokerName { get; set; } = [];

    [Parameter(HelpMessage = "Output one result per name server.")]
    public SwitchParameter PassThru { get; set; }

    protected abstract RmqPermission TargetPermission { get; }

    protected override void ProcessRecord()
    {
        var nameServers = NameServers;
        foreach (var brokerName in BrokerName)
        {
            // A master and its slaves piped in share a name: change it once per name-server list.
            if (!_done.Add((NameServerText, brokerName)))
            {
                WriteVerbose($"Broker '{brokerName}' already set to {TargetPermission} on {NameServerText}");
                continue;
            }

            var action = TargetPermission == RmqPermission.ReadOnly ? "Wipe write permission" : "Add write permission";
            if (!ShouldProcess($"broker '{brokerName}' on name servers {NameServerText}", action))
            {
                continue;
            }

            var results = Run(ct => Apply(nameServers, brokerName, TargetPermission, ct));
            foreach (var result in Succeeded(results))
            {
                WriteVerbose($"{result.Address}: {action} of '{brokerName}' changed {result.Value} topic(s)");
                if (PassThru)
                {
                    WriteObject(new RmqWritePermResult { NameServer = result.Address, BrokerName = brokerName, Permission = TargetPermission, TopicCount = result.Value });
                }
            }
        }
    }

    internal static async Task<IReadOnlyList<NameServerResult<int>>> Apply(IReadOnlyList<string> nameServers, string brokerName, RmqPermission permission, CancellationToken cancellationToken)
    {
        await using var client = new NameServerClient(nameServers, RmqSession.Remoting, RmqSession.CallTimeout);
        return permission == RmqPermission.ReadOnly
            ? await client.WipeWritePermOfBrokerAsync(brokerName, cancellationToken).ConfigureAwait(false)
            : await client.AddWritePermOfBrokerAsync(brokerName, cancellationToken).ConfigureAwait(false);
    }
}
