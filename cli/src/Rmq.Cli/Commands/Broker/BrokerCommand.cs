using System.CommandLine;
using Rmq.Broker;
using Rmq.Broker.Config;
using Rmq.Cli.Hosting;
using Rmq.Configuration;

namespace Rmq.Cli.Commands.Broker;

/// <summary><c>rmq broker</c>: runs a RocketMQ 4.x broker (mqbroker).</summary>
internal sealed class BrokerCommand : Command
{
    /// <summary>The items <c>-m</c> prints (RocketMQ's @ImportantField set).</summary>
    private static readonly string[] ImportantKeys =
    [
        "rocketmqHome", "namesrvAddr", "brokerIP1", "brokerIP2", "brokerName", "brokerClusterName", "brokerId",
        "brokerPermission", "listenPort", "advertisedListenPort", "haListenPort", "brokerRole", "flushDiskType",
        "storePathRootDir", "storePathCommitLog", "mappedFileSizeCommitLog", "deleteWhen", "fileReservedTime",
        "autoCreateTopicEnable", "autoCreateSubscriptionGroup", "defaultTopicQueueNums", "maxMessageSize",
    ];

    private readonly CliConsole _console;

    private readonly Option<string?> _namesrv = new("--namesrvAddr", "-n")
    {
        Description = "Name server addresses, ';'-separated host:port (else namesrvAddr from the file, else NAMESRV_ADDR)",
    };

    private readonly Option<string?> _configFile = new("--configFile", "-c")
    {
        Description = "Broker config file (java.util.Properties: brokerClusterName, brokerName, listenPort, storePathRootDir, ...)",
    };

    private readonly Option<bool> _printConfig = new("--printConfigItem", "-p")
    {
        Description = "Print every config item and exit",
    };

    private readonly Option<bool> _printImportant = new("--printImportantConfig", "-m")
    {
        Description = "Print the important config items and exit",
    };

    private readonly Option<string> _bind = new("--bind")
    {
        Description = "Address to listen on (rmq extension; mqbroker always listens on all addresses)",
        DefaultValueFactory = _ => "0.0.0.0",
    };

    public BrokerCommand(CliConsole console)
        : base("broker", "Run a RocketMQ 4.x broker (mqbroker)")
    {
        _console = console;
        Options.Add(_namesrv);
        Options.Add(_configFile);
        Options.Add(_printConfig);
        Options.Add(_printImportant);
        Options.Add(_bind);
        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var path = parse.GetValue(_configFile);
        var namesrv = parse.GetValue(_namesrv);
        var overrides = string.IsNullOrWhiteSpace(namesrv) ? null : new Dictionary<string, string> { [BrokerConfigKeys.NamesrvAddr] = namesrv };
        var config = await ConfigLoading.BindOrReportAsync(path, BrokerConfigKeys.Table, overrides, _console.Error).ConfigureAwait(false);
        if (config is null)
        {
            return ExitCodes.BadArguments;
        }

        if (parse.GetValue(_printConfig))
        {
            await ConfigLoading.PrintAsync(config, _console.Out).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parse.GetValue(_printImportant))
        {
            var all = config.ToDictionary();
            foreach (var key in ImportantKeys.Where(all.ContainsKey))
            {
                await _console.Out.WriteLineAsync($"{key}={all[key]}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        }

        var options = BrokerOptionsBinder.FromConfig(config, path is null ? null : Path.GetFullPath(path), namesrv);
        var problems = new List<string>();
        if (CheckStoreWritable(options.Store.StorePathRootDir) is { } storeProblem)
        {
            problems.Add(storeProblem);
        }

        if (!System.Net.IPAddress.TryParse(options.Network.BrokerIP1, out _))
        {
            problems.Add($"brokerIP1: '{options.Network.BrokerIP1}' is not an IP address (it is written into every message as the store host)");
        }

        if (problems.Count > 0)
        {
            await _console.Error.WriteLineAsync($"invalid configuration ({problems.Count} error(s)):").ConfigureAwait(false);
            foreach (var problem in problems)
            {
                await _console.Error.WriteLineAsync("  " + problem).ConfigureAwait(false);
            }

            return ExitCodes.BadArguments;
        }

        await using var logger = ServerLogging.Create("broker");
        var warnings = config.Warnings.Select(w => w.ToString()).ToList();
        if (warnings.Count > 0)
        {
            logger.Warning("Config: {Count} warning(s): {Warnings}", warnings.Count, string.Join("; ", warnings));
        }

        if (options.Network.NameServerAddresses.Count == 0)
        {
            logger.Warning("No name server address (-n, namesrvAddr or NAMESRV_ADDR): the broker will not register");
        }

        var host = new BrokerHost(options, parse.GetValue(_bind)!, logger);
        try
        {
            try
            {
                await host.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                logger.Fatal(e, "Cannot listen on port {Port}", options.Network.ListenPort);
                await _console.Error.WriteLineAsync($"cannot listen on port {options.Network.ListenPort}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Unreachable;
            }
            catch (IOException e)
            {
                logger.Fatal(e, "Cannot open the store at {Path}", options.Store.StorePathRootDir);
                await _console.Error.WriteLineAsync($"cannot open the store at {options.Store.StorePathRootDir}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.ServerError;
            }

            await _console.Out.WriteLineAsync(
                $"The broker[{options.Identity.BrokerName}, {host.State.BrokerAddress}] boot success. serializeType=JSON and name server is {string.Join(';', options.Network.NameServerAddresses)}")
                .ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.Information("Shutdown requested");
        }
        finally
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static string? CheckStoreWritable(string storeRoot)
    {
        try
        {
            Directory.CreateDirectory(storeRoot);
            var probe = Path.Combine(storeRoot, ".rmq-write-probe");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"storePathRootDir: '{storeRoot}' is not writable: {e.Message}";
        }
    }
}
