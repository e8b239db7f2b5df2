using System.Globalization;

namespace GdNotebooks.Charts;

public sealed partial record Figure
{
    /// <summary>
    /// Marks where a run diverged: a dotted red vertical line at step <paramref name="x"/> labelled
    /// "diverged at step k" (or <paramref name="text"/>). Use it with the step at which the loss became NaN or
    /// infinite; the curve itself shows a gap there, since non-finite points are written as null.
    /// </summary>
    public Figure WithDivergenceAt(double x, string? text = null, string xAxis = "x")
    {
        string label = text ?? $"diverged at step {Format(x)}";
        return WithShape(Shape.VerticalLine(x, label, xAxis) with
        {
            Line = new Line { Color = "crimson", Width = 1.5, Dash = Charts.Dash.Dot },
        });
    }

    /// <summary>
    /// Calls <see cref="WithDivergenceAt"/> for every scatter trace whose y holds a NaN or ±Infinity, at the x of its
    /// first such point (its index when x is not numeric), labelled "name diverged at step k". Meant for curves
    /// whose x is the step.
    /// </summary>
    public Figure MarkDivergences()
    {
        Figure figure = this;
        foreach (ScatterTrace trace in Data.OfType<ScatterTrace>())
        {
            int i = trace.Y?.FirstNonFinite() ?? -1;
            if (i < 0) continue;
            double x = trace.X is { Numbers: { } xs } && i < xs.Count && double.IsFinite(xs[i]) ? xs[i] : i;
            string who = trace.Name is { Length: > 0 } name ? $"{name} diverged" : "diverged";
            figure = figure.WithDivergenceAt(x, $"{who} at step {Format(x)}", trace.XAxis ?? "x");
        }
        return figure;
    }

    private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
