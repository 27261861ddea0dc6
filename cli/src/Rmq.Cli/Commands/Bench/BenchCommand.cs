using System.CommandLine;

namespace Rmq.Cli.Commands.Bench;

/// <summary><c>rmq bench producer|consumer|modes</c>: RocketMQ's benchmark/producer.sh and consumer.sh.</summary>
internal sealed class BenchCommand : Command
{
    public BenchCommand(CliConsole console)
        : base("bench", "Load-test a cluster: a producer or consumer printing TPS and latency each second, then a summary")
    {
        Subcommands.Add(new BenchProducerCommand(console));
        Subcommands.Add(new BenchConsumerCommand(console));
        Subcommands.Add(new BenchModesCommand(console));
    }

    internal static string NameServer(string? option) =>
        option ?? Environment.GetEnvironmentVariable("NAMESRV_ADDR") ?? "127.0.0.1:9876";
}
