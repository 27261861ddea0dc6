using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Rmq.Cli.Tests.Admin;

internal sealed record AdminResult(int ExitCode, string Out, string Error)
{
    public JsonElement Json => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- out ---\n{Out}\n--- err ---\n{Error}";
}

internal static class AdminRun
{
    /// <summary>Runs <c>rmq admin &lt;args&gt;</c> in process, bounded by <paramref name="timeout"/> (30 s).</summary>
    public static async Task<AdminResult> RunAsync(params string[] args) => await RunAsync(TimeSpan.FromSeconds(30), args);

    public static async Task<AdminResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cts = new CancellationTokenSource(timeout);
        var code = await RmqApp.RunAsync(["admin", .. args], new CliConsole(output, error), cts.Token);
        return new AdminResult(code, output.ToString(), error.ToString());
    }

    /// <summary>A 127.0.0.1 port nothing listens on.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Polls <paramref name="condition"/> until true or the deadline.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return await condition();
    }
}
