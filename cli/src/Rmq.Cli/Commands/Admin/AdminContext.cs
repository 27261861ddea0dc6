using Rmq.Client.Admin;

namespace Rmq.Cli.Commands.Admin;

/// <summary>One invocation's AdminClient (created on first use, so commands that need no name server work without one) and output mode.</summary>
internal sealed class AdminContext(string? nameServerAddress, CliConsole console, bool json) : IAsyncDisposable
{
    private AdminClient? _admin;

    public string? NameServerAddress { get; } = nameServerAddress;

    public CliConsole Console { get; } = console;

    public bool Json { get; } = json;

    public AdminClient Admin => _admin ??= new AdminClient(NameServerAddress);

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync().ConfigureAwait(false);
        }
    }
}
