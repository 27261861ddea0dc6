using System.Diagnostics;
using Rmq.E2E.Support;

namespace Rmq.E2E.Processes;

public class DotnetToolInstallTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_packed_tool_installs_with_dotnet_tool_install_and_runs_as_rmq()
    {
        using var dir = new TempDir("rmq-tool");
        var version = "0.1.0-test." + Guid.NewGuid().ToString("N")[..8];
        var env = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = dir.File("packages"),
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };

        // Given the rmq tool packed from the build the tests run on
        var pack = await RunAsync("dotnet", RepoPaths.Root, env, "pack", "cli/src/Rmq.Cli/Rmq.Cli.csproj", "--no-build",
            "-c", RepoPaths.Configuration, "-o", dir.File("nupkg"), "-p:Version=" + version);
        Assert.True(pack.ExitCode == 0, pack.Output);

        // When it is installed the way users do
        var install = await RunAsync("dotnet", dir.Path, env, "tool", "install", "rmq", "--version", version,
            "--tool-path", dir.File("tools"), "--add-source", dir.File("nupkg"));
        Assert.True(install.ExitCode == 0, install.Output);

        // Then `rmq` runs and lists its commands
        var help = await RunAsync(dir.File(Path.Combine("tools", "rmq")), dir.Path, env, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("namesrv", help.Output, StringComparison.Ordinal);
        Assert.Contains("conf", help.Output, StringComparison.Ordinal);
    }
}
