using System.CommandLine;

namespace Rmq.Cli;

/// <summary>The `rmq` root command: every leaf command is registered here and nowhere else.</summary>
public static class RmqApp
{
    public static RootCommand BuildRootCommand(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        var root = new RootCommand("rmq: RocketMQ 4.x-compatible name server, broker and operations tooling");
        root.Subcommands.Add(new Commands.NameServer.NameServerCommand(console));
        root.Subcommands.Add(new Commands.Broker.BrokerCommand(console));
        root.Subcommands.Add(new Commands.Conf.ConfCommand(console));
        root.Subcommands.Add(new Commands.Cluster.ClusterCommand(console));
        root.Subcommands.Add(new Commands.Admin.AdminCommand(console));
        root.Subcommands.Add(new Commands.Bench.BenchCommand(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= CliConsole.System;
        var root = BuildRootCommand(console);
        var config = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await root.Parse(args).InvokeAsync(config, cancellationToken).ConfigureAwait(false);
    }
}
