using Serilog;
using Serilog.Core;
using Serilog.Events;
using Xunit.Abstractions;

namespace Rmq.Client.Tests;

/// <summary>A Serilog logger writing Information and above to the test's output (shown when a test fails).</summary>
internal sealed class TestOutputLogger(ITestOutputHelper output) : ILogEventSink
{
    public static ILogger Create(ITestOutputHelper output) =>
        new LoggerConfiguration().MinimumLevel.Information().WriteTo.Sink(new TestOutputLogger(output)).CreateLogger();

    public void Emit(LogEvent logEvent)
    {
        try
        {
            output.WriteLine($"{logEvent.Timestamp:HH:mm:ss.fff} {logEvent.Level} {logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {logEvent.Exception?.Message}");
        }
        catch (InvalidOperationException)
        {
            // the test already ended
        }
    }
}
