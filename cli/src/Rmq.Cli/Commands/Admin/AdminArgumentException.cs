namespace Rmq.Cli.Commands.Admin;

/// <summary>The command line is wrong (missing or malformed option): exit code 2.</summary>
internal sealed class AdminArgumentException(string message) : Exception(message);
