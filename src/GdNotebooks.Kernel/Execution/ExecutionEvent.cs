namespace GdNotebooks.Kernel.Execution;

/// <summary>
/// Something a running cell produced. The Jupyter front end maps each event to an iopub message; the
/// headless runner maps it to a notebook output.
/// </summary>
public abstract record ExecutionEvent;
