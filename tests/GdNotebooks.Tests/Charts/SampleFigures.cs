using GdNotebooks.Charts;
using GdNotebooks.Problems.Analytic;

namespace GdNotebooks.Tests.Charts;

/// <summary>One figure of each kind the notebooks draw, built from small real computations.</summary>
internal static class SampleFigures
{
    /// <summary>Final loss of gradient descent on f = ½·10·w² against the learning rate: diverges past 2/L = 0.2.</summary>
    public static Figure ScatterLogWithVerticalLine()
    {
        double[] rates = [0.001, 0.003, 0.01, 0.03, 0.1, 0.15, 0.19, 0.21, 0.3, 1];
        double[] finalLoss = rates.Select(lr => QuadraticLossAfter(lr, 10, steps: 400)).ToArray();
        return new Figure()
            .Add(new ScatterTrace { X = rates, Y = finalLoss, Name = "final loss", Mode = ScatterMode.LinesAndMarkers })
            .WithTitle("Final loss vs learning rate")
            .WithLogX().WithLogY()
            .WithXTitle("learning rate").WithYTitle("loss after 400 steps")
            .WithVerticalLine(0.2, "2/L");
    }

    /// <summary>Loss curves, one diverging (its tail is ±Infinity and NaN), with the divergence marked.</summary>
    public static Figure DivergingCurves()
    {
        var figure = new Figure();
        foreach (double lr in new[] { 0.05, 0.5 })
        {
            double w = 1;
            var losses = new List<double>();
            for (int step = 0; step < 400; step++)
            {
                losses.Add(5 * w * w);
                w -= lr * 10 * w;
            }
            figure = figure.Add(new ScatterTrace { X = DataArray.Range(losses.Count), Y = losses, Name = $"lr={lr}" });
        }
        return figure.WithTitle("Loss per step").WithLogY().MarkDivergences();
    }

    /// <summary>Rosenbrock contours with a gradient-descent trajectory on top.</summary>
    public static Figure ContourWithTrajectory()
    {
        var problem = new Rosenbrock();
        double[] xs = Enumerable.Range(0, 61).Select(i => -2 + 4.0 * i / 60).ToArray();
        double[] ys = Enumerable.Range(0, 61).Select(j => -1 + 4.0 * j / 60).ToArray();
        var z = DataGrid.Evaluate(xs, ys, (x, y) => Math.Log10(1 + problem.Loss([x, y])));
        double[] w = problem.InitialPoint(0), grad = new double[2];
        var path = new List<double[]> { (double[])w.Clone() };
        for (int step = 0; step < 300; step++)
        {
            problem.LossAndGradient(w, grad);
            w[0] -= 1e-3 * grad[0];
            w[1] -= 1e-3 * grad[1];
            path.Add((double[])w.Clone());
        }
        return new Figure()
            .Add(new ContourTrace
            {
                X = xs, Y = ys, Z = z, Colorscale = "Viridis", NContours = 25, ColorBarTitle = "log10(1+f)",
                Contours = new Contours { Coloring = ContourColoring.Heatmap },
            })
            .Add(new ScatterTrace
            {
                X = path.Select(p => p[0]).ToArray(), Y = path.Select(p => p[1]).ToArray(), Name = "gd, lr=1e-3",
                Mode = ScatterMode.LinesAndMarkers, Marker = new Marker { Size = 4, Color = "white" },
                Line = new Line { Color = "white", Width = 2 },
            })
            .WithTitle("Rosenbrock: gradient descent").WithXTitle("x").WithYTitle("y");
    }

    public static Figure Surface()
    {
        double[] xs = Enumerable.Range(0, 30).Select(i => -2 + 4.0 * i / 29).ToArray();
        return new Figure()
            .Add(new SurfaceTrace { X = xs, Y = xs, Z = DataGrid.Evaluate(xs, xs, (x, y) => 0.5 * (x * x + 10 * y * y)), Colorscale = "Cividis" })
            .WithTitle("Quadratic bowl")
            .WithLayout(l => l with { Scene = new Scene { ZAxis = new Axis { Title = "loss" } } });
    }

