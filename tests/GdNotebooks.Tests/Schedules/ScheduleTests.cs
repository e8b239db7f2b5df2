using GdNotebooks.Schedules;

namespace GdNotebooks.Tests.Schedules;

public sealed class ScheduleTests
{
    private const double Eta = 0.1;

    [Fact]
    public void Constant_is_the_base_rate() =>
        Assert.All(Enumerable.Range(0, 50), k => Assert.Equal(Eta, Schedule.Constant.LearningRate(k, Eta, 50)));

    [Fact]
    public void Cosine_reaches_eta_min_at_t_max_and_starts_at_the_base_rate()
    {
        var cosine = Schedule.Parse("cosine:t_max=40,eta_min=0.001");
        Assert.Equal(Eta, cosine.LearningRate(0, Eta, 100));
        Assert.Equal(0.001, cosine.LearningRate(40, Eta, 100), 15);
        Assert.Equal((Eta + 0.001) / 2, cosine.LearningRate(20, Eta, 100), 15);
        for (int k = 1; k <= 40; k++) Assert.True(cosine.LearningRate(k, Eta, 100) < cosine.LearningRate(k - 1, Eta, 100));
    }

    [Fact]
    public void Cosine_t_max_defaults_to_the_run_length() =>
        Assert.Equal(0, Schedule.Parse("cosine").LearningRate(200, Eta, 200), 15);

    [Fact]
    public void Warm_restarts_jump_back_at_t_0_and_stretch_by_t_mult()
    {
        var sgdr = Schedule.Parse("warm_restarts:t_0=10,t_mult=2");
        Assert.Equal(Eta, sgdr.LearningRate(0, Eta, 100));
        Assert.True(sgdr.LearningRate(9, Eta, 100) < 0.01);
        Assert.Equal(Eta, sgdr.LearningRate(10, Eta, 100));   // restart after t_0
        Assert.Equal(Eta / 2, sgdr.LearningRate(20, Eta, 100), 15);   // middle of the second, 20-long cycle
        Assert.Equal(Eta, sgdr.LearningRate(30, Eta, 100));   // restart after t_0 + 2 t_0
        Assert.Equal(Eta, Schedule.Parse("warm_restarts:t_0=7").LearningRate(70, Eta, 100));
    }

    [Fact]
    public void Step_decay_multiplies_by_gamma_at_each_step_size()
    {
        var step = Schedule.Parse("step:step_size=30,gamma=0.5");
        Assert.Equal(Eta, step.LearningRate(29, Eta, 100));
        Assert.Equal(Eta * 0.5, step.LearningRate(30, Eta, 100));
        Assert.Equal(Eta * 0.25, step.LearningRate(60, Eta, 100));
        Assert.Equal(Eta * 0.25, step.LearningRate(89, Eta, 100));
    }

    [Fact]
    public void Multistep_multiplies_by_gamma_at_each_milestone()
    {
        var multistep = Schedule.Parse("multistep:milestones=[10,25],gamma=0.1");
        Assert.Equal(Eta, multistep.LearningRate(9, Eta, 100));
        Assert.Equal(Eta * 0.1, multistep.LearningRate(10, Eta, 100), 15);
        Assert.Equal(Eta * 0.1 * 0.1, multistep.LearningRate(25, Eta, 100), 15);
    }

    [Fact]
    public void Exponential_and_linear_follow_their_formulas()
    {
        Assert.Equal(Eta * Math.Pow(0.9, 7), Schedule.Parse("exponential:gamma=0.9").LearningRate(7, Eta, 100));
        var linear = Schedule.Parse("linear:start_factor=0.5,end_factor=1,total_iters=10");
        Assert.Equal(Eta * 0.5, linear.LearningRate(0, Eta, 100));
        Assert.Equal(Eta * 0.75, linear.LearningRate(5, Eta, 100), 15);
        Assert.Equal(Eta, linear.LearningRate(10, Eta, 100));
        Assert.Equal(Eta, linear.LearningRate(99, Eta, 100));
    }

