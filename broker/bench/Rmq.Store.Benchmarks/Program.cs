Console.WriteLine("store benchmarks: not yet written");
