using System.Diagnostics;
using System.Text.Json;
using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Problems.Data;
using GdNotebooks.Training;

namespace GdNotebooks.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/GdNotebooks.Benchmarks -- workloads w1|w2|w4|export DIR [--threads N] (w1, w2)</c>:
/// each workload once cold (fresh process, first call) and once warm, printed as one <c>RESULT {json}</c> line that
/// tests/peers/compare.sh puts next to the PyTorch peers. Run one workload per process so peak memory is its own.
/// </summary>
public static class ConsoleWorkloads
{
    public static int Run(string[] args)
    {
        string what = args.Length > 0 ? args[0] : "";
        int? threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).Cast<int?>().FirstOrDefault();
        switch (what)
        {
            case "w1": W1(threads); return 0;
            case "w2": W2(threads ?? Environment.ProcessorCount); return 0;
            case "w4": W4(); return 0;
            case "export" when args.Length > 1: Export(args[1]); return 0;
            default:
                Console.Error.WriteLine("usage: workloads w1|w2 [--threads N] | w4 | export DIR");
                return 2;
        }
    }

    private static void W1(int? threads)
    {
        var problem = Workload.Digits();
        var settings = Workload.W1(problem, threads: threads);
        var network = new Float32Mlp(problem, problem.InitialPoint(0), 1);
        var (cold, _) = Time(() => MlpSweepTrainer.Run(settings));
        var (warm, runs) = Time(() => MlpSweepTrainer.Run(settings));
        long steps = runs.Sum(r => (long)r.Steps);
        long flops = steps * network.StepFlops(Workload.BatchSize);
        Report(new
        {
            workload = "w1", side = "ours", threads = threads ?? Environment.ProcessorCount,
            steps, seconds_cold = cold.Wall, seconds = warm.Wall, cpu_seconds = warm.Cpu,
            steps_per_s = steps / warm.Wall, steps_per_s_cold = steps / cold.Wall,
            gflops = flops / warm.Wall / 1e9, flops_per_step = network.StepFlops(Workload.BatchSize),
            lrs = runs.Select(r => r.LearningRate), final_losses = runs.Select(r => Finite(r.FinalLoss)),
            diverged = runs.Select(r => r.Diverged || !double.IsFinite(r.FinalLoss)),
            peak_mb = PeakMegabytes(),
        });
    }

    private static void W2(int threads)
    {
        var problem = Workload.Digits();
        var point = Workload.SharpnessPoint(problem);
        var start = Workload.SharpnessStart(problem);
        var (cold, _) = Time(() => Workload.TopEigenvalue(problem, point, start, threads));
        // A run takes tens of milliseconds: the median of 5 warm runs (wall and CPU of that run), as the peer does.
        var warmRuns = Enumerable.Range(0, 5).Select(_ => Time(() => Workload.TopEigenvalue(problem, point, start, threads))).OrderBy(r => r.Item1.Wall).ToList();
        var (warm, eigenvalue) = warmRuns[warmRuns.Count / 2];
        long flops = new Float32MlpHessian(problem, point).MultiplyFlops * Workload.PowerIterations;
        Report(new
        {
            workload = "w2", side = "ours", threads, seconds_cold = cold.Wall, seconds = warm.Wall, cpu_seconds = warm.Cpu,
            eigenvalue, hvps = Workload.PowerIterations, gflops = flops / warm.Wall / 1e9, peak_mb = PeakMegabytes(),
        });
    }

    /// <summary>One epoch per cell of configurations × data growth, then 1 vs 2 threads on the middle cell.</summary>
    private static void W4()
    {
        MlpSweepTrainer.Run(Workload.W1(Workload.Digits(), 4, epochs: 1));   // warm the JIT
        foreach (int factor in new[] { 1, 10, 100 })
        {
            var problem = Workload.GrownDigits(factor);
            foreach (int configurations in new[] { 16, 64, 256 })
            {
                var (time, runs) = Time(() => MlpSweepTrainer.Run(Workload.W1(problem, configurations, epochs: 1)));
                long steps = runs.Sum(r => (long)r.Steps);
                Report(new
                {
                    workload = "w4", side = "ours", data_factor = factor, train = problem.TrainCount, configurations, steps,
                    seconds = time.Wall, cpu_seconds = time.Cpu, ns_per_step = time.Wall * 1e9 / steps, peak_mb = PeakMegabytes(),
                });
            }
        }
        var middle = Workload.GrownDigits(10);
        foreach (int threads in new[] { 1, 2, 1, 2 })
        {
            var (time, runs) = Time(() => MlpSweepTrainer.Run(Workload.W1(middle, 64, epochs: 1, threads: threads)));
            long steps = runs.Sum(r => (long)r.Steps);
            Report(new { workload = "w4_threads", side = "ours", threads, configurations = 64, data_factor = 10, steps, seconds = time.Wall, cpu_seconds = time.Cpu });
        }
    }

    /// <summary>
    /// Writes what the peers need to run the identical workloads: the standardized training split (float32), labels,
    /// the float64 start rounded to float32, the mini-batch order of every epoch, the W2 point and start vector.
    /// </summary>
    private static void Export(string directory)
    {
        Directory.CreateDirectory(directory);
        var problem = Workload.Digits();
        var data = new Float32Examples(problem.Train);
        var x = new float[data.Rows * data.Columns];
        for (int i = 0; i < data.Rows; i++)
            for (int j = 0; j < data.Columns; j++) x[i * data.Columns + j] = data.X[i * data.Stride + j];
        Write(Path.Combine(directory, "x.f32"), x);
        Write(Path.Combine(directory, "y.i64"), data.Labels.Select(l => (long)l).ToArray());
        Write(Path.Combine(directory, "init.f32"), problem.InitialPoint(Workload.Seed).Select(v => (float)v).ToArray());
        var sampler = new MiniBatchSampler(data.Rows, Workload.BatchSize, Workload.Seed);
        var order = new List<int>();
        for (int step = 0; step < Workload.Epochs * sampler.BatchesPerEpoch; step++) order.AddRange(sampler.Next().ToArray());
        Write(Path.Combine(directory, "order.i32"), order.ToArray());
        Write(Path.Combine(directory, "w2_point.f64"), Workload.SharpnessPoint(problem));
        Write(Path.Combine(directory, "w2_start.f64"), Workload.SharpnessStart(problem));
        File.WriteAllText(Path.Combine(directory, "meta.json"), JsonSerializer.Serialize(new
        {
            rows = data.Rows, columns = data.Columns, classes = data.ClassCount, hidden = problem.Hidden, batch = Workload.BatchSize,
            epochs = Workload.Epochs, lrs = Workload.LearningRates(), power_iterations = Workload.PowerIterations,
            w1_flops_per_step = new Float32Mlp(problem, problem.InitialPoint(0), 1).StepFlops(Workload.BatchSize),
            w2_flops = new Float32MlpHessian(problem, problem.InitialPoint(0)).MultiplyFlops * Workload.PowerIterations,
        }));
        Console.WriteLine($"exported {problem.Name} ({data.Rows} training examples) to {directory}");
    }

    private static void Write<T>(string path, T[] values) where T : unmanaged =>
        File.WriteAllBytes(path, System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray());

    private static ((double Wall, double Cpu), T) Time<T>(Func<T> action)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = action();
        double wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return ((wall, (process.TotalProcessorTime - cpu).TotalSeconds), result);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static double PeakMegabytes()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64 / 1048576.0;
    }

    private static void Report(object result) => Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
}
