namespace Rmq.Cli.Commands.Admin;

/// <summary>What was asked for does not exist and no server said so with a code (e.g. no message at an offset): exit code 3.</summary>
internal sealed class AdminNotFoundException(string message) : Exception(message);
