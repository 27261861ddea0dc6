using BenchmarkDotNet.Running;
using Rmq.Store.Benchmarks;

if (args.Contains("--quick-ha"))
{
    return await HaQuickBench.RunAsync(args);
}

if (args.Contains("--quick"))
{
    return await QuickBench.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickBench).Assembly).Run(args);
return 0;
