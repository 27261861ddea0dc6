namespace Rmq.Cli.Tests.Conf;

internal sealed record CliResult(int ExitCode, string Out, string Error);

internal static class CliRun
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await RmqApp.RunAsync(args, new CliConsole(output, error));
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("rmq-cli-conf").FullName;

    /// <summary>The repository root: the first folder above the test assembly that holds Toolkit.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Toolkit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Toolkit.sln not found above " + AppContext.BaseDirectory);
    }
}
