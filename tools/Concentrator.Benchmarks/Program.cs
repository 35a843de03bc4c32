using BenchmarkDotNet.Running;

// dotnet run -c Release --project tools/Concentrator.Benchmarks [-- --filter '*Dsmr*'] [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Concentrator.Benchmarks.DsmrBenchmarks).Assembly).Run(args);
