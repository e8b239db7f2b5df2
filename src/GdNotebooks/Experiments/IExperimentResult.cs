using GdNotebooks.Charts;

namespace GdNotebooks.Experiments;

/// <summary>
/// What every experiment returns: a typed result that says in words what happened, draws itself as a Plotly
/// figure, and exports its table. The CLI prints the table and writes the chart; the kernel shows both.
/// </summary>
public interface IExperimentResult
{
    /// <summary>One paragraph in words, e.g. "α = 1.5 diverged at step 3; best α = 0.5 reached 1e-12 in 1 step".</summary>
    string Summary { get; }

    /// <summary>Short notices for stderr or a warning output, e.g. "diverged at step 511". Empty when nothing is unusual.</summary>
    IReadOnlyList<string> Notes { get; }

    Figure ToFigure();

    /// <summary>An aligned table for people.</summary>
    string ToTable();

    /// <summary>CSV with a header row; numbers with up to 15 significant digits.</summary>
    string ToCsv();

    /// <summary>JSON; non-finite numbers are null.</summary>
    string ToJson();
}
