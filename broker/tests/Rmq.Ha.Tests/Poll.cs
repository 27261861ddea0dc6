namespace Rmq.Ha.Tests;

internal static class Poll
{
    /// <summary>Polls <paramref name="condition"/> until true or the deadline; returns the final value.</summary>
    public static async Task<bool> UntilAsync(Func<bool> condition, int timeoutMs = 15_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline)
            {
                return condition();
            }

            await Task.Delay(5);
        }

        return true;
    }

    public static async Task AssertAsync(Func<bool> condition, string what, int timeoutMs = 15_000)
        => Assert.True(await UntilAsync(condition, timeoutMs), what);
}
