using System.CommandLine;

namespace Rmq.Cli.Commands.Conf;

/// <summary><c>rmq conf</c>: broker and name server configuration files (RocketMQ .properties).</summary>
public sealed class ConfCommand : Command
{
    public ConfCommand(CliConsole console)
        : base("conf", "Generate and check RocketMQ broker/name server configuration files")
    {
        Subcommands.Add(new ConfNewCommand(console));
        Subcommands.Add(new ConfValidateCommand(console));
    }
}
