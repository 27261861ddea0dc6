using System.Management.Automation;
using Rmq.Client.Admin;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Remoting.Transport;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// One transport for the whole pwsh session: connections to name servers and brokers are made once and
/// reused by every cmdlet (a closed connection is made again on the next call). Disposed when the module
/// is removed.
/// </summary>
public sealed class RmqSession : IModuleAssemblyCleanup
{
    /// <summary>Per call, like mqadmin.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private static readonly Lock Gate = new();
    private static RemotingClient? s_remoting;

    internal static RemotingClient Remoting
    {
        get
        {
            lock (Gate)
            {
                return s_remoting ??= new RemotingClient(new RemotingClientOptions { ConnectTimeout = TimeSpan.FromSeconds(3), WorkerThreads = 1 });
            }
        }
    }

    /// <summary>An admin client over the given name servers (reads fall over to the next one).</summary>
    internal static AdminClient Admin(IReadOnlyList<string> nameServers) => new(nameServers, Remoting, CallTimeout);

    /// <summary>A client for exactly one name server (per-target reads and writes).</summary>
    internal static NameServerClient NameServer(string address) => new([address], Remoting, CallTimeout);

    internal static BrokerClient Broker() => new(Remoting, CallTimeout);

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        RemotingClient? remoting;
        lock (Gate)
        {
            remoting = s_remoting;
            s_remoting = null;
        }

        remoting?.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
    }
}