    [Fact]
    public void Onecycle_peaks_at_max_lr_and_ends_at_the_minimum()
    {
        var onecycle = Schedule.Parse("onecycle:max_lr=1,total_steps=100,pct_start=0.3,div_factor=25,final_div_factor=1e4");
        var rates = Enumerable.Range(0, 100).Select(k => onecycle.LearningRate(k, Eta, 100)).ToArray();
        Assert.Equal(1.0 / 25, rates[0], 15);
        Assert.Equal(1.0, rates.Max(), 15);
        Assert.Equal(29, Array.IndexOf(rates, rates.Max()));        // update pct_start·N − 1
        Assert.Equal(1.0 / 25 / 1e4, rates[99], 15);
        Assert.Equal(Eta, Schedule.Parse("onecycle").LearningRate(59, Eta, 200), 15);   // max_lr defaults to the base rate
    }

    [Fact]
    public void Warmup_ramps_linearly_then_hands_over_to_the_inner_schedule()
    {
        var warm = Schedule.Parse("cosine").WithWarmup(10);
        Assert.Equal("cosine:warmup=10", warm.ToString());
        Assert.Equal(Eta / 10, warm.LearningRate(0, Eta, 110), 15);
        Assert.Equal(Eta * 5 / 10, warm.LearningRate(4, Eta, 110), 15);
        Assert.Equal(Eta, warm.LearningRate(9, Eta, 110));
        Assert.Equal(Eta, warm.LearningRate(10, Eta, 110));        // inner update 0
        Assert.Equal(0, warm.LearningRate(110, Eta, 110), 15);     // the inner cosine spans the remaining 100
        Assert.Equal("step:step_size=5,warmup=3", Schedule.Parse("step:step_size=5,warmup=2").WithWarmup(3).ToString());
        Assert.Equal("step:step_size=5", Schedule.Parse("step:step_size=5,warmup=2").WithWarmup(0).ToString());
    }

    [Fact]
    public void Every_schedule_is_pure_and_prints_canonically()
    {
        string[] specs = ["constant", "step:step_size=3", "multistep:milestones=[2,5]", "exponential:gamma=0.9", "cosine:t_max=7",
            "warm_restarts:t_0=3,t_mult=2", "linear", "onecycle:anneal=linear", "cosine:eta_min=0.01,warmup=4"];
        Assert.Equal(Schedule.Names.Count, specs.Select(s => Schedule.Parse(s).Name).Distinct().Count());
        foreach (var spec in specs)
        {
            var schedule = Schedule.Parse(spec);
            Assert.Equal(spec, schedule.ToString());
            var first = Enumerable.Range(0, 30).Select(k => schedule.LearningRate(k, Eta, 30)).ToArray();
            var again = Enumerable.Range(0, 30).Reverse().Select(k => schedule.LearningRate(k, Eta, 30)).Reverse().ToArray();
            Assert.Equal(first, again);
            Assert.All(first, rate => Assert.True(double.IsFinite(rate) && rate >= 0));
        }
    }

    [Theory]
    [InlineData("step", "schedule step needs step_size=… (a whole number ≥ 1)")]
    [InlineData("step:step_size=0", "step_size=0 for schedule step is out of range; valid: ≥ 1")]
    [InlineData("multistep:milestones=[5,3]", "milestones=[5,3] for schedule multistep must be strictly increasing")]
    [InlineData("exponential:gamma=-1", "gamma=-1 for schedule exponential is out of range; valid: > 0")]
    [InlineData("cosine:eta_min=-1", "eta_min=-1 for schedule cosine is out of range; valid: ≥ 0")]
    [InlineData("linear:start_factor=0", "start_factor=0 for schedule linear is out of range; valid: > 0 and ≤ 1")]
    [InlineData("onecycle:pct_start=1.5", "pct_start=1.5 for schedule onecycle is out of range; valid: ≥ 0 and ≤ 1")]
    [InlineData("cosine:warmup=-1", "warmup=-1 for schedule cosine is out of range; valid: ≥ 0")]
    [InlineData("cosine:tmax=5", "unknown key 'tmax' for schedule cosine; valid keys: t_max, eta_min, warmup")]
    [InlineData("cosin", "unknown schedule 'cosin'; valid schedules: constant, step, multistep, exponential, cosine, warm_restarts, linear, onecycle")]
    public void Bad_specs_name_the_key_and_the_range(string spec, string message) =>
        Assert.Equal(message, Assert.Throws<UsageException>(() => Schedule.Parse(spec)).Message);
}
