namespace Rmq.Broker.Tests.Support;

/// <summary>System time plus an adjustable shift (timers still run on real time).</summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
        set => Interlocked.Exchange(ref _shiftTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
