using Serilog;
using Serilog.Events;

namespace Rmq.Cli.Hosting;

/// <summary>
/// Logging for the long-running server commands: console for humans, and a rolling file per role
/// under <c>~/logs/rmqlogs/</c> (as RocketMQ keeps <c>~/logs/rocketmqlogs</c>). The folder can be moved
/// with the RMQ_LOG_DIR environment variable.
/// </summary>
public static class ServerLogging
{
    public const string LogDirVariable = "RMQ_LOG_DIR";

    public static string LogDirectory =>
        Environment.GetEnvironmentVariable(LogDirVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "logs", "rmqlogs");

    /// <summary>A logger writing to the console and to <c>&lt;log dir&gt;/&lt;role&gt;.log</c>, rolled daily and at 128 MiB.</summary>
    public static Serilog.Core.Logger Create(string role, bool toConsole = true, LogEventLevel minimumLevel = LogEventLevel.Information)
    {
        Directory.CreateDirectory(LogDirectory);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimumLevel)
            .Enrich.WithProperty("Role", role);
        if (toConsole)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}");
        }

        return configuration
            .WriteTo.File(
                Path.Combine(LogDirectory, role + ".log"),
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u4} [{Role}] {SourceContext} - {Message:lj}{NewLine}{Exception}",
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: 128L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: 14,
                flushToDiskInterval: TimeSpan.FromSeconds(1),
                shared: true)
            .CreateLogger();
    }
}
