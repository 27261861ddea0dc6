using System.CommandLine;
using System.Globalization;
using Rmq.Client.Admin;
using Rmq.Client.Admin.Models;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>drainBroker -b NAME [--timeout 300s] [--grace 10s] [--route-refresh 30s] [-g GROUP;GROUP]</c>: records the drain,
/// wipes the write perm on every name server, then waits until the master has put nothing for the grace period
/// after at least one client route refresh (exit 0), or times out naming the producers still connected (exit 8).
/// </summary>
internal sealed class DrainBrokerCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerName;
    private readonly Option<string?> _timeout;
    private readonly Option<string?> _grace;
    private readonly Option<string?> _routeRefresh;
    private readonly Option<string?> _checkInterval;
    private readonly Option<string?> _producerGroups;

    public DrainBrokerCommand(CliConsole console)
        : base(console, "drainBroker", "Wipe write perm of broker on every name server and wait until no client writes to it")
    {
        _brokerName = Value("b", "brokerName", "broker name", required: true);
        _timeout = Duration("--timeout", "give up after this long (exit 8) [default: 300s]");
        _grace = Duration("--grace", "no put for this long counts as drained [default: 10s]");
        _routeRefresh = Duration("--route-refresh", "the clients' route refresh interval (pollNameServerInterval) [default: 30s]");
        _checkInterval = Duration("--check-interval", "time between two looks at the broker [default: 1s]");
        _producerGroups = Value("g", "producerGroup", "producer groups to name on a time-out when the broker does not answer GET_ALL_PRODUCER_INFO (a;b)");
    }

    private Option<string?> Duration(string name, string description)
    {
        var option = new Option<string?>(name) { Description = description };
        Options.Add(option);
        return option;
    }

    /// <summary><c>300s</c>, <c>500ms</c>, <c>5m</c>, <c>1h</c>, or plain seconds.</summary>
    public static TimeSpan ParseDuration(string? text, TimeSpan defaultValue, string optionName)
    {
        if (text is null)
        {
            return defaultValue;
        }

        var t = text.Trim();
        (string Number, double Scale) split = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1)
            : t.EndsWith('m') ? (t[..^1], 60)
            : t.EndsWith('h') ? (t[..^1], 3600)
            : (t, 1);
        return double.TryParse(split.Number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * split.Scale)
            : throw new AdminArgumentException($"{optionName} expects a duration like 300s, 500ms or 5m, not '{text}'");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var brokerName = RequiredText(parse, _brokerName).Trim();
        var grace = ParseDuration(parse.GetValue(_grace), TimeSpan.FromSeconds(10), "--grace");
        var options = new DrainOptions(
            ParseDuration(parse.GetValue(_timeout), TimeSpan.FromSeconds(300), "--timeout"),
            grace,
            ParseDuration(parse.GetValue(_routeRefresh), TimeSpan.FromSeconds(30), "--route-refresh"),
            ParseDuration(parse.GetValue(_checkInterval), TimeSpan.FromSeconds(1), "--check-interval"));
        if (options.CheckInterval <= TimeSpan.Zero)
        {
            throw new AdminArgumentException("--check-interval must be positive");
        }

        var groups = parse.GetValue(_producerGroups)?.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var drainer = new BrokerDrainer(context.Admin);
        var result = await drainer.DrainAsync(
            brokerName, options, groups, context.Json ? null : PrintCheckAsync, context.Json ? null : wipe => PrintWipeAsync(brokerName, wipe), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new
            {
                result.BrokerName,
                result.MasterAddress,
                result.Drained,
                elapsedMillis = (long)result.Elapsed.TotalMilliseconds,
                wipe = result.Wipe.Select(FleetResults.ToJson),
                recorded = result.Recorded.Select(FleetResults.ToJson),
                checks = result.Checks.Select(c => new { elapsedMillis = (long)c.Elapsed.TotalMilliseconds, c.PutTps, putTotal = c.MsgPutTotalTodayNow, c.PutDelta, quietForMillis = (long)c.QuietFor.TotalMilliseconds, c.RouteRefreshPassed, c.Source, c.Error }),
                result.PutsDuringDrain,
                result.Producers,
                result.Writers,
            }).ConfigureAwait(false);
        }
        else
        {
            if (result.Drained)
            {
                await PrintfAsync("broker[%s] %s drained: no message put for %s s after the route refresh; %d put during the drain; %.1f s%n",
                    brokerName, result.MasterAddress, Seconds(grace), result.PutsDuringDrain, result.Elapsed.TotalSeconds).ConfigureAwait(false);
            }
            else
            {
                await Console.Error.WriteLineAsync(JavaFormat.Format("broker[%s] %s still receives writes after %.1f s (%d put during the drain); producers connected:",
                    brokerName, result.MasterAddress, result.Elapsed.TotalSeconds, result.PutsDuringDrain)).ConfigureAwait(false);
                await Console.Error.WriteAsync(JavaFormat.Format("%-32s %-36s %-22s %-8s %s%n", "#ProducerGroup", "#ClientId", "#ClientAddr", "#Language", "#Version")).ConfigureAwait(false);
                foreach (var p in result.Producers)
                {
                    await Console.Error.WriteAsync(JavaFormat.Format("%-32s %-36s %-22s %-8s %s%n", p.ProducerGroup, p.ClientId, p.ClientAddr, p.Language, MQVersionText.Describe(p.Version))).ConfigureAwait(false);
                }

                if (result.Producers.Count == 0)
                {
                    await Console.Error.WriteLineAsync("(none listed: the broker answers neither GET_ALL_PRODUCER_INFO nor GET_PRODUCER_CONNECTION_LIST for the -g groups)").ConfigureAwait(false);
                }

                if (result.Writers.Count > 0)
                {
                    await Console.Error.WriteLineAsync("last messages put during the grace period:").ConfigureAwait(false);
                    await Console.Error.WriteAsync(JavaFormat.Format("%-32s %-4s %-22s %-24s %s%n", "#Topic", "#QID", "#BornHost", "#ProducerGroup", "#StoreTime")).ConfigureAwait(false);
                    foreach (var w in result.Writers)
                    {
                        await Console.Error.WriteAsync(JavaFormat.Format("%-32s %-4d %-22s %-24s %s%n", w.Topic, w.QueueId, w.BornHost, w.ProducerGroup ?? "-", JavaFormat.HumanTime(w.StoreTimestamp))).ConfigureAwait(false);
                    }
                }
            }
        }

        return result.Drained ? ExitCodes.Success : ExitCodes.TimedOut;
    }

    private async Task PrintWipeAsync(string brokerName, IReadOnlyList<Rmq.Client.NameServer.NameServerResult<int>> results)
    {
        foreach (var wipe in results)
        {
            await (wipe.Succeeded
                ? PrintfAsync("wipe write perm of broker[%s] in name server[%s] OK, %d%n", brokerName, wipe.Address, wipe.Value)
                : PrintfAsync("wipe write perm of broker[%s] in name server[%s] Failed%n", brokerName, wipe.Address)).ConfigureAwait(false);
        }
    }

    private Task PrintCheckAsync(DrainCheck check) =>
        check.Error is not null
            ? PrintfAsync("[%6.1fs] %s unreadable: %s%n", check.Elapsed.TotalSeconds, check.MasterAddress, check.Error)
            : PrintfAsync("[%6.1fs] %s put+%s (%s) quiet=%.1fs%s%n", check.Elapsed.TotalSeconds, check.MasterAddress,
                check.PutDelta?.ToString(CultureInfo.InvariantCulture) ?? "?", check.Source, check.QuietFor.TotalSeconds, check.RouteRefreshPassed ? string.Empty : " (waiting for route refresh)");

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
