using GdNotebooks.Optimizers;
using GdNotebooks.Problems.Analytic;

namespace GdNotebooks.Tests.Optimizers;

/// <summary>Every optimizer (and the optional links) through the same checks.</summary>
public sealed class OptimizerContractTests
{
    /// <summary>Spec and a learning rate at which it should make clear progress on ½(x² + 10y² + 100z²) in 100 steps.</summary>
    public static TheoryData<string, double> EveryOptimizer => new()
    {
        { "sgd", 0.015 },
        { "sgd:momentum=0.9,nesterov=true", 0.01 },
        { "adagrad", 0.3 },
        { "rmsprop:centered=true,momentum=0.5", 0.005 },
        { "adam:amsgrad=true", 0.05 },
        { "adamw", 0.05 },
        { "newton:damping=0.1", 0.5 },
        { "sgd:clip_norm=10,clip_value=5,centralize=true", 0.015 },
        { "adam:clip_norm=0.5,centralize=true", 0.05 },
    };

    [Fact]
    public void The_table_covers_every_optimizer() =>
        Assert.All(Optimizer.Names, name => Assert.Contains(EveryOptimizer, row => Optimizer.Parse((string)row[0]).Name == name));

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void Decreases_a_quadratic(string spec, double learningRate)
    {
        var problem = new Quadratic([1, 10, 100]);
        var w = Run(spec, learningRate, problem, steps: 100);
        Assert.True(problem.Loss(w) < 1e-2 * problem.Loss([1, 1, 1]), $"{spec}: loss {problem.Loss(w)}");
    }

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void Is_deterministic(string spec, double learningRate)
    {
        var problem = new Rosenbrock();
        Assert.Equal(Run(spec, learningRate / 100, problem, 50), Run(spec, learningRate / 100, problem, 50));
    }

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void Step_allocates_nothing(string spec, double learningRate)
    {
        var problem = new Quadratic([1, 10, 100]);
        var optimizer = Optimizer.Parse(spec);
        var state = optimizer.Init(problem);
        var w = new double[] { 1, 1, 1 };
        var g = new double[3];
        for (int k = 0; k < 10; k++) Step();   // JIT and first-step paths
        // Under 1 byte per step on average: any per-step allocation costs at least 24 bytes, while the runtime may
        // allocate a few kilobytes once (tiered JIT promoting the loop) at a moment the test cannot choose.
        const int steps = 10_000;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < steps; k++) Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < steps, $"{allocated} bytes allocated over {steps} steps");

        void Step()
        {
            problem.LossAndGradient(w, g);
            optimizer.Step(w, g, state, learningRate, problem);
        }
    }

    [Theory]
    [MemberData(nameof(EveryOptimizer))]
    public void Canonical_spec_round_trips(string spec, double learningRate)
    {
        _ = learningRate;
        var text = Optimizer.Parse(spec).ToString();
        Assert.Equal(text, Optimizer.Parse(text).ToString());
    }

    [Theory]
    [InlineData("adam:beta1=1.2", "beta1=1.2 for optimizer adam is out of range; valid: ≥ 0 and < 1")]
    [InlineData("adamw:beta2=-0.1", "beta2=-0.1 for optimizer adamw is out of range; valid: ≥ 0 and < 1")]
    [InlineData("sgd:momentum=-1", "momentum=-1 for optimizer sgd is out of range; valid: ≥ 0 and < 1")]
    [InlineData("sgd:dampening=2", "dampening=2 for optimizer sgd is out of range; valid: ≥ 0 and ≤ 1")]
    [InlineData("sgd:weight_decay=-0.1", "weight_decay=-0.1 for optimizer sgd is out of range; valid: ≥ 0")]
    [InlineData("rmsprop:alpha=1.5", "alpha=1.5 for optimizer rmsprop is out of range; valid: ≥ 0 and ≤ 1")]
    [InlineData("adagrad:eps=-1", "eps=-1 for optimizer adagrad is out of range; valid: ≥ 0")]
    [InlineData("adagrad:lr_decay=-1", "lr_decay=-1 for optimizer adagrad is out of range; valid: ≥ 0")]
    [InlineData("newton:damping=-1", "damping=-1 for optimizer newton is out of range; valid: ≥ 0")]
    [InlineData("adam:clip_norm=0", "clip_norm=0 for optimizer adam is out of range; valid: > 0")]
    [InlineData("sgd:nesterov=true", "nesterov=true for optimizer sgd needs momentum > 0 and dampening=0")]
    [InlineData("adam:beta3=0.5", "unknown key 'beta3' for optimizer adam; valid keys: beta1, beta2, eps, weight_decay, amsgrad, clip_norm, clip_value, centralize")]
    [InlineData("adamm", "unknown optimizer 'adamm'; valid optimizers: sgd, adagrad, rmsprop, adam, adamw, newton")]
    [InlineData("adam:amsgrad=1", "amsgrad=1 for optimizer adam must be true or false")]
    public void Bad_hyperparameters_name_the_key_and_the_range(string spec, string message)
    {
        var error = Assert.Throws<UsageException>(() => Optimizer.Parse(spec));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void With_methods_validate_and_print_canonically()
    {
        var optimizer = Optimizer.Parse("adam:beta1=0.8").WithClipNorm(1).WithClipValue(0.5).WithCentralization();
        Assert.Equal("adam:beta1=0.8,clip_norm=1,clip_value=0.5,centralize=true", optimizer.ToString());
        Assert.Equal("clip_value=-1 for optimizer adam is out of range; valid: > 0",
            Assert.Throws<UsageException>(() => Optimizer.Parse("adam").WithClipValue(-1)).Message);
        Assert.Equal("sgd", Optimizer.Parse("sgd:momentum=0").ToString());
    }

    [Fact]
    public void A_state_belongs_to_its_optimizer()
    {
        var problem = new Quadratic([1, 10]);
        var state = Optimizer.Parse("adam").Init(problem);
        Assert.Throws<ArgumentException>(() => Optimizer.Parse("sgd").Step(new double[2], new double[2], state, 0.1, problem));
    }

    [Fact]
    public void Newton_on_a_singular_hessian_adds_damping_instead_of_failing()
    {
        var problem = new Quadratic([0, 1]);            // H = diag(0, 1): singular
        var w = new double[] { 1, 1 };
        var g = new double[2];
        var optimizer = Optimizer.Parse("newton");
        var state = optimizer.Init(problem);
        problem.LossAndGradient(w, g);
        optimizer.Step(w, g, state, 1, problem);
        Assert.All(w, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(0, w[1], 1e-9);                     // the curved direction is solved (almost) exactly
        Assert.Equal(1, w[0]);                           // the flat one has zero gradient and stays
    }

    [Fact]
    public void Centralization_makes_matrix_rows_zero_mean_and_leaves_vectors_alone()
    {
        var problem = new LeastSquaresTestProblem([[1, 2, 3], [0, 1, -1]], [[1, 0], [0, 1]]);
        var optimizer = Optimizer.Parse("sgd:centralize=true");
        var state = optimizer.Init(problem);
        var w = new double[problem.Dimension];
        var g = new double[] { 1, 2, 6, -1, 0, 4, 5, 7 };   // rows (1,2,6), (-1,0,4) with means 3 and 1; bias (5,7)
        optimizer.Step(w, g, state, 1, problem);
        Assert.Equal(new double[] { 2, 1, -3, 2, 1, -3, -5, -7 }, w);
    }

    private static double[] Run(string spec, double learningRate, GdNotebooks.Problems.IProblem problem, int steps)
    {
        var optimizer = Optimizer.Parse(spec);
        var state = optimizer.Init(problem);
        var w = problem.InitialPoint(0);
        var g = new double[w.Length];
        for (int k = 0; k < steps; k++)
        {
            problem.LossAndGradient(w, g);
            optimizer.Step(w, g, state, learningRate, problem);
        }
        return w;
    }
}
