using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Rmq.Cli.Bench;

namespace Rmq.Cli.Commands.Bench;

/// <summary>
/// <c>rmq bench modes [--flush] [--master] [-s 1024] [-w 256] [--duration 20s] [--rounds 3] [--output json]</c>: the
/// same load against ASYNC_FLUSH / SYNC_FLUSH and ASYNC_MASTER / SYNC_MASTER (with its slave) in one run,
/// interleaved, printing medians and ratios. Starts and stops its own name servers and brokers.
/// </summary>
internal sealed class BenchModesCommand : Command
{
    private readonly CliConsole _console;
    private readonly Option<bool> _flush = new("--flush") { Description = "Compare ASYNC_FLUSH with SYNC_FLUSH (one master)" };
    private readonly Option<bool> _master = new("--master") { Description = "Compare ASYNC_MASTER with SYNC_MASTER (a master and its slave each)" };
    private readonly Option<int> _size = new("--size", "-s") { Description = "Message body size in bytes", DefaultValueFactory = _ => 1024 };
    private readonly Option<int> _workers = new("--workers", "-w") { Description = "Sends in flight, each waiting for the broker's answer", DefaultValueFactory = _ => 256 };
    private readonly Option<string> _duration = new("--duration") { Description = "Length of each timed run", DefaultValueFactory = _ => "20s" };
    private readonly Option<string> _warmup = new("--warmup") { Description = "Untimed run per mode before the first round", DefaultValueFactory = _ => "5s" };
    private readonly Option<int> _rounds = new("--rounds") { Description = "Timed runs per mode (interleaved A B A B ...)", DefaultValueFactory = _ => 3 };
    private readonly Option<string?> _data = new("--data") { Description = "Where the clusters keep their stores and logs [default: a temp folder, deleted after]" };
    private readonly Option<int> _namesrvPort = new("--namesrv-port") { Description = "First name server port (one per mode)", DefaultValueFactory = _ => 19880 };
    private readonly Option<int> _basePort = new("--base-port") { Description = "First broker port (100 apart per mode)", DefaultValueFactory = _ => 22911 };
    private readonly Option<string[]> _brokerProperty = new("--broker-property") { Description = "key=value added to every broker's config (repeatable), e.g. sendMessageThreadPoolNums=64", AllowMultipleArgumentsPerToken = false };
    private readonly Option<string> _output = new("--output") { Description = "text or json", DefaultValueFactory = _ => "text" };

    public BenchModesCommand(CliConsole console)
        : base("modes", "The same load against ASYNC/SYNC_FLUSH and ASYNC/SYNC_MASTER in one run, interleaved; medians and ratios")
    {
        _console = console;
        foreach (var option in new Option[] { _flush, _master, _size, _workers, _duration, _warmup, _rounds, _data, _namesrvPort, _basePort, _brokerProperty, _output })
        {
            Options.Add(option);
        }

        SetAction((parse, ct) => ExecuteAsync(parse, ct));
    }

    private async Task<int> ExecuteAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var duration = BenchDuration.Parse(parse.GetValue(_duration));
        var warmup = BenchDuration.Parse(parse.GetValue(_warmup));
        var size = parse.GetValue(_size);
        var workers = parse.GetValue(_workers);
        var rounds = parse.GetValue(_rounds);
        if (duration is null || warmup is null || size <= 0 || workers <= 0 || rounds <= 0)
        {
            await _console.Error.WriteLineAsync("bench modes: -s, -w and --rounds must be > 0, --duration and --warmup like 20s").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        var flush = parse.GetValue(_flush);
        var master = parse.GetValue(_master);
        var pairs = new List<BenchModePair>();
        if (flush || !master)
        {
            pairs.Add(BenchModePair.Flush);
        }

        if (master || !flush)
        {
            pairs.Add(BenchModePair.Master);
        }

        var json = parse.GetValue(_output) == "json";
        var ownsDataDir = parse.GetValue(_data) is null;
        var dataDir = parse.GetValue(_data) ?? Path.Combine(Path.GetTempPath(), "rmq-bench-modes-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var options = new ModeComparisonOptions(pairs, size, workers, duration.Value, warmup.Value, rounds, dataDir, parse.GetValue(_namesrvPort), parse.GetValue(_basePort))
        {
            BrokerProperties = parse.GetValue(_brokerProperty) ?? [],
        };
        ModeComparisonReport report;
        try
        {
            report = await ModeComparison.RunAsync(options, json ? _console.Error : _console.Out, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException or IOException)
        {
            await _console.Error.WriteLineAsync("bench modes: " + e.Message).ConfigureAwait(false);
            return ExitCodes.ServerError;
        }
        finally
        {
            if (ownsDataDir && Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }

        if (json)
        {
            await _console.Out.WriteLineAsync(JsonSerializer.Serialize(report, BenchJson.Options)).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await _console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "\nmedians of {0} interleaved runs of {1:0.#} s each, {2} B messages, {3} sends in flight:", rounds, duration.Value.TotalSeconds, size, workers)).ConfigureAwait(false);
        await _console.Out.WriteLineAsync("| mode | msgs/s | p50 ms | p99 ms | failed | ratio |").ConfigureAwait(false);
        await _console.Out.WriteLineAsync("| --- | --- | --- | --- | --- | --- |").ConfigureAwait(false);
        foreach (var pair in report.Pairs)
        {
            foreach (var (m, ratio) in new[] { (pair.Baseline, "1"), (pair.Candidate, pair.ThroughputRatio.ToString("0.000", CultureInfo.InvariantCulture)) })
            {
                await _console.Out.WriteLineAsync(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2:F2} | {3:F2} | {4} | {5} |", m.Mode, m.MessagesPerSecond, m.P50Ms, m.P99Ms, m.Failed, ratio)).ConfigureAwait(false);
            }
        }

        return ExitCodes.Success;
    }
}
