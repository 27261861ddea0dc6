using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Rmq.Remoting.Processing;

/// <summary>A processor and the executor that runs it.</summary>
public sealed record ProcessorRegistration(IRequestProcessor Processor, RequestExecutor Executor);

/// <summary>
/// Request code to (processor, executor), with an optional default for codes not registered (the
/// name server's default processor). Thread-safe; registrations may be added while serving.
/// </summary>
public sealed class ProcessorTable
{
    private readonly ConcurrentDictionary<int, ProcessorRegistration> _table = new();
    private ProcessorRegistration? _default;

    public void Register(int requestCode, IRequestProcessor processor, RequestExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(executor);
        _table[requestCode] = new ProcessorRegistration(processor, executor);
    }

    public void SetDefault(IRequestProcessor processor, RequestExecutor executor)
    {
        ArgumentNullException.ThrowIfNull(processor);
        ArgumentNullException.ThrowIfNull(executor);
        Volatile.Write(ref _default, new ProcessorRegistration(processor, executor));
    }

    public ProcessorRegistration? Default => Volatile.Read(ref _default);

    /// <summary>The codes registered explicitly.</summary>
    public IReadOnlyCollection<int> RegisteredCodes => _table.Keys.ToArray();

    /// <summary>The registration for <paramref name="requestCode"/>, else the default, else false.</summary>
    public bool TryGet(int requestCode, [NotNullWhen(true)] out ProcessorRegistration? registration)
    {
        if (_table.TryGetValue(requestCode, out registration))
        {
            return true;
        }

        registration = Default;
        return registration is not null;
    }
}
