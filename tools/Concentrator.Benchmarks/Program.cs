using BenchmarkDotNet.Running;

// dotnet run -c Release --project tools/Concentrator.Benchmarks [-- --filter '*Dsmr*'] [--job short]
// dotnet run -c Release --project tools/Concentrator.Benchmarks -- iec-wire-time   (IEC 62056-21 readout time vs wire time, real time)
if (args.Length > 0 && args[0] == "iec-wire-time")
{
    return Concentrator.Benchmarks.IecWireTime.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Concentrator.Benchmarks.DsmrBenchmarks).Assembly).Run(args);
return 0;
