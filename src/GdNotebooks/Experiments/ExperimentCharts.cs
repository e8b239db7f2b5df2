using GdNotebooks.Charts;
using GdNotebooks.Training;

namespace GdNotebooks.Experiments;

/// <summary>Pieces the comparison charts share: a fixed palette (so a configuration has one color in every subplot) and thinned loss curves.</summary>
internal static class ExperimentCharts
{
    // Plotly's default qualitative colors (D3 category10), fixed so the lr curve and the loss curve of a run match.
    private static readonly string[] Palette =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string Color(int index) => Palette[index % Palette.Length];

    /// <summary>Loss against step for one run, at most <see cref="CurveSampling.MaxPoints"/> points, non-finite points as gaps.</summary>
    public static ScatterTrace LossCurve(Trajectory trajectory, string name, int index, bool showLegend = true)
    {
        var losses = trajectory.Losses;
        var keep = CurveSampling.Indices(losses.Length, losses);
        return new ScatterTrace
        {
            X = keep.Select(i => (double)trajectory.Points[i].Step).ToArray(), Y = CurveSampling.Take(losses, keep),
            Name = name, Mode = ScatterMode.Lines, Line = new Line { Color = Color(index) },
            LegendGroup = name, ShowLegend = showLegend,
        };
    }

    /// <summary>True when every finite loss of every run is positive, so a log axis shows them all.</summary>
    public static bool AllPositive(IEnumerable<Trajectory> runs) => runs.All(t => t.Points.All(p => !(p.Loss <= 0)));
}
