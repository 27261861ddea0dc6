namespace Rmq.E2E.Support;

/// <summary>
/// The container scenarios run one at a time, after the parallel tests: each runs a whole cluster on a 2-core machine,
/// and their failover timings must not depend on what else is running.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContainerScenarios
{
    public const string Name = "container scenarios";
}
