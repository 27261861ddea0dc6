using System.Diagnostics;
using System.Text.Json;

namespace Rmq.E2E.Support;

/// <summary>Runs the scripts in e2e/interop/ali-ons: the unmodified third-party ali-ons client on the wire.</summary>
public static class AliOnsClient
{
    /// <summary>Runs <c>node &lt;script&gt; args...</c> (bounded) and parses its last stdout line as JSON.</summary>
    public static async Task<JsonElement> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.AliOnsDir, "node_modules", "ali-ons")))
        {
            throw new InvalidOperationException("ali-ons is not installed: run `npm ci --prefix e2e/interop/ali-ons` (test.sh does)");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.AliOnsDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}: {await stderr}");
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"node {script} exited {process.ExitCode}: {await stderr}");
        }

        return JsonDocument.Parse(lines[^1]).RootElement.Clone();
    }
}
