using BenchmarkDotNet.Running;
using Rmq.Remoting.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(CodecFrames).Assembly).Run(args);