    public static Figure Heatmap()
    {
        double[] rates = [0.01, 0.03, 0.1, 0.3];
        int[] batches = [8, 32, 128];
        var z = batches.Select(b => rates.Select(lr => lr > 0.2 ? double.NaN : 1.0 / (lr * 100) + 8.0 / b)).ToArray();
        return new Figure()
            .Add(new HeatmapTrace
            {
                X = rates.Select(r => r.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
                Y = batches.Select(b => b.ToString()).ToArray(), Z = DataGrid.Of(z), Colorscale = "Blues", ColorBarTitle = "loss",
            })
            .WithTitle("Loss by learning rate and batch size").WithXTitle("learning rate").WithYTitle("batch size");
    }

    public static Figure Bar() => new Figure()
        .Add(new BarTrace
        {
            X = new[] { "sgd", "momentum", "adam" }, Y = new[] { 0.31, 0.12, 0.05 }, ErrorY = new[] { 0.02, 0.01, 0.01 },
            Name = "final loss",
        })
        .WithTitle("Final loss by optimizer");

    /// <summary>Loss curves on f = ½·10·w² for several learning rates, one visible at a time, over a fixed reference line.</summary>
    public static Figure Slider()
    {
        double[] rates = [0.01, 0.05, 0.1, 0.15, 0.19];
        var groups = rates.Select(lr => new TraceGroup(lr.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new ScatterTrace { Y = QuadraticCurve(lr, 10, 60), Name = $"lr={lr}" }));
        return new Figure()
            .Add(new ScatterTrace { X = new[] { 0.0, 59 }, Y = new[] { 1e-6, 1e-6 }, Name = "tolerance", Line = new Line { Dash = Dash.Dot } })
            .WithTraceSlider("learning rate", groups)
            .WithTitle("Loss curve by learning rate").WithLogY();
    }

    public static Figure Buttons()
    {
        var groups = new[] { 0.05, 0.1 }.Select(lr => new TraceGroup($"lr {lr}",
            new ScatterTrace { Y = QuadraticCurve(lr, 10, 40), Name = $"lr={lr}" }));
        return new Figure().WithTraceButtons(groups).WithTitle("Pick a learning rate").WithLogY();
    }

    public static Figure Subplots()
    {
        var figure = Figure.Subplots(2, 2, "lr 0.01", "lr 0.1", "lr 0.15", "lr 0.19");
        double[] rates = [0.01, 0.1, 0.15, 0.19];
        for (int k = 0; k < rates.Length; k++)
            figure = figure.Add(new ScatterTrace { Y = QuadraticCurve(rates[k], 10, 50), Name = $"lr={rates[k]}" }, k / 2 + 1, k % 2 + 1);
        return figure.WithLogY(figure.YAxisOf(1, 1)).WithTitle("Loss curves");
    }

    /// <summary>Every sample, by name.</summary>
    public static IReadOnlyDictionary<string, Figure> All() => new Dictionary<string, Figure>
    {
        ["scatter-log-vline"] = ScatterLogWithVerticalLine(),
        ["diverging"] = DivergingCurves(),
        ["contour-trajectory"] = ContourWithTrajectory(),
        ["surface"] = Surface(),
        ["heatmap"] = Heatmap(),
        ["bar"] = Bar(),
        ["slider"] = Slider(),
        ["buttons"] = Buttons(),
        ["subplots"] = Subplots(),
    };

    /// <summary>Loss ½·a·w² per step of gradient descent from w = 1.</summary>
    private static double[] QuadraticCurve(double lr, double a, int steps)
    {
        var losses = new double[steps];
        double w = 1;
        for (int k = 0; k < steps; k++)
        {
            losses[k] = 0.5 * a * w * w;
            w -= lr * a * w;
        }
        return losses;
    }

    private static double QuadraticLossAfter(double lr, double a, int steps) => QuadraticCurve(lr, a, steps + 1)[^1];
}
