using BenchmarkDotNet.Running;
using GdNotebooks.Benchmarks;

// `-- workloads …` is the console mode the peer comparison uses; anything else goes to BenchmarkDotNet
// (e.g. `-- --filter '*'`, `-- --filter '*W1Step*'`).
if (args.Length > 0 && args[0] == "workloads") return ConsoleWorkloads.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Workload).Assembly).Run(args);
return 0;
