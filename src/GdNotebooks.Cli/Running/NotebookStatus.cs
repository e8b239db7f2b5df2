namespace GdNotebooks.Cli.Running;

/// <summary>How one notebook's run ended.</summary>
public enum NotebookStatus
{
    /// <summary>Every code cell ran (cells tagged <c>raises-exception</c> may have failed).</summary>
    Ok,
    /// <summary>A cell failed or timed out; the cells after it were not run.</summary>
    Failed,
    /// <summary>Stopped by Ctrl-C.</summary>
    Interrupted,
    /// <summary>Not started: an earlier notebook failed under <c>--fail-fast</c>, or the run was interrupted.</summary>
    NotRun,
}
