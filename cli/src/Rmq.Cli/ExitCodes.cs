namespace Rmq.Cli;

/// <summary>Named process exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad arguments or invalid configuration.</summary>
    public const int BadArguments = 2;
    /// <summary>The thing asked for does not exist (topic, group, message, broker).</summary>
    public const int NotFound = 3;
    /// <summary>The server refused: no permission.</summary>
    public const int NoPermission = 4;
    /// <summary>No server could be reached.</summary>
    public const int Unreachable = 5;
    /// <summary>The server answered with an error code.</summary>
    public const int ServerError = 6;
    /// <summary>A check found problems (e.g. `rmq conf validate`).</summary>
    public const int ValidationFailed = 7;
    /// <summary>A wait ran out (e.g. drainBroker).</summary>
    public const int TimedOut = 8;
}
