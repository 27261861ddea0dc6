namespace Rmq.Configuration;

/// <summary>What a computed default may look at: the machine, and the values already bound for other keys.</summary>
public sealed class DefaultContext
{
    private readonly Func<string, string?> _valueOf;

    internal DefaultContext(MachineInfo machine, Func<string, string?> valueOf)
    {
        Machine = machine;
        _valueOf = valueOf;
    }

    public MachineInfo Machine { get; }

    /// <summary>The bound value (as text) of another key, its default included.</summary>
    public string? ValueOf(string key) => _valueOf(key);
}
