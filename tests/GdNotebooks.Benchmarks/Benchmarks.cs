using BenchmarkDotNet.Attributes;
using GdNotebooks.Data;
using GdNotebooks.Numerics;
using GdNotebooks.Problems.Data;
using GdNotebooks.Training;

namespace GdNotebooks.Benchmarks;

/// <summary>W1: the 16-rate sweep (14,400 SGD steps), on one core and on all.</summary>
[MemoryDiagnoser]
public class W1Sweep
{
    private Mlp _problem = null!;

    [Params(1, 2)] public int Threads { get; set; }

    [GlobalSetup] public void Setup() => _problem = Workload.Digits();

    [Benchmark] public IReadOnlyList<MlpSweepRun> Sweep() => MlpSweepTrainer.Run(Workload.W1(_problem, threads: Threads));
}

/// <summary>One fused SGD step of the W1 network (batch 32): the unit the sweep repeats.</summary>
[MemoryDiagnoser]
public class W1Step
{
    private Float32Mlp _network = null!;
    private Float32Examples _data = null!;
    private MiniBatchSampler _sampler = null!;

    [GlobalSetup]
    public void Setup()
    {
        var problem = Workload.Digits();
        _data = new Float32Examples(problem.Train);
        _network = new Float32Mlp(problem, problem.InitialPoint(0), Workload.BatchSize);
        _sampler = new MiniBatchSampler(_data.Rows, Workload.BatchSize, 0);
    }

    [Benchmark] public double Step() => _network.TrainStep(_data, _sampler.Next(), 0.01f);
}

/// <summary>W2: forward cache plus 20 Hessian-vector products on the full training set.</summary>
[MemoryDiagnoser]
public class W2Sharpness
{
    private Mlp _problem = null!;
    private double[] _point = null!, _start = null!;

    [Params(1, 2)] public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _problem = Workload.Digits();
        _point = Workload.SharpnessPoint(_problem);
        _start = Workload.SharpnessStart(_problem);
    }

    [Benchmark] public double TopEigenvalue() => Workload.TopEigenvalue(_problem, _point, _start, Threads);
}

/// <summary>W4: one epoch of the sweep with 16, 64, 256 configurations on digits grown ×1, ×10, ×100.</summary>
public class W4Scale
{
    private Mlp _problem = null!;

    [Params(16, 64, 256)] public int Configurations { get; set; }
    [Params(1, 10, 100)] public int DataFactor { get; set; }

    [GlobalSetup] public void Setup() => _problem = Workload.GrownDigits(DataFactor);

    [Benchmark] public IReadOnlyList<MlpSweepRun> OneEpoch() => MlpSweepTrainer.Run(Workload.W1(_problem, Configurations, epochs: 1));
}

/// <summary>The GEMM shapes of a W1 step.</summary>
public class GemmShapes
{
    private readonly float[] _a = new float[64 * 64], _b = new float[64 * 64], _c = new float[64 * 64];

    [Benchmark] public void Forward32x64x64() => Gemm.Multiply(32, 64, 64, _a, 64, _b, 64, _c, 64);
    [Benchmark] public void Gradient64x64x32() => Gemm.MultiplyTransposedA(64, 64, 32, _a, 64, _b, 64, _c, 64);
    [Benchmark] public void Output32x16x64() => Gemm.Multiply(32, 16, 64, _a, 64, _b, 16, _c, 16);
}
