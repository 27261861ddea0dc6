using System.CommandLine;

namespace Rmq.Cli.Commands.Cluster;

/// <summary><c>rmq cluster up|down|status</c>: a whole cluster on this machine.</summary>
internal sealed class ClusterCommand : Command
{
    public ClusterCommand(CliConsole console)
        : base("cluster", "Run a whole local cluster (name server + brokers of a config set) on 127.0.0.1")
    {
        Subcommands.Add(new ClusterUpCommand(console));
        Subcommands.Add(new ClusterDownCommand(console));
        Subcommands.Add(new ClusterStatusCommand(console));
    }

    /// <summary>Where a mode's local cluster keeps its files unless --data says otherwise.</summary>
    public static string DefaultDataDir(string name) =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".rmq", "clusters", name);
}
