using System.Globalization;
using System.Text;

namespace Rmq.PeerBench;

/// <summary>The side-by-side table: medians over rounds, one row per broker, grouped by durability.</summary>
public static class PeerTable
{
    public static string Render(IReadOnlyList<PeerRun> runs, IReadOnlyList<int> inFlight, int pacedRate, double? fsyncPerSecond)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(inFlight);
        var text = new StringBuilder();
        var header = "| durability | broker | " + string.Join(" | ", inFlight.Select(n => $"produce {n} in flight")) + $" | consume | p50 @{pacedRate / 1000.0:0.#}k/s | p99 @{pacedRate / 1000.0:0.#}k/s | CPU s / M msgs | runs |";
        text.AppendLine(header);
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", 2 + inFlight.Count + 5)));
        foreach (var group in runs.GroupBy(r => (r.Durability, r.Target)).OrderBy(g => g.Key.Durability, StringComparer.Ordinal))
        {
            var list = group.ToList();
            var cells = new List<string> { group.Key.Durability, group.Key.Target };
            cells.AddRange(inFlight.Select(n => Median(list.Select(r => r.ProducePerSecond.GetValueOrDefault(n))).ToString("N0", CultureInfo.InvariantCulture)));
            cells.Add(Median(list.Select(r => r.ConsumePerSecond)).ToString("N0", CultureInfo.InvariantCulture));
            cells.Add(Median(list.Select(r => r.PacedP50Ms)).ToString("0.00", CultureInfo.InvariantCulture) + " ms");
            cells.Add(Median(list.Select(r => r.PacedP99Ms)).ToString("0.00", CultureInfo.InvariantCulture) + " ms");
            cells.Add(Median(list.Select(r => r.CpuSecondsPerMillion)).ToString("0.0", CultureInfo.InvariantCulture));
            var failed = list.Sum(r => r.Failed);
            cells.Add(list.Count.ToString(CultureInfo.InvariantCulture) + (failed > 0 ? $" ({failed} failed)" : string.Empty));
            text.AppendLine("| " + string.Join(" | ", cells) + " |");
        }

        if (fsyncPerSecond is { } fsync)
        {
            text.AppendLine();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Machine limit: single-writer 4 KiB write + fdatasync (fio): {fsync:N0} per second."));
        }

        return text.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
