using System.Text.Json;
using GdNotebooks.Charts;
using GdNotebooks.Experiments;
using GdNotebooks.Optimizers;
using GdNotebooks.Problems;
using GdNotebooks.Schedules;
using GdNotebooks.Tests.Charts.Browser;
using GdNotebooks.Training;

namespace GdNotebooks.Tests.Experiments;

/// <summary>One chart per experiment verb really draws in headless Chromium (skipped without Chromium and npm ci, except under CI=true).</summary>
public sealed class ExperimentChartRenderTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonElement>> Reports = new(Render);

    private static IReadOnlyDictionary<string, Figure> Figures()
    {
        var parabola = new DescentSettings { Problem = Problem.Parse("(w-3)^2"), Init = [0], Steps = 30 };
        var rosenbrock = new DescentSettings { Problem = Problem.Parse("rosenbrock"), LearningRate = 1e-3, Steps = 200 };
        return new Dictionary<string, Figure>
        {
            ["lr-sweep"] = LearningRateSweep.Run(parabola, [0.1, 0.5, 0.9, 1.1, 1.5]).ToFigure(),
            ["lr-find"] = LearningRateRangeTest.Run(new DescentSettings { Problem = Problem.Parse("quadratic:a=[1,100]") }, 1e-4, 1, 100).ToFigure(),
            ["schedule"] = ScheduleComparison.Run(rosenbrock with { Optimizer = Optimizer.Parse("adam"), LearningRate = 0.01 },
                [Schedule.Constant, Schedule.Parse("cosine")]).ToFigure(),
            ["compare"] = OptimizerComparison.Run(rosenbrock, [Optimizer.Parse("sgd"), Optimizer.Parse("adam")], learningRates: [null, 0.05]).ToFigure(),
            ["descend"] = GradientDescent.Run(parabola with { LearningRate = 1.5, Steps = 1000 }).ToFigure(),
            ["batch-noise"] = GradientNoise.Run(new GradientNoiseSettings
            {
                Descent = new DescentSettings { Problem = Problem.Parse("linreg:data=diabetes"), Steps = 20 }, BatchSizes = [1, 8, null], Samples = 50,
            }).ToFigure(),
            ["sharpness"] = SharpnessExperiment.Run(new SharpnessSettings
            {
                Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[4]"), Epochs = 2 }, BatchSizes = [8, null], Iterations = 5, Probes = 2,
            }).ToFigure(),
            ["eos"] = EdgeOfStability.Run(new EdgeOfStabilitySettings
            {
                Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[4],act=tanh"), LearningRate = 0.5, Steps = 40 }, Every = 10, Iterations = 5,
            }).ToFigure(),
            ["landscape-1d"] = LossLandscape.Run(new LandscapeSettings
            {
                Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[4]"), Steps = 20 }, Resolution = 11,
            }).ToFigure(),
            ["landscape-2d"] = LossLandscape.Run(new LandscapeSettings
            {
                Descent = new DescentSettings { Problem = Problem.Parse("mlp:data=iris,hidden=[4]"), Steps = 20 }, Mode = LandscapeMode.Surface, Resolution = 7,
            }).ToFigure(),
        };
    }

    private static IReadOnlyDictionary<string, JsonElement> Render()
    {
        if (BrowserEnvironment.MissingReason is { } missing) throw new InvalidOperationException(missing);
        string folder = Path.Combine(Path.GetTempPath(), "gdnb-experiment-charts-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var inline = PlotlySource.Inline(BrowserEnvironment.PlotlyJs);
            var pages = Figures().ToDictionary(f => f.Key, f => Path.Combine(folder, f.Key + ".html"));
            foreach (var (name, figure) in Figures()) figure.WriteHtml(pages[name], inline);
            using var document = JsonDocument.Parse(RenderedPages.RunNode(pages.Values));
            var byPath = document.RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("page").GetString()!, r => r.Clone());
            return pages.ToDictionary(p => p.Key, p => byPath[p.Value]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonElement Plot(string verb)
    {
        var report = Reports.Value[verb];
        Assert.Empty(report.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        var plot = Assert.Single(report.GetProperty("plots").EnumerateArray());
        Assert.True(plot.GetProperty("mainSvg").GetInt32() > 0, plot.GetProperty("message").ToString());
        return plot;
    }

    private static int Count(JsonElement plot, string what) => plot.GetProperty("counts").GetProperty(what).GetInt32();

    [BrowserFact]
    public void Sweep_draws_two_panels_the_limit_and_a_slider()
    {
        var plot = Plot("lr-sweep");
        Assert.Equal(2, Count(plot, "subplots"));
        Assert.Equal(2, Count(plot, "shapeLabels")); // 2/L and the initial loss
        Assert.Equal(1, Count(plot, "sliders"));
        Assert.Equal(5, Count(plot, "sliderSteps"));
        Assert.Equal("log", plot.GetProperty("axisTypes").GetProperty("xaxis").GetString());
    }

    [BrowserFact]
    public void Range_test_draws_the_curve_and_the_suggestion()
    {
        var plot = Plot("lr-find");
        Assert.Equal(3, Count(plot, "scatterTraces"));
        Assert.Equal(1, Count(plot, "shapeLabels"));
    }

    [BrowserFact]
    public void Schedule_draws_lr_and_loss_side_by_side()
    {
        var plot = Plot("schedule");
        Assert.Equal(2, Count(plot, "subplots"));
        Assert.Equal(4, Count(plot, "scatterLines"));
        Assert.Equal("log", plot.GetProperty("axisTypes").GetProperty("yaxis2").GetString());
    }

    [BrowserFact]
    public void Compare_draws_trajectories_over_contour_levels()
    {
        var plot = Plot("compare");
        Assert.Equal(1, Count(plot, "contourTraces"));
        Assert.True(Count(plot, "contourLevels") > 5);
        Assert.Equal(4, Count(plot, "scatterTraces"));
    }

    [BrowserTheory]
    [InlineData("descend")]
    [InlineData("batch-noise")]
    [InlineData("sharpness")]
    [InlineData("eos")]
    [InlineData("landscape-1d")]
    [InlineData("landscape-2d")]
    public void Every_other_experiment_chart_draws_without_errors(string verb) => Plot(verb);
}
