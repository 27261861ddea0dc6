using System.CommandLine;
using Rmq.Configuration;

namespace Rmq.Cli.Commands.Conf;

/// <summary>
/// <c>rmq conf new &lt;mode&gt;</c>: writes a RocketMQ conf set (without options exactly the distribution's).
/// Options are per instance rather than static: the root command is built once per invocation and tests build
/// many in parallel, and a shared Option would be attached to every one of them.
/// </summary>
internal sealed class ConfNewCommand : Command
{
    private readonly CliConsole _console;

    private readonly Argument<string> _mode = new("mode")
    {
        Description = "single | 2m-noslave | 2m-2s-async | 2m-2s-sync | namesrv",
    };

    private readonly Option<int?> _masters = new("--masters") { Description = "Number of Masters (broker-a, broker-b, ...) [default: 2]" };

    private readonly Option<int?> _slaves = new("--slaves-per-master") { Description = "Slaves per Master (broker-a-s, broker-a-s2, ...) [default: 1 in 2m-2s-*]" };

    private readonly Option<string?> _cluster = new("--cluster") { Description = "brokerClusterName [default: DefaultCluster]" };

    private readonly Option<string?> _namesrv = new("--namesrv") { Description = "namesrvAddr for every broker, e.g. 10.0.0.1:9876;10.0.0.2:9876" };

    private readonly Option<string[]> _hosts = new("--hosts")
    {
        Description = "Broker hosts (brokerIP1), comma-separated: one per broker, or fewer to share (shared hosts get distinct ports and store folders)",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _flush = new("--flush") { Description = "flushDiskType: ASYNC_FLUSH or SYNC_FLUSH [default: ASYNC_FLUSH]" };

    private readonly Option<string?> _storeRoot = new("--store-root") { Description = $"Parent of per-broker store folders when brokers share a host [default: {ClusterConfigScaffolder.DefaultStoreRoot}]" };

    private readonly Option<string?> _output = new("--output", "-o") { Description = "Output folder [default: ./<mode>, or . for single and namesrv]" };

    private readonly Option<bool> _force = new("--force") { Description = "Overwrite existing files" };

    public ConfNewCommand(CliConsole console)
        : base("new", "Write a broker conf set (RocketMQ's distribution files when no option is given)")
    {
        _console = console;
        Arguments.Add(_mode);
        Options.Add(_masters);
        Options.Add(_slaves);
        Options.Add(_cluster);
        Options.Add(_namesrv);
        Options.Add(_hosts);
        Options.Add(_flush);
        Options.Add(_storeRoot);
        Options.Add(_output);
        Options.Add(_force);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string modeName = parse.GetValue(_mode)!;
        if (!DeploymentModes.TryParse(modeName, out var mode))
        {
            await _console.Error.WriteLineAsync($"unknown mode '{modeName}'; expected one of: {string.Join(", ", DeploymentModes.Names)}").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var options = new ScaffoldOptions(mode)
        {
            Masters = parse.GetValue(_masters),
            SlavesPerMaster = parse.GetValue(_slaves),
            ClusterName = parse.GetValue(_cluster),
            NamesrvAddr = parse.GetValue(_namesrv),
            Hosts = (parse.GetValue(_hosts) ?? []).SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList(),
            FlushDiskType = parse.GetValue(_flush),
            StoreRoot = parse.GetValue(_storeRoot),
        };

        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = ClusterConfigScaffolder.Generate(options);
        }
        catch (ArgumentException ex)
        {
            await _console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        string folder = parse.GetValue(_output) ?? ClusterConfigScaffolder.DefaultOutputFolder(mode);
        bool force = parse.GetValue(_force);
        var existing = ClusterConfigScaffolder.FindExisting(files, folder);
        if (existing.Count > 0 && !force)
        {
            await _console.Error.WriteLineAsync($"refusing to overwrite {string.Join(", ", existing)}; use --force").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var written = ClusterConfigScaffolder.Write(files, folder, force);
        for (int i = 0; i < written.Count; i++)
        {
            await _console.Out.WriteLineAsync($"{written[i]}: {files[i].Description}").ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
