namespace Rmq.Broker.Stats;

/// <summary>
/// The last <c>capacity</c> samples of a stats item (RocketMQ's csListMinute/Hour/Day). The first sample is preceded
/// by a zero sample one period earlier, as Java does, so an item's first window reports what it counted so far.
/// Sampling and reading take the window's lock; counting never does.
/// </summary>
public sealed class SampleWindow(int capacity, long periodMillis)
{
    private readonly Queue<CallSnapshot> _samples = new(capacity + 1);

    public void Add(long nowMillis, long times, long value)
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                _samples.Enqueue(new CallSnapshot(nowMillis - periodMillis, 0, 0));
            }

            _samples.Enqueue(new CallSnapshot(nowMillis, times, value));
            while (_samples.Count > capacity)
            {
                _samples.Dequeue();
            }
        }
    }

    /// <summary>Sum, TPS and average per call between the oldest and the newest sample.</summary>
    public StatsSnapshot Compute()
    {
        lock (_samples)
        {
            if (_samples.Count == 0)
            {
                return default;
            }

            var first = _samples.Peek();
            var last = _samples.Last();
            var sum = last.Value - first.Value;
            var elapsed = last.Timestamp - first.Timestamp;
            var tps = elapsed > 0 ? sum * 1000.0 / elapsed : 0;
            var times = last.Times - first.Times;
            var avgpt = times > 0 ? (double)sum / times : 0;
            return new StatsSnapshot(sum, tps, avgpt, times);
        }
    }
}
