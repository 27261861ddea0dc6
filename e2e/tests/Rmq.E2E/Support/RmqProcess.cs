using System.Diagnostics;
using System.Text;

namespace Rmq.E2E.Support;

/// <summary>
/// The real `rmq` tool as a child process (dotnet rmq.dll ...), its output captured. Stopped by its PID:
/// SIGTERM for a clean stop, SIGKILL for a crash; disposing kills it if it still runs.
/// </summary>
public sealed class RmqProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _outputLock = new();

    private RmqProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string StandardOutput
    {
        get
        {
            lock (_outputLock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string StandardError
    {
        get
        {
            lock (_outputLock)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts <c>dotnet rmq.dll args...</c> with logs under <paramref name="logDir"/>.</summary>
    public static RmqProcess Start(string logDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.RmqDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["RMQ_LOG_DIR"] = logDir;
        info.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var rmq = new RmqProcess(process);
        process.OutputDataReceived += (_, e) => rmq.Append(rmq._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => rmq.Append(rmq._stderr, e.Data);
        if (!File.Exists(RepoPaths.RmqDll))
        {
            throw new FileNotFoundException("rmq tool not built", RepoPaths.RmqDll);
        }

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return rmq;
    }

    /// <summary>Runs rmq to completion (bounded) and returns its exit code.</summary>
    public static async Task<RmqProcess> RunAsync(string logDir, TimeSpan timeout, params string[] args)
    {
        var rmq = Start(logDir, args);
        await rmq.WaitForExitAsync(timeout);
        return rmq;
    }

    /// <summary>Sends SIGTERM (a clean stop, like docker stop or kill) and waits for the exit.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies without any clean-up.</summary>
    public async Task KillAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(timeout);
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"rmq (pid {Pid}) did not exit within {timeout}; stdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            target.AppendLine(line);
        }
    }
}
