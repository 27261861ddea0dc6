using System.Diagnostics;

namespace Rmq.Cli.LocalCluster;

/// <summary>Starts this same rmq tool again as a child process (through the apphost, or `dotnet rmq.dll`).</summary>
public static class RmqLauncher
{
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, string logDir)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var viaDotnet = Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(viaDotnet ? self : self)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (viaDotnet)
        {
            info.ArgumentList.Add(typeof(RmqLauncher).Assembly.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["RMQ_LOG_DIR"] = logDir;
        return info;
    }

    /// <summary>Starts a child whose console output goes to <paramref name="outputFile"/>.</summary>
    public static Process Start(IEnumerable<string> args, string logDir, string outputFile)
    {
        Directory.CreateDirectory(logDir);
        var process = new Process { StartInfo = StartInfo(args, logDir) };
        var sink = TextWriter.Synchronized(new StreamWriter(outputFile, append: true) { AutoFlush = true });
        process.OutputDataReceived += (_, e) => Write(sink, e.Data);
        process.ErrorDataReceived += (_, e) => Write(sink, e.Data);
        process.Exited += (_, _) => sink.Dispose();
        process.EnableRaisingEvents = true;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Write(TextWriter sink, string? line)
    {
        if (line is null)
        {
            return;
        }

        try
        {
            sink.WriteLine(line);
        }
        catch (ObjectDisposedException)
        {
            // the child exited while a last line was in flight
        }
    }
}
